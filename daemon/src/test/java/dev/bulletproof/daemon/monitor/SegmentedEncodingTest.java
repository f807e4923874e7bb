package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobSegment;
import dev.bulletproof.daemon.jobs.jdbc.JdbcSegmentStore;
import dev.bulletproof.daemon.media.EncodeOptions;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.TranscodeRequest;
import dev.bulletproof.daemon.media.TranscodeResult;
import dev.bulletproof.daemon.media.Transcoder;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segmented encoding end to end in a real daemon with the real ffmpeg, on a 6-minute source made at test
 * time (192x108, so it stays quick): the output has every frame of the source once, no timestamp gap at a
 * seam, and for ProRes the very frames a single pass makes.
 */
class SegmentedEncodingTest {

    private static final double SIX_MINUTES = 360;
    private static final long FRAMES = 9000; // 360 s at 25 fps

    @TempDir
    Path root;

    private static Path sixMinuteSource(MonitorFixture folders, String name) {
        return folders.moveIn(TestClips.sized(folders.staging, name, SIX_MINUTES, "192x108"), name);
    }

    @Test
    void aLongProResJobIsEncodedInSegmentsWhoseJoinIsTheSinglePassFrameForFrame() throws Exception {
        try (MonitorFixture folders = new MonitorFixture(root, "")) {
            folders.start();
            Path input = sixMinuteSource(folders, "show.mov");

            folders.awaitStatus(input, JobStatus.COMPLETED, Duration.ofMinutes(5));

            Job job = folders.jobFor(input);
            Path output = Path.of(job.outputPath());
            assertThat(SegmentProbes.videoFrames(output)).isEqualTo(FRAMES);
            assertNoGaps(SegmentProbes.videoTimes(output), 25);
            assertThat(folders.filesUnder(folders.out))
                    .as("no segment file is left")
                    .containsExactly(output);
            List<JobSegment> segments = segmentsOf(folders, job.id());
            assertThat(segments).hasSize(7);
            assertThat(segments).allSatisfy(segment -> {
                assertThat(segment.state()).isEqualTo(JobSegment.State.DONE);
                assertThat(segment.attempts()).isEqualTo(1);
                assertThat(segment.onDisk()).isFalse();
            });
            assertThat(jobLog(folders, job)).contains("segmented: 6 segments of 60 s (intra-only");

            Path single = singlePass(input, "live-qlab", root.resolve("single/show.mov"));
            List<String> joined = SegmentProbes.frameHashes(output);
            List<String> reference = SegmentProbes.frameHashes(single);
            assertThat(joined).hasSize((int) FRAMES);
            for (int seam = 1500; seam < FRAMES; seam += 1500) {
                assertThat(joined.subList(seam - 3, seam + 3))
                        .as("frames around the seam at frame " + seam)
                        .isEqualTo(reference.subList(seam - 3, seam + 3));
            }
            assertThat(joined).isEqualTo(reference);
        }
    }

    @Test
    void aLongGopH264JobIsSegmentedOnItsKeyframeGridAndDecodesCleanly() throws Exception {
        try (MonitorFixture folders = new MonitorFixture(root, """
                rules:
                  - pattern: "*"
                    profile: live-h264
                    output_pattern: "{filename_no_ext}.{ext}"
                """)) {
            folders.start();
            Path input = sixMinuteSource(folders, "show.mov");

            folders.awaitStatus(input, JobStatus.COMPLETED, Duration.ofMinutes(8));

            Job job = folders.jobFor(input);
            Path output = Path.of(job.outputPath());
            assertThat(output.getFileName().toString()).isEqualTo("show.mp4");
            assertThat(SegmentProbes.videoFrames(output)).isEqualTo(FRAMES);
            assertNoGaps(SegmentProbes.videoTimes(output), 25);
            assertThat(SegmentProbes.decodeErrors(output)).isEmpty();
            assertThat(jobLog(folders, job))
                    .contains("segmented: 6 segments of 60 s (closed GOP, a keyframe every 5 s");
            assertThat(folders.filesUnder(folders.out)).containsExactly(output);
        }
    }

