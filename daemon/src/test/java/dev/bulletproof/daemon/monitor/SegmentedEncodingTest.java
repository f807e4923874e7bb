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
