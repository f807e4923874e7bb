package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.CrashPoint;
import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.daemon.jobs.jdbc.JdbcPublishIntentStore;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The publish sequence under a crash at each of its steps: a child daemon halts itself at the named step
 * (as kill -9 would stop it), a second one starts on the same folders and database. Whatever the step, the
 * end is one output under the final name, one completed job, no temporary file, and the input where
 * on_success says — never a second output, never a source deleted without its output.
 */
class PublishCrashTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "crash at {0} with on_success {1}")
    @CsvSource(textBlock = """
            publish.before-intent,      move
            publish.after-intent,       move
            publish.after-link,         move
            publish.after-temp-removed, move
            dispose.after-record,       move
            dispose.after-apply,        move
            publish.after-link,         delete
            dispose.after-record,       delete
            dispose.after-apply,        delete
            publish.after-temp-removed, keep
            """)
    void aCrashAtAnyPublishStepEndsWithExactlyOneOutputAndOneCompletedJob(String step, String onSuccess)
            throws Exception {
        MonitorFixture folders = new MonitorFixture(root, """
                on_success: %s
                server: { port: %d }
                """.formatted(onSuccess, freePort()));
        Path input = folders.moveIn(TestClips.videoWithAudio(folders.staging, "show cue.mov", 1.5), "show cue.mov");

        try (DaemonProcess crashing = DaemonProcess.start(
                folders.configFile,
                folders.data,
                root.resolve("1.log"),
                List.of("-D" + CrashPoint.PROPERTY + "=" + step))) {
            assertThat(crashing.awaitExit(Duration.ofSeconds(120)))
                    .as("the daemon halted at " + step + "; log:\n" + crashing.log())
                    .isEqualTo(137);
            assertThat(crashing.log()).contains("crash point reached: " + step);
        }

        try (DaemonProcess restarted = DaemonProcess.start(folders.configFile, folders.data, root.resolve("2.log"))) {
            MonitorFixture.await("the job to complete after the restart", Duration.ofSeconds(120), () -> {
                if (!restarted.isAlive()) {
                    throw new AssertionError("the restarted daemon exited; log:\n" + restarted.log());
                }
                return MonitorFixture.jobsIn(folders.data).stream()
                        .anyMatch(job -> job.status() == JobStatus.COMPLETED);
            });
            restarted.terminate();
        }

        Job job = MonitorFixture.jobsIn(folders.data).getFirst();
        assertThat(MonitorFixture.jobsIn(folders.data)).hasSize(1);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        Path output = folders.out.resolve("show cue__processed__" + job.profile() + ".mov");
        assertThat(Path.of(job.outputPath())).isEqualTo(output);
        assertThat(folders.filesUnder(folders.out))
                .as("one output under the final name, no second copy, no temporary file")
                .containsExactly(output);
        assertThat(new MediaProber(TestMedia.tools()).probe(output).durationSeconds())
                .isCloseTo(1.5, Offset.offset(0.2));
        assertThat(MonitorFixture.historyIn(folders.data, job.id()))
                .extracting(JobHistoryEntry::type)
                .filteredOn(type -> type == JobEventType.COMPLETED)
                .hasSize(1);
        assertThat(intentsLeft(folders)).isZero();
        switch (onSuccess) {
            case "move" -> {
                assertThat(input).doesNotExist();
                assertThat(folders.filesUnder(folders.processed))
                        .containsExactly(folders.processed.resolve("show cue.mov"));
            }
            case "delete" -> {
                assertThat(input).doesNotExist();
                assertThat(folders.filesUnder(folders.processed)).isEmpty();
            }
            default -> assertThat(input).exists();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int intentsLeft(MonitorFixture folders) {
        try (Database database = Database.open(folders.data.resolve("bulletproof.db"))) {
            return new JdbcPublishIntentStore(database, Clock.systemUTC()).all().size();
        }
    }
}
