package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.daemon.jobs.JobSegment;
import dev.bulletproof.daemon.jobs.jdbc.JdbcSegmentStore;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point of segmented encoding: a real daemon, a child process, is killed with SIGKILL (its ffmpeg too)
 * about 80 % into a 6-minute ProRes job; the daemon started again on the same folders and database encodes
 * only the segments that were not done, and publishes the output once.
 */
class SegmentedCrashTest {

    /** A line the job's log gets for each encode of a unit: "segment 5 of 6: encoding 60.000 s of media (attempt 2)". */
    static final Pattern ENCODE = Pattern.compile("(segment \\d+ of \\d+|audio): encoding ([0-9.]+) s of media");

    @TempDir
    Path root;

    @Test
    void afterAKillAt80PercentOnlyTheUnfinishedSegmentsAreEncodedAgain() throws Exception {
        MonitorFixture folders =
                new MonitorFixture(root, "server: { port: %d }\n".formatted(MonitorFixture.freePort()));
        folders.moveIn(TestClips.sized(folders.staging, "show.mov", 360, "192x108"), "show.mov");
        Path logFile;
        Set<String> doneAtKill;
        int logLengthAtKill;

        try (DaemonProcess crashing = DaemonProcess.start(folders.configFile, folders.data, root.resolve("1.log"))) {
            MonitorFixture.await("segment 5 of 6 running", Duration.ofMinutes(4), () -> {
                if (!crashing.isAlive()) {
                    throw new AssertionError("the daemon exited; log:\n" + crashing.log());
                }
                return stateOf(folders.data, 4) == JobSegment.State.RUNNING;
            });
            Thread.sleep(500); // into the fifth minute: about 80 % of the video
            crashing.process().descendants().forEach(ProcessHandle::destroyForcibly);
            crashing.kill9();
        }
        Job interrupted = MonitorFixture.jobsIn(folders.data).getFirst();
        logFile = folders.data.resolve("logs").resolve("job-" + interrupted.id() + ".log");
        logLengthAtKill = Files.readString(logFile).length();
        doneAtKill = segments(folders.data).stream()
                .filter(JobSegment::done)
                .map(SegmentedCrashTest::describe)
                .collect(Collectors.toSet());
        assertThat(doneAtKill)
                .as("the audio and the first four segments were done")
                .hasSizeGreaterThanOrEqualTo(5);

        try (DaemonProcess restarted = DaemonProcess.start(folders.configFile, folders.data, root.resolve("2.log"))) {
            MonitorFixture.await("the job to complete after the restart", Duration.ofMinutes(4), () -> {
                if (!restarted.isAlive()) {
                    throw new AssertionError("the restarted daemon exited; log:\n" + restarted.log());
                }
                return MonitorFixture.jobsIn(folders.data).getFirst().status() == JobStatus.COMPLETED;
            });
            restarted.terminate();
        }

        List<String> encodedAfterRestart = encodes(Files.readString(logFile).substring(logLengthAtKill));
        assertThat(encodedAfterRestart)
                .as("only what was not done at the kill")
                .doesNotContainAnyElementsOf(doneAtKill);
        assertThat(encodedAfterRestart).isNotEmpty().contains("segment 6 of 6");
        Job job = MonitorFixture.jobsIn(folders.data).getFirst();
        Path output = Path.of(job.outputPath());
        assertThat(folders.filesUnder(folders.out))
                .as("one output, no segment file left")
                .containsExactly(output);
        assertThat(SegmentProbes.videoFrames(output)).isEqualTo(9000);
        SegmentedEncodingTest.assertNoGaps(SegmentProbes.videoTimes(output), 25);
        assertThat(MonitorFixture.historyIn(folders.data, job.id()))
                .extracting(JobHistoryEntry::type)
                .filteredOn(type -> type == JobEventType.COMPLETED)
                .hasSize(1);
        assertThat(segments(folders.data))
                .allSatisfy(segment -> assertThat(segment.done()).isTrue());
    }

    /** The units named by the encode lines of a job log, in order. */
    static List<String> encodes(String log) {
        Matcher encode = ENCODE.matcher(log);
        List<String> units = new java.util.ArrayList<>();
        while (encode.find()) {
            units.add(encode.group(1));
        }
        return units;
    }

    private static String describe(JobSegment segment) {
        return segment.kind() == JobSegment.Kind.AUDIO ? "audio" : "segment " + (segment.index() + 1) + " of 6";
    }

    private static JobSegment.State stateOf(Path data, int index) {
        List<JobSegment> segments = segments(data);
        return segments.size() > index ? segments.get(index).state() : null;
    }

    private static List<JobSegment> segments(Path data) {
        Path file = data.resolve("bulletproof.db");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Database database = Database.open(file)) {
            List<Job> jobs = MonitorFixture.jobsIn(data);
            return jobs.isEmpty()
                    ? List.of()
                    : new JdbcSegmentStore(database, Clock.systemUTC())
                            .of(jobs.getFirst().id());
        } catch (RuntimeException e) {
            return List.of(); // being created or written
        }
    }
}
