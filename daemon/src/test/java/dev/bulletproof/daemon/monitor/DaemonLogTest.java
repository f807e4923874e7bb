package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The daemon as an operator runs it, as a child process: what its log says, line by line, about a job that
 * completes, one that fails at the probe, one whose ffmpeg is killed from outside (retried), and one
 * interrupted by a kill -9 of the daemon (recovered at the next start), in both log formats.
 */
class DaemonLogTest {

    private static final Pattern TEXT_RECORD = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) (ERROR|WARN |INFO |DEBUG|TRACE) (\\S+)  (.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    /** One record of the log file, whichever format it was written in. */
    record Line(String level, String component, String message, JsonNode json) {
        long jobId() {
            Matcher matcher = Pattern.compile("^job (\\d+) ").matcher(message);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void theLogSaysWhatHappenedToEveryFile(String format) throws Exception {
        MonitorFixture folders = new MonitorFixture(root, "server: {port: " + MonitorFixture.freePort() + "}\n");
        Path good = folders.moveIn(TestClips.videoWithAudio(folders.staging, "good.mp4", 2), "good.mp4");
        Path junk = folders.moveIn(TestClips.randomBytes(folders.staging, "junk.mp4", 64 * 1024), "junk.mp4");
        Path killed = TestClips.sized(folders.staging, "killed.mp4", 4, "640x360");
        Path crashed = TestClips.hd(folders.staging, "crashed.mp4", 4);
        Path crashTemp = OutputPaths.tempFor(folders.out.resolve("crashed__processed__live-qlab.mov"));
        String[] arguments = {"--log-format", format};

        String firstConsole;
        try (DaemonProcess daemon =
                DaemonProcess.start(folders.configFile, folders.data, root.resolve("1.log"), arguments)) {
            awaitJob(folders, daemon, good, job -> job.status() == JobStatus.COMPLETED);
            awaitJob(folders, daemon, junk, job -> job.status() == JobStatus.FAILED);

            Path killedInput = folders.moveIn(killed, "killed.mp4");
            ProcessHandle ffmpeg = await(daemon, "ffmpeg for killed.mp4", () -> daemon.ffmpegFor("killed.mp4"));
            ffmpeg.destroyForcibly();
            awaitJob(folders, daemon, killedInput, job -> job.status() == JobStatus.COMPLETED);

            Path crashedInput = folders.moveIn(crashed, "crashed.mp4");
            awaitJob(folders, daemon, crashedInput, job -> job.status() == JobStatus.PROCESSING);
            MonitorFixture.await("ffmpeg to write crashed.mp4's temporary output", Duration.ofSeconds(120), () -> {
                try {
                    return Files.size(crashTemp) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
            daemon.kill9();
            firstConsole = daemon.log();
        }
        String secondConsole;
        try (DaemonProcess daemon =
                DaemonProcess.start(folders.configFile, folders.data, root.resolve("2.log"), arguments)) {
            awaitJob(
                    folders,
                    daemon,
                    folders.in.resolve("crashed.mp4"),
                    job -> job.status() == JobStatus.COMPLETED && job.attempts() == 2);
            daemon.terminate();
            secondConsole = daemon.log();
        }

        List<Line> lines = parse(Files.readAllLines(folders.data.resolve("daemon.log")), format);
        Job goodJob = job(folders, "good.mp4");
        Job junkJob = job(folders, "junk.mp4");
        Job killedJob = job(folders, "killed.mp4");
        Job crashedJob = job(folders, "crashed.mp4");

        assertThat(messages(lines, goodJob))
                .satisfiesExactly(
                        queued(goodJob),
                        started(goodJob, 1),
                        line -> assertThat(line)
                                .matches("job " + goodJob.id()
                                        + " completed: good\\.mp4 in \\d+\\.\\d s, \\d+\\.\\d KB,"
                                        + " \\d+\\.\\dx realtime, verified -> " + Pattern.quote(goodJob.outputPath())));
        assertThat(messages(lines, junkJob))
                .satisfiesExactly(
                        queued(junkJob),
                        started(junkJob, 1),
                        line -> assertThat(line)
                                .startsWith("job " + junkJob.id() + " failed, not retried: junk.mp4: ")
                                .contains("not a media file"));
        assertThat(messages(lines, killedJob))
                .satisfiesExactly(
                        queued(killedJob),
                        started(killedJob, 1),
                        line -> assertThat(line)
                                .startsWith(
                                        "job " + killedJob.id() + " failed, will be retried: killed.mp4: retrying in ")
                                .endsWith("(attempt 1 of 2)"),
                        started(killedJob, 2),
                        line -> assertThat(line).startsWith("job " + killedJob.id() + " completed: killed.mp4 in "));
        assertThat(messages(lines, crashedJob))
                .satisfiesExactly(
                        queued(crashedJob),
                        started(crashedJob, 1),
                        line -> assertThat(line)
                                .isEqualTo(
                                        "job " + crashedJob.id()
                                                + " recovered after a crash: crashed.mp4 was running (attempt 1); queued again"),
                        started(crashedJob, 2),
                        line -> assertThat(line).startsWith("job " + crashedJob.id() + " completed: crashed.mp4 in "));

        assertThat(lines)
                .filteredOn(line -> line.message().contains("failed, not retried"))
                .extracting(Line::level)
                .containsExactly("WARN");
        if (format.equals("json")) {
            assertJobFields(lines, goodJob, "completed", "completed");
            assertJobFields(lines, junkJob, "failed", "failed");
            assertJobFields(lines, crashedJob, "recovered", "queued");
        }

        for (String console : List.of(firstConsole, secondConsole)) {
            assertThat(console).doesNotContain("SLF4J").doesNotContain("lambda$");
            assertThat(console.lines().filter(line -> line.startsWith("  ffmpeg ")))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .matches("  ffmpeg +\\d+\\.\\d+(\\.\\d+)? \\(\\w+\\) .*")
                            .doesNotContain("Copyright"));
            assertThat(console)
                    .contains(
                            "  log        " + folders.data.resolve("daemon.log").toAbsolutePath());
        }
        assertThat(secondConsole).contains("stopping: no job is running").contains("\nstopped");
    }

    private static java.util.function.Consumer<String> queued(Job job) {
        return line -> assertThat(line)
                .isEqualTo(
                        "job " + job.id() + " queued: " + job.inputPath() + " (the default rule, profile live-qlab)");
    }

    private static java.util.function.Consumer<String> started(Job job, int attempt) {
        return line -> assertThat(line)
                .matches("job " + job.id() + " started: " + Pattern.quote(job.filename()) + " on worker [12], attempt "
                        + attempt);
    }

    private static void assertJobFields(List<Line> lines, Job job, String event, String status) {
        assertThat(lines)
                .filteredOn(line -> line.jobId() == job.id()
                        && line.json().path("event").asText().equals(event))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.json().get("job_id").asLong()).isEqualTo(job.id());
                    assertThat(line.json().get("file").asText()).isEqualTo(job.filename());
                    assertThat(line.json().get("status").asText()).isEqualTo(status);
                    assertThat(line.json().get("component").asText()).isEqualTo("jobs");
                });
    }

    /** Every line of the file must be one whole record: no stray warnings, no two-line records. */
    private static List<Line> parse(List<String> raw, String format) {
        List<Line> lines = new ArrayList<>();
        for (String text : raw) {
            if (format.equals("json")) {
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (IOException e) {
                    throw new AssertionError("not a JSON record: " + text, e);
                }
                assertThat(node.has("time") && node.has("level") && node.has("component") && node.has("message"))
                        .as(text)
                        .isTrue();
                lines.add(new Line(
                        node.get("level").asText(),
                        node.get("component").asText(),
                        node.get("message").asText(),
                        node));
            } else {
                Matcher matcher = TEXT_RECORD.matcher(text);
                assertThat(matcher.matches()).as("a one-line record: " + text).isTrue();
                lines.add(new Line(matcher.group(2).strip(), matcher.group(3), matcher.group(4), null));
            }
        }
        return lines;
    }

    private static List<String> messages(List<Line> lines, Job job) {
        return lines.stream()
                .filter(line -> line.component().equals("jobs") && line.jobId() == job.id())
                .map(Line::message)
                .toList();
    }

    private static Job job(MonitorFixture folders, String fileName) {
        return MonitorFixture.jobsIn(folders.data).stream()
                .filter(job -> job.filename().equals(fileName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no job for " + fileName));
    }

    private static void awaitJob(MonitorFixture folders, DaemonProcess daemon, Path input, Predicate<Job> condition) {
        await(
                daemon,
                input.getFileName() + " to reach the expected state",
                () -> MonitorFixture.jobsIn(folders.data).stream()
                        .filter(job -> job.inputPath().equals(input.toString()))
                        .filter(condition)
                        .findFirst());
    }

    private static <T> T await(DaemonProcess daemon, String what, java.util.function.Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!daemon.isAlive()) {
                throw new AssertionError("the daemon exited while waiting for " + what + "; console:\n" + daemon.log());
            }
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; console:\n" + daemon.log());
    }
}
