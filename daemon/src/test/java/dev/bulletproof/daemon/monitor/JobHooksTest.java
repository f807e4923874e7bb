package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hooks from the config file, run by the real daemon after a real transcode. */
class JobHooksTest {

    @TempDir
    Path root;

    @Test
    void hookRunsWithTheJobsFieldsInItsEnvironmentAndItsOutputInTheJobLog() throws Exception {
        Path script = script("report.sh", """
                #!/bin/sh
                echo "hook saw job $BULLETPROOF_JOB_ID $BULLETPROOF_STATUS profile=$BULLETPROOF_PROFILE"
                echo "input=$BULLETPROOF_INPUT"
                echo "output=$BULLETPROOF_OUTPUT"
                echo "first argument=$1"
                echo "to stderr" >&2
                printf '%s\\n' "$BULLETPROOF_OUTPUT" > "$2"
                """);
        Path seen = root.resolve("seen.txt");
        try (MonitorFixture fixture = new MonitorFixture(root, """
                hooks:
                  - command: [%s, "two words; $(not a shell)", %s]
                    events: [job.completed]
                """.formatted(script, seen))) {
            Daemon daemon = fixture.start();
            Path input = fixture.drop("cue.mov", 1);
            fixture.awaitStatus(input, JobStatus.COMPLETED, Duration.ofSeconds(60));
            Job job = fixture.jobFor(input);
            Path log = TranscodeJobExecutor.logFileOf(daemon.dataFolder().resolve("logs"), job.id());
            MonitorFixture.await(
                    "the hook finished",
                    Duration.ofSeconds(20),
                    () -> logText(log).contains("hook " + script + " finished"));

            String text = logText(log);
            assertThat(text).contains("hook saw job " + job.id() + " completed profile=" + job.profile());
            assertThat(text).contains("input=" + input);
            assertThat(text).contains("output=" + job.outputPath());
            assertThat(text)
                    .as("arguments are passed as they are, never through a shell")
                    .contains("first argument=two words; $(not a shell)");
            assertThat(text).contains("to stderr");
            assertThat(Files.readString(seen).strip()).isEqualTo(job.outputPath());
        }
    }

    @Test
    void failingHookIsReportedAndKeepsThePublishedOutput() throws Exception {
        Path script = script("fail.sh", """
                #!/bin/sh
                echo "cannot reach the edit server"
                exit 3
                """);
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        try (MonitorFixture fixture = new MonitorFixture(root, """
                hooks:
                  - command: [%s]
                """.formatted(script))) {
            Daemon daemon = fixture.start();
            daemon.bus().subscribe(Alert.class, alerts::add);
            Path input = fixture.drop("cue.mov", 1);
            fixture.awaitStatus(input, JobStatus.COMPLETED, Duration.ofSeconds(60));
            Job job = fixture.jobFor(input);
            Path log = TranscodeJobExecutor.logFileOf(daemon.dataFolder().resolve("logs"), job.id());
            MonitorFixture.await(
                    "the hook's failure reported",
                    Duration.ofSeconds(20),
                    () -> logText(log).contains("failed: exited with status 3"));

            assertThat(logText(log)).contains("cannot reach the edit server");
            MonitorFixture.await("an alert", Duration.ofSeconds(5), () -> !alerts.isEmpty());
            assertThat(alerts.getFirst().message())
                    .contains("exited with status 3")
                    .contains("outcome stands");
            assertThat(alerts.getFirst().jobId()).isEqualTo(job.id());
            Job after = daemon.jobs().get(job.id());
            assertThat(after.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(Path.of(after.outputPath())).exists().isNotEmptyFile();
        }
    }

    private Path script(String name, String text) throws Exception {
        Path script = root.resolve(name);
        Files.writeString(script, text);
        script.toFile().setExecutable(true);
        return script;
    }

    private static String logText(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
