package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every built-in profile encodes a real 2 s clip with two audio tracks, and the result is checked with
 * ffprobe. Fixed-grid profiles get a 0.5 s interval so the short clip spans several intervals; the
 * streaming profiles get a small box so they stay fast.
 */
class BuiltinProfilesEncodeTest {

    private static final double CLIP_SECONDS = 2.0;
    private static final double GRID_SECONDS = 0.5;

    @TempDir
    static Path dir;

    private static Path twoTrackClip;
    private static MediaProber prober;

    @BeforeAll
    static void makeClip() {
        twoTrackClip = TestClips.videoTwoAudioTracks(dir, "show two tracks.mp4", CLIP_SECONDS);
        prober = new MediaProber(TestMedia.tools());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # profile,         format,   video, prores,   pixel format, audio,     rate,  tracks, keyframes
            live-qlab,           mov,      prores, Proxy,   yuv422p10le,  pcm_s24le, 48000, 2,      all
            audio-qlab,          wav,      ,       ,        ,             pcm_s24le, 48000, 1,      none
            live-prores-lt,      mov,      prores, LT,      yuv422p10le,  pcm_s24le, 48000, 2,      all
            live-h264,           mp4,      h264,   ,        yuv420p,      aac,       48000, 2,      grid
            live-linux-hevc-mkv, matroska, hevc,   ,        yuv420p,      aac,       48000, 2,      grid
            standard-playback,   mp4,      h264,   ,        yuv420p,      aac,       48000, 2,      grid-and-cuts
            stream-hd,           mp4,      hevc,   ,        yuv420p,      aac,       48000, 2,      grid
            stream-4k,           mp4,      hevc,   ,        yuv420p,      aac,       48000, 2,      grid
            archival,            mov,      prores, HQ,      yuv422p10le,  pcm_s24le, 48000, 2,      all
            archival-linux-mkv,  matroska, hevc,   ,        yuv422p10le,  pcm_s24le, 48000, 2,      any
            """)
    void builtinProfileProducesWhatItPromises(
            String profileName,
            String format,
            String videoCodec,
            String proresProfile,
            String pixelFormat,
            String audioCodec,
            int sampleRate,
            int audioTracks,
            String keyframes)
            throws InterruptedException {
        Profile profile = ProfileCatalog.builtins().require(profileName);
        String box = profileName.startsWith("stream-") ? "320:180" : null;
        EncodeOptions options = new EncodeOptions(SpeedPreset.FAST, box, null, GRID_SECONDS);
        Path wanted = dir.resolve("out").resolve(profileName + "." + profile.extension());

        TranscodeResult result = new Transcoder(TestMedia.tools())
                .start(
                        new TranscodeRequest(twoTrackClip, wanted, profile, options, null, Duration.ofSeconds(60)),
                        ProgressListener.NONE)
                .await();

        assertThat(result.error()).isNull();
        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.SUCCEEDED);
        assertThat(result.verified()).isTrue();
        assertThat(result.output()).isEqualTo(wanted).exists();
        MediaInfo out = prober.probe(result.output());
        assertThat(out.formatName()).contains(format);
        assertThat(out.durationSeconds()).isCloseTo(CLIP_SECONDS, org.assertj.core.api.Assertions.within(0.2));
        assertThat(out.audio()).hasSize(audioTracks).allSatisfy(track -> {
            assertThat(track.codec()).isEqualTo(audioCodec);
            assertThat(track.sampleRate()).isEqualTo(sampleRate);
        });
        if (videoCodec == null) {
            assertThat(out.hasVideo()).isFalse();
            return;
        }
        assertThat(out.video().codec()).isEqualTo(videoCodec);
        assertThat(out.video().pixelFormat()).isEqualTo(pixelFormat);
        if (proresProfile != null) {
            assertThat(out.video().profile()).isEqualTo(proresProfile);
        }
        if (profileName.startsWith("stream-")) {
            assertThat(out.video().frameRate()).isEqualTo("30000/1001");
            assertThat(out.resolution()).isEqualTo("320x180");
        }
        checkKeyframes(result.output(), out, keyframes);
    }

    private static void checkKeyframes(Path output, MediaInfo out, String expectation) {
        List<Double> keyframes = prober.keyframeTimes(output);
        double frame = 1 / out.video().frameRateValue();
        assertThat(keyframes).isNotEmpty();
        switch (expectation) {
            case "all" -> assertThat(keyframes.size()).isGreaterThanOrEqualTo((int) (CLIP_SECONDS / frame) - 1);
            case "grid" -> {
                assertEveryGridPointHasAKeyframe(keyframes, frame);
                assertThat(keyframes)
                        .as("keyframes only on the %s s grid, within one frame", GRID_SECONDS)
                        .allSatisfy(t -> assertThat(distanceToGrid(t)).isLessThanOrEqualTo(frame + 1e-3));
                for (int i = 1; i < keyframes.size(); i++) {
                    assertThat(keyframes.get(i) - keyframes.get(i - 1))
                            .as("no keyframe pairs")
                            .isGreaterThan(GRID_SECONDS - frame - 1e-3);
                }
            }
            case "grid-and-cuts" -> assertEveryGridPointHasAKeyframe(keyframes, frame);
            default -> assertThat(keyframes.getFirst()).isLessThan(frame);
        }
    }

    private static void assertEveryGridPointHasAKeyframe(List<Double> keyframes, double frame) {
        for (double point = 0; point < CLIP_SECONDS - frame; point += GRID_SECONDS) {
            double gridPoint = point;
            assertThat(keyframes)
                    .as("a keyframe at %.2f s", gridPoint)
                    .anySatisfy(t -> assertThat(t - gridPoint).isBetween(-1e-3, frame + 1e-3));
        }
    }

    private static double distanceToGrid(double t) {
        double below = Math.floor(t / GRID_SECONDS + 1e-9) * GRID_SECONDS;
        return t - below;
    }
}