    @Test
    void aSegmentCorruptedOrDeletedBehindTheDaemonsBackIsEncodedAgainNotJoined() throws Exception {
        try (MonitorFixture folders = new MonitorFixture(root, """
                segment_threshold_seconds: 30
                segment_seconds: 10
                """)) {
            folders.start();
            Path input = folders.moveIn(TestClips.sized(folders.staging, "cue.mov", 40, "640x360"), "cue.mov");
            MonitorFixture.await(
                    "the job to start",
                    Duration.ofMinutes(1),
                    () -> !folders.jobs().isEmpty());
            long jobId = folders.jobs().getFirst().id();
            Path wanted = folders.out.resolve("cue__processed__live-qlab.mov");
            Path first = dev.bulletproof.daemon.media.OutputPaths.videoSegmentFor(wanted, jobId, 0);
            Path second = dev.bulletproof.daemon.media.OutputPaths.videoSegmentFor(wanted, jobId, 1);

            MonitorFixture.await("segment 1 recorded", Duration.ofMinutes(2), () -> isDone(folders, jobId, 0));
            corruptInPlace(first);
            MonitorFixture.await("segment 2 recorded", Duration.ofMinutes(2), () -> isDone(folders, jobId, 1));
            Files.delete(second);
            assertThat(folders.finished(input))
                    .as("the join had not started yet")
                    .isFalse();
            folders.awaitStatus(input, JobStatus.COMPLETED, Duration.ofMinutes(5));

            Job job = folders.jobFor(input);
            Path output = Path.of(job.outputPath());
            List<JobSegment> segments = segmentsOf(folders, jobId);
            assertThat(segments.get(0).attempts()).as("the corrupted segment").isEqualTo(2);
            assertThat(segments.get(1).attempts()).as("the deleted segment").isEqualTo(2);
            assertThat(segments.subList(2, segments.size()))
                    .extracting(JobSegment::attempts)
                    .containsOnly(1);
            assertThat(jobLog(folders, job))
                    .contains("segment 1 of 4: missing or changed before the join")
                    .contains("segment 2 of 4: missing or changed before the join");
            assertThat(SegmentProbes.videoFrames(output)).isEqualTo(1000);
            assertNoGaps(SegmentProbes.videoTimes(output), 25);
            assertThat(SegmentProbes.decodeErrors(output)).isEmpty();
            assertThat(SegmentProbes.frameHashes(output))
                    .isEqualTo(
                            SegmentProbes.frameHashes(singlePass(input, "live-qlab", root.resolve("single/cue.mov"))));
        }
    }

    private static boolean isDone(MonitorFixture folders, long jobId, int index) {
        try {
            List<JobSegment> segments = segmentsOf(folders, jobId);
            return segments.size() > index && segments.get(index).done();
        } catch (RuntimeException e) {
            return false; // the database is being written
        }
    }

    /** Same size, different bytes in the middle: only the checksum can tell. */
    private static void corruptInPlace(Path file) throws Exception {
        try (java.nio.channels.FileChannel channel =
                java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[4096]), channel.size() / 2);
        }
    }

    static void assertNoGaps(List<Double> times, double fps) {
        assertThat(times.getFirst()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.5 / fps));
        for (int i = 1; i < times.size(); i++) {
            double step = times.get(i) - times.get(i - 1);
            assertThat(step)
                    .as("step at %.3f s", times.get(i - 1))
                    .isCloseTo(1 / fps, org.assertj.core.data.Offset.offset(0.002));
        }
    }

    static List<JobSegment> segmentsOf(MonitorFixture folders, long jobId) {
        try (Database database = Database.open(folders.data.resolve("bulletproof.db"))) {
            return new JdbcSegmentStore(database, Clock.systemUTC()).of(jobId);
        }
    }

    static String jobLog(MonitorFixture folders, Job job) throws Exception {
        return Files.readString(folders.daemon().engine().jobLog().apply(job.id()));
    }

    /** The same input and profile as one piece, with the engine the daemon uses for short inputs. */
    static Path singlePass(Path input, String profile, Path output) throws Exception {
        TranscodeResult result = new Transcoder(TestMedia.tools())
                .start(
                        new TranscodeRequest(
                                input,
                                output,
                                ProfileCatalog.builtins().require(profile),
                                EncodeOptions.defaults(),
                                null,
                                Duration.ofMinutes(2)),
                        null)
                .await();
        assertThat(result.succeeded()).as(result.error()).isTrue();
        return result.output();
    }
}
