package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.disk.FreeSpaceProbe;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.events.DiskSpaceLow;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk guard in the real daemon with a real transcode; only the volume's free space is injected (a
 * fault: the test cannot fill the machine's disk).
 */
class DiskGuardTest {

    private static final long TOTAL = 100_000_000_000L;

    @TempDir
    Path root;

    @Test
    void jobWaitsWithTheReasonWhileTheDiskIsShortAndRunsOnceSpaceIsFreed() throws Exception {
        AtomicLong free = new AtomicLong(500_000);
        List<Path> probed = new CopyOnWriteArrayList<>();
        FreeSpaceProbe probe = folder -> {
            probed.add(folder);
            return new FreeSpaceProbe.Space(free.get(), TOTAL, "test-volume");
        };
        EventBus bus = new EventBus();
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        List<DiskSpaceLow> lows = new CopyOnWriteArrayList<>();
        bus.subscribe(Alert.class, alerts::add);
        bus.subscribe(DiskSpaceLow.class, lows::add);
        try (WebhookReceiver receiver = new WebhookReceiver(List.of(), 200);
                MonitorFixture fixture = new MonitorFixture(root, """
                        min_free_space: 1 MB
                        webhooks:
                          - url: %s
                            events: [disk.low]
                        """.formatted(receiver.url()))) {
            Daemon daemon = fixture.start(fixture.options().withFreeSpace(probe), bus);
            Path input = fixture.drop("cue.mov", 1);

            MonitorFixture.await(
                    "the job held with its reason",
                    Duration.ofSeconds(30),
                    () -> fixture.jobs().stream()
                            .anyMatch(job -> job.status() == JobStatus.QUEUED
                                    && job.statusReason() != null
                                    && job.statusReason().startsWith("waiting for disk space: 500 kB free, needs ~")));
            Job held = fixture.jobFor(input);
            // Several more looks at the queue (it rechecks every 2 s): still held, alert and event once only.
            Thread.sleep(5_000);
            assertThat(daemon.jobs().get(held.id()).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(daemon.jobs().get(held.id()).startedAt()).isNull();
            assertThat(probed).contains(fixture.out);
            assertThat(lows).hasSize(1);
            assertThat(lows.getFirst().jobId()).isEqualTo(held.id());
            assertThat(lows.getFirst().freeBytes()).isEqualTo(500_000);
            assertThat(alerts.stream().filter(a -> a.level().equals("warning")))
                    .singleElement()
                    .satisfies(alert -> assertThat(alert.message()).contains("waiting for disk space"));
            MonitorFixture.await(
                    "the disk.low webhook",
                    Duration.ofSeconds(10),
                    () -> receiver.received().size() == 1);
            var body = Json.mapper().readTree(receiver.received().getFirst().body());
            assertThat(body.get("event").asText()).isEqualTo("disk.low");
            assertThat(body.at("/disk/folder").asText()).isEqualTo(fixture.out.toString());
            assertThat(body.at("/disk/free_bytes").asLong()).isEqualTo(500_000);

            free.set(50_000_000_000L);

            fixture.awaitStatus(input, JobStatus.COMPLETED, Duration.ofSeconds(60));
            assertThat(Path.of(fixture.jobFor(input).outputPath())).exists();
            assertThat(alerts.stream().filter(a -> a.level().equals("info")))
                    .anySatisfy(alert -> assertThat(alert.message()).contains("disk space is back"));
            assertThat(lows).hasSize(1);
        }
    }
}
