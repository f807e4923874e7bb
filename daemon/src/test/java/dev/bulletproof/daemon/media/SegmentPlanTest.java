package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which jobs are segmented, and where their segments start and end, frame-exact. */
class SegmentPlanTest {

    private static final SegmentSettings DEFAULTS = SegmentSettings.defaults();
    private static final LongSupplier NEVER_COUNTED = () -> fail("the declared frame count was not used");

    private static MediaInfo source(double seconds, String rate, Long frames, boolean audio) {
        double fps = Rational.toDouble(rate);
        return new MediaInfo(
                "mov,mp4,m4a,3gp,3g2,mj2",
                seconds,
                1_000_000L,
                new VideoStreamInfo("h264", "High", 192, 108, "yuv420p", rate, frames, seconds),
                audio ? List.of(new AudioStreamInfo("aac", 2, 48_000)) : List.of());
    }

    private static MediaInfo sixMinutesAt25() {
        return source(360, "25/1", 9000L, true);
    }

    private static Profile profile(String name) {
        return ProfileCatalog.builtins().require(name);
    }

    @Test
    void sixMinutesOfProResAreSixSegmentsOfExactlyOneMinuteAndOneAudioUnit() {
        SegmentPlan plan = SegmentPlan.of(sixMinutesAt25(), profile("live-qlab"), DEFAULTS, NEVER_COUNTED);

        assertThat(plan.segmented()).isTrue();
        assertThat(plan.audio()).isTrue();
        assertThat(plan.totalFrames()).isEqualTo(9000);
        assertThat(plan.video())
                .extracting(SegmentPlan.Span::startFrame)
                .containsExactly(0L, 1500L, 3000L, 4500L, 6000L, 7500L);
        assertThat(plan.video()).extracting(SegmentPlan.Span::frameCount).containsOnly(1500L);
        assertThat(plan.video().get(3).startSeconds()).isEqualTo(180.0);
        assertThat(plan.reason()).startsWith("segmented: 6 segments of 60 s (intra-only");
    }

    @Test
    void theSegmentsAddUpToTheSourceAndTheLastTakesWhatIsLeft() {
        MediaInfo input = source(400.2, "25/1", 10_005L, false);

        SegmentPlan plan = SegmentPlan.of(input, profile("live-h264"), DEFAULTS, NEVER_COUNTED);

        assertThat(plan.segmented()).as(plan.reason()).isTrue();
        assertThat(plan.audio()).isFalse();
        assertThat(plan.video()).hasSize(7);
        assertThat(plan.video().getLast().frameCount()).isEqualTo(10_005 - 9000);
        assertThat(plan.video().stream().mapToLong(SegmentPlan.Span::frameCount).sum())
                .isEqualTo(10_005);
        assertThat(plan.reason()).contains("closed GOP, a keyframe every 5 s");
    }

    @Test
    void aSliverAtTheEndJoinsTheSegmentBeforeIt() {
        MediaInfo input = source(360.4, "25/1", 9010L, true);

        SegmentPlan plan = SegmentPlan.of(input, profile("live-qlab"), DEFAULTS, NEVER_COUNTED);

        assertThat(plan.video()).hasSize(6);
        assertThat(plan.video().getLast().frameCount()).isEqualTo(1510);
    }

    @Test
    void atNtscRatesABoundaryIsTheFirstFrameAtOrAfterEachMinute() {
        MediaInfo input = source(400, "30000/1001", 11_988L, true);

        SegmentPlan plan = SegmentPlan.of(input, profile("live-prores-lt"), DEFAULTS, NEVER_COUNTED);

        // 60 s at 30000/1001 fps is 1798.2 frames: the grid's keyframe falls on frame 1799, then 3597...
        assertThat(plan.video())
                .extracting(SegmentPlan.Span::startFrame)
                .containsExactly(0L, 1799L, 3597L, 5395L, 7193L, 8992L, 10790L);
    }

    @Test
    void aContainerWithoutAFrameCountHasItsFramesCounted() {
        MediaInfo input = source(360, "25/1", null, true);

        SegmentPlan plan = SegmentPlan.of(input, profile("live-qlab"), DEFAULTS, () -> 9000);

        assertThat(plan.segmented()).isTrue();
        assertThat(plan.totalFrames()).isEqualTo(9000);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            live-qlab           | is not longer than segment_threshold_seconds (300 s)                 | 300
            audio-qlab          | only video profiles are segmented                                    | 360
            standard-playback   | adds keyframes at scene cuts                                         | 360
            archival-linux-mkv  | lets the encoder place keyframes                                     | 360
            stream-hd           | changes the frame rate                                               | 360
            """)
    void otherJobsRunAsOnePieceAndSayWhy(String profileName, String why, double seconds) {
        MediaInfo input = source(seconds, "25/1", (long) (seconds * 25), true);

        SegmentPlan plan = SegmentPlan.of(input, profile(profileName), DEFAULTS, NEVER_COUNTED);

        assertThat(plan.segmented()).isFalse();
        assertThat(plan.video()).isEmpty();
        assertThat(plan.reason()).startsWith("single piece: ").contains(why);
    }

    @Test
    void aKeyframeIntervalThatDoesNotDivideTheSegmentLengthRunsAsOnePiece() {
        SegmentPlan plan =
                SegmentPlan.of(sixMinutesAt25(), profile("live-h264"), new SegmentSettings(300, 42), NEVER_COUNTED);

        assertThat(plan.segmented()).isFalse();
        assertThat(plan.reason()).contains("does not divide segment_seconds (42 s)");
    }

    @Test
    void aKeyframeGridOfFractionalFramesRunsAsOnePiece() {
        MediaInfo input = source(400, "30000/1001", 11_988L, true);

        SegmentPlan plan = SegmentPlan.of(input, profile("live-h264"), DEFAULTS, NEVER_COUNTED);

        assertThat(plan.segmented()).isFalse();
        assertThat(plan.reason()).contains("not a whole number of frames");
    }

    @Test
    void aFrameCountThatDisagreesWithTheDurationRunsAsOnePiece() {
        MediaInfo input = source(360, "25/1", 7000L, true);

        SegmentPlan plan = SegmentPlan.of(input, profile("live-qlab"), DEFAULTS, NEVER_COUNTED);

        assertThat(plan.segmented()).isFalse();
        assertThat(plan.reason()).contains("variable frame rate");
    }

    @Test
    void offMeansEveryJobRunsAsOnePiece() {
        SegmentPlan plan = SegmentPlan.of(sixMinutesAt25(), profile("live-qlab"), SegmentSettings.off(), NEVER_COUNTED);

        assertThat(plan.segmented()).isFalse();
        assertThat(plan.reason()).contains("segmented encoding is off");
    }
}
