package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as a child process, killed mid-encode: nothing is lost, nothing runs twice, nothing half-written stays. */
class CrashRecoveryTest {

    /** Each test's child daemons listen on a port of their own, never on a default another daemon may hold. */
    private static String hevcRule() {
        return """
                rules:
                  - pattern: "*.mkv"
                    profile: live-linux-hevc-mkv
                server: { port: %d }
                """.formatted(freePort());
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path root;

    @Test
    void killDashNineMidEncodeThenRestartCompletesTheJobExactlyOnce() throws Exception {
        MonitorFixture folders = new MonitorFixture(root, hevcRule());
        Path input = folders.moveIn(TestClips.hd(folders.staging, "crash test.mkv", 8), "crash test.mkv");
        Path temp = OutputPaths.tempFor(folders.out.resolve("crash test__processed__live-linux-hevc-mkv.mkv"));

        long orphanPid;
        try (DaemonProcess daemon = DaemonProcess.start(folders.configFile, folders.data, root.resolve("1.log"))) {
            awaitJob(folders, "the encode to be under way", job -> job.status() == JobStatus.PROCESSING, daemon);
            MonitorFixture.await("ffmpeg to write its temporary file", Duration.ofSeconds(120), () -> size(temp) > 0);
            orphanPid = daemon.pidOfChildFfmpeg();

            daemon.kill9();
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                .as("ffmpeg outlives a kill -9 of its daemon; the next start must deal with it")
                .contains(true);

        try (DaemonProcess daemon = DaemonProcess.start(folders.configFile, folders.data, root.resolve("2.log"))) {
            awaitJob(
                    folders,
                    "the job to complete after the restart",
                    job -> job.status() == JobStatus.COMPLETED,
                    daemon,
                    Duration.ofSeconds(180));
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                    .as("the orphaned ffmpeg was killed")
                    .isNotEqualTo(Optional.of(true));
            daemon.terminate();
        }

        List<Job> jobs = MonitorFixture.jobsIn(folders.data);
        assertThat(jobs).hasSize(1);
        Job job = jobs.getFirst();
        assertThat(job.inputPath()).isEqualTo(input.toString());
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.verified()).isTrue();
        assertThat(MonitorFixture.historyIn(folders.data, job.id()))
                .extracting(JobHistoryEntry::type)
                .containsExactly(
                        JobEventType.CREATED,
                        JobEventType.QUEUED,
                        JobEventType.STARTED,
                        JobEventType.RECOVERED,
                        JobEventType.STARTED,
                        JobEventType.COMPLETED);
        assertThat(folders.filesUnder(folders.out)).containsExactly(Path.of(job.outputPath()));
        assertThat(new MediaProber(TestMedia.tools())
                        .probe(Path.of(job.outputPath()))
                        .durationSeconds())
                .isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.2));
        assertThat(input).exists();
    }

    @Test
    void sigtermMidEncodeRequeuesTheJobAndRemovesItsPartialOutput() throws Exception {
        MonitorFixture folders = new MonitorFixture(root, hevcRule());
        folders.moveIn(TestClips.hd(folders.staging, "stop.mkv", 8), "stop.mkv");
        Path temp = OutputPaths.tempFor(folders.out.resolve("stop__processed__live-linux-hevc-mkv.mkv"));

        try (DaemonProcess daemon = DaemonProcess.start(folders.configFile, folders.data, root.resolve("1.log"))) {
            awaitJob(folders, "the encode to be under way", job -> job.status() == JobStatus.PROCESSING, daemon);
            MonitorFixture.await("ffmpeg to write its temporary file", Duration.ofSeconds(120), () -> size(temp) > 0);
            long ffmpeg = daemon.pidOfChildFfmpeg();

            daemon.terminate();

            assertThat(ProcessHandle.of(ffmpeg).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(daemon.log())
                    .as("the console says what the stop did")
                    .contains("stopping: 1 running job(s) go back to the queue")
                    .contains("stopped: 1 job(s) re-queued, they run again at the next start");
        }
        // Written while the JVM shuts down, when java.util.logging's own hook would have closed the file.
        assertThat(Files.readString(folders.data.resolve("daemon.log")))
                .containsPattern("INFO  jobs  job \\d+ re-queued: stop\\.mkv was running when the daemon stopped")
                .containsPattern("INFO  Daemon  stopped");
        Job job = MonitorFixture.jobsIn(folders.data).getFirst();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.attempts())
                .as("an attempt cut short by a stop is not counted")
                .isZero();
        assertThat(folders.filesUnder(folders.out)).isEmpty();

        try (DaemonProcess daemon = DaemonProcess.start(folders.configFile, folders.data, root.resolve("2.log"))) {
            awaitJob(
                    folders,
                    "the job to complete after the restart",
                    candidate -> candidate.status() == JobStatus.COMPLETED,
                    daemon,
                    Duration.ofSeconds(180));
            daemon.terminate();
        }
        assertThat(folders.filesUnder(folders.out)).hasSize(1);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void awaitJob(MonitorFixture folders, String what, Predicate<Job> condition, DaemonProcess daemon) {
        awaitJob(folders, what, condition, daemon, Duration.ofSeconds(60));
    }

    private static void awaitJob(
            MonitorFixture folders, String what, Predicate<Job> condition, DaemonProcess daemon, Duration limit) {
        try {
            MonitorFixture.await(what, limit, () -> {
                if (!daemon.isAlive()) {
                    throw new AssertionError("the daemon exited early; log:\n" + daemon.log());
                }
                return Files.exists(folders.data.resolve("bulletproof.db"))
                        && MonitorFixture.jobsIn(folders.data).stream().anyMatch(condition);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\ndaemon log:\n" + daemon.log(), e);
        }
    }
}
