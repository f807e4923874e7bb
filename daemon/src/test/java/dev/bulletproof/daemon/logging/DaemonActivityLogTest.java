package dev.bulletproof.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.config.ConfigApplied;
import dev.bulletproof.daemon.config.ConfigChanges;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.QueueEvent;
import dev.bulletproof.daemon.metrics.DaemonMetrics;
import dev.bulletproof.model.JobStatus;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lines and counters for events a real daemon run cannot produce on demand in a test's time: a stall
 * (minutes of silence from ffmpeg), queue and worker changes, a config save.
 */
class DaemonActivityLogTest {

    private final EventBus bus = new EventBus();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private static Job job(JobStatus status, String reason, String error) {
        return new Job(
                4,
                "/in/slow.mov",
                10,
                1,
                "slow.mov",
                status,
                reason,
                "live-qlab",
                "/out/slow.mov",
                null,
                0,
                1,
                error,
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null,
                12.0,
                null,
                null,
                null,
                2.0,
                3);
    }

    @Test
    void aStalledRunIsToldAsAStallThenAsAFailureThatWillBeRetried() {
        DaemonMetrics metrics = new DaemonMetrics(bus, Clock.systemUTC());
        List<String> lines = logged(() -> {
            Job running = job(JobStatus.PROCESSING, "processing", null);
            bus.publish(new JobEvent.RunEnded(
                    running,
                    1,
                    ExecutionResult.stalled("stalled: ffmpeg made no progress for 120 s and was stopped", 121.0)));
            bus.publish(new JobEvent.Changed(
                    job(
                            JobStatus.QUEUED,
                            "retrying in 5 s after: stalled: ffmpeg made no progress for 120 s and was stopped"
                                    + " (attempt 1 of 3)",
                            "stalled"),
                    JobEvent.Change.RETRY_SCHEDULED));
        });

        assertThat(lines)
                .containsExactly(
                        "WARN  jobs  job 4 stalled: slow.mov: stalled: ffmpeg made no progress for 120 s and was"
                                + " stopped; its ffmpeg was killed",
                        "WARN  jobs  job 4 failed, will be retried: slow.mov: retrying in 5 s after: stalled: ffmpeg"
                                + " made no progress for 120 s and was stopped (attempt 1 of 3)");
        assertThat(counter(metrics, "bulletproof_stalls", null)).isEqualTo(1);
        assertThat(counter(metrics, "bulletproof_job_failures", "stalled")).isEqualTo(1);
        assertThat(counter(metrics, "bulletproof_job_failures", "retried")).isZero();
        assertThat(counter(metrics, "bulletproof_encode_seconds", "live-qlab")).isEqualTo(121.0);
    }

    @Test
    void queueAndConfigChangesGetALineEach() {
        List<String> lines = logged(() -> {
            bus.publish(new QueueEvent(true, 2));
            bus.publish(new QueueEvent(false, 2));
            bus.publish(new QueueEvent(false, 3));
            bus.publish(new ConfigApplied(null, new ConfigChanges(List.of("max_workers", "rules")), false));
            bus.publish(new ConfigApplied(null, new ConfigChanges(List.of("server")), true));
        });

        assertThat(lines)
                .containsExactly(
                        "INFO  queue  queue paused: running jobs go on, no new job starts",
                        "INFO  queue  queue resumed",
                        "INFO  queue  workers: 3",
                        "INFO  config  configuration applied: changed max_workers, rules",
                        "INFO  config  configuration applied: changed server; some changes take effect at the next"
                                + " start");
    }

    @Test
    void aPausedAndACancelledJobAreTold() {
        List<String> lines = logged(() -> {
            bus.publish(new JobEvent.Changed(job(JobStatus.PAUSED, "paused", null), JobEvent.Change.PAUSED));
            bus.publish(new JobEvent.Changed(job(JobStatus.PROCESSING, "processing", null), JobEvent.Change.RESUMED));
            bus.publish(new JobEvent.Changed(
                    job(JobStatus.CANCELLED, "cancelled by user", null), JobEvent.Change.CANCELLED));
        });

        assertThat(lines)
                .containsExactly(
                        "INFO  jobs  job 4 paused: slow.mov",
                        "INFO  jobs  job 4 resumed: slow.mov",
                        "INFO  jobs  job 4 cancelled: slow.mov (cancelled by user)");
    }

    /** The lines printed while {@code publishing} runs, without their time stamps. */
    private List<String> logged(Runnable publishing) {
        try (DaemonLogging logging = DaemonLogging.install(
                        new DaemonLogging.Settings(LogLevel.INFO, LogFormat.TEXT, null, 1 << 20, 1),
                        new PrintStream(console, true, StandardCharsets.UTF_8));
                DaemonActivityLog activity = DaemonActivityLog.subscribe(bus)) {
            publishing.run();
        }
        return console.toString(StandardCharsets.UTF_8)
                .lines()
                .map(line -> line.substring("2026-01-01 00:00:00.000 ".length()))
                .toList();
    }

    private static double counter(DaemonMetrics metrics, String name, String label) {
        for (MetricSnapshot snapshot : metrics.scrape()) {
            if (snapshot.getMetadata().getName().equals(name) && snapshot instanceof CounterSnapshot counter) {
                return counter.getDataPoints().stream()
                        .filter(point -> label == null
                                || point.getLabels().stream()
                                        .anyMatch(l -> l.getValue().equals(label)))
                        .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue)
                        .sum();
            }
        }
        return 0;
    }
}
