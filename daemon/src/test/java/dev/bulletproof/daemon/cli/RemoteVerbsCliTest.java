package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every remote verb through the command line against a real daemon, its API and real encodes. */
class RemoteVerbsCliTest {

    @TempDir
    Path root;

    private static CliRun remote(RunningDaemon daemon, String... verbAndArguments) {
        List<String> args = new ArrayList<>(List.of(verbAndArguments));
        args.addAll(List.of("--url", daemon.url().toString(), "--data-dir", daemon.data.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "jobs", "pause", "resume", "cancel", "retry"})
    void everyRemoteVerbIsListedAndHasHelp(String verb) {
        assertThat(CliRun.of("--help").out()).contains(verb);
        CliRun help = CliRun.of(verb, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage:", verb, "--url", "--token", "--data-dir");
    }

    @Test
    void anUnknownStatusIsAUsageError() {
        CliRun run = CliRun.of("jobs", "--status", "sleeping", "--url", "http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sleeping");
    }

    @Test
    void withNoDaemonEveryVerbSaysSoAndFails() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + freePort;

        for (String[] verb : List.of(
                new String[] {"status"},
                new String[] {"jobs"},
                new String[] {"pause"},
                new String[] {"resume", "3"},
                new String[] {"cancel", "3"},
                new String[] {"retry", "3"})) {
            List<String> args = new ArrayList<>(List.of(verb));
            args.addAll(List.of("--url", url, "--token", "x"));
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(verb[0]).isEqualTo(1);
            assertThat(run.err())
                    .as(verb[0])
                    .contains("error: no daemon answers at " + url + "; start one with ./bulletproof daemon");
        }
    }

    @Test
    void statusJobsAndTheQueueVerbsDriveARealDaemon() {
        try (RunningDaemon daemon = new RunningDaemon(root)) {
            BulletproofClient client = daemon.client();

            CliRun pauseQueue = remote(daemon, "pause");
            assertThat(pauseQueue.exitCode()).isZero();
            assertThat(pauseQueue.out()).startsWith("queue paused");

            JobModel small = client.enqueue(daemon.clip("small.mov", 1).toString(), "live-qlab");
            JobModel other = client.enqueue(daemon.clip("other.mov", 1).toString(), "live-qlab");

            CliRun status = remote(daemon, "status");
            assertThat(status.exitCode()).isZero();
            assertThat(status.out())
                    .contains("daemon   " + daemon.url() + "  ok")
                    .contains("queue    paused (no new job starts), 0 of 2 workers busy")
                    .containsPattern("eta      queue done in about .+ \\(2 queued job\\(s\\), estimated "
                            + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, if the queue resumes now\\)")
                    .contains("jobs     2 in all: 2 queued, 0 in progress, 0 completed, 0 failed, 0 cancelled")
                    .contains("running  nothing");

            CliRun jobs = remote(daemon, "jobs");
            assertThat(jobs.exitCode()).isZero();
            assertThat(jobs.out().lines().toList())
                    .first()
                    .asString()
                    .matches("ID +STATUS +PROGRESS +PROFILE +FILENAME +ERROR");
            assertThat(jobs.out()).contains("small.mov", "other.mov");
            assertThat(jobs.out().lines().filter(line -> line.contains("queued")))
                    .hasSize(2)
                    .allMatch(line -> line.contains(" - ") && line.contains("live-qlab"));

            CliRun cancel = remote(daemon, "cancel", other.id());
            assertThat(cancel.exitCode()).isZero();
            assertThat(cancel.out().strip()).isEqualTo("cancelled job " + other.id() + " (other.mov), now cancelled");

            CliRun onlyCancelled = remote(daemon, "jobs", "--status", "cancelled");
            assertThat(onlyCancelled.out()).contains("other.mov").doesNotContain("small.mov");
            CliRun byName = remote(daemon, "jobs", "-q", "small", "--limit", "5");
            assertThat(byName.out()).contains("small.mov").doesNotContain("other.mov");

            CliRun retry = remote(daemon, "retry", other.id());
            assertThat(retry.exitCode()).isZero();
            assertThat(retry.out().strip()).isEqualTo("queued again job " + other.id() + " (other.mov), now queued");

            CliRun resumeQueue = remote(daemon, "resume");
            assertThat(resumeQueue.exitCode()).isZero();
            assertThat(resumeQueue.out()).startsWith("queue running: up to 2 job(s) at once");

            daemon.awaitJob(
                    small.id(), "small.mov finished", job -> job.status().isFinished());
            daemon.awaitJob(
                    other.id(), "other.mov finished", job -> job.status().isFinished());
            CliRun completed = remote(daemon, "jobs", "--status", "completed");
            assertThat(completed.out().lines().filter(line -> line.contains("completed")))
                    .hasSize(2)
                    .allMatch(line -> line.contains("100 %"));
            assertThat(remote(daemon, "status").out())
                    .contains("2 completed")
                    .contains("eta      nothing queued")
                    .contains("recent   2 finished in the last 24 h");

            CliRun pauseFinished = remote(daemon, "pause", small.id());
            assertThat(pauseFinished.exitCode()).isEqualTo(1);
            assertThat(pauseFinished.err()).startsWith("error: ").contains(small.id());
            CliRun cancelMissing = remote(daemon, "cancel", "987654");
            assertThat(cancelMissing.exitCode()).isEqualTo(1);
            assertThat(cancelMissing.err()).contains("987654");
        }
    }

    @Test
    void pauseAndResumeOfOneRunningJob() {
        try (RunningDaemon daemon = new RunningDaemon(root)) {
            // A 4K HEVC encode of even one second runs long enough to be caught; once paused it costs no CPU.
            JobModel slow = daemon.client().enqueue(daemon.clip("slow.mov", 1).toString(), "stream-4k");
            daemon.awaitJob(slow.id(), "slow.mov encoding", job -> job.status() == JobStatus.PROCESSING);

            CliRun pause = remote(daemon, "pause", slow.id());
            assertThat(pause.exitCode()).isZero();
            assertThat(pause.out().strip()).isEqualTo("paused job " + slow.id() + " (slow.mov), now paused");
            CliRun status = remote(daemon, "status");
            assertThat(status.out())
                    .contains("0 of 2 workers busy") // a paused job holds no worker
                    .contains("running\n")
                    .contains("slow.mov");
            assertThat(status.out().lines().filter(line -> line.contains("slow.mov")))
                    .singleElement()
                    .asString()
                    .contains("paused")
                    .containsPattern("\\d+ %");

            CliRun resume = remote(daemon, "resume", slow.id());
            assertThat(resume.exitCode()).isZero();
            assertThat(resume.out().strip()).isEqualTo("resumed job " + slow.id() + " (slow.mov), now processing");
            CliRun cancel = remote(daemon, "cancel", slow.id());
            assertThat(cancel.exitCode()).isZero();
            assertThat(cancel.out()).contains("now cancelled");
        }
    }

    @Test
    void aWrongTokenIsRefusedWithAHint() {
        try (RunningDaemon daemon = new RunningDaemon(root)) {
            CliRun run = CliRun.of("status", "--url", daemon.url().toString(), "--token", "wrong");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("pass --token or set BULLETPROOF_TOKEN, or --data-dir");
        }
    }

    @Test
    void theAddressComesFromTheConfigsServerSection() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        Path config = root.resolve("remote.yaml");
        Files.writeString(config, "server:\n  host: 0.0.0.0\n  port: " + freePort + "\n  auth: token\n");

        CliRun run = CliRun.of("jobs", "--config", config.toString(), "--token", "x");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no daemon answers at http://127.0.0.1:" + freePort + ";");
    }
}
