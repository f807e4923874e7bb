package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FfmpegArgumentsTest {

    private static final ProfileCatalog CATALOG = ProfileCatalog.builtins();
    private static final MediaTools TOOLS =
            new MediaTools(Path.of("/opt/ffmpeg/ffmpeg"), Path.of("/opt/ffmpeg/ffprobe"), "configured", "test");
    private static final MediaInfo INPUT_25FPS = new MediaInfo(
            "mov,mp4,m4a,3gp,3g2,mj2",
            10,
            1_000_000L,
            new VideoStreamInfo("h264", "High", 1920, 1080, "yuv420p", "25/1"),
            List.of(new AudioStreamInfo("aac", 2, 48000)));

    private static List<String> args(String profile, EncodeOptions options) {
        return FfmpegArguments.encodingArgs(CATALOG.require(profile), options, INPUT_25FPS);
    }

    private static String valueAfter(List<String> args, String option) {
        int index = args.indexOf(option);
        return index < 0 ? null : args.get(index + 1);
    }

    @Test
    void everyVideoProfileMapsFirstVideoAndEveryAudioTrackAndKeepsMetadata() {
        for (Profile profile : CATALOG.all()) {
            List<String> args = FfmpegArguments.encodingArgs(profile, EncodeOptions.defaults(), INPUT_25FPS);
            assertThat(String.join(" ", args)).contains("-map_metadata 0");
            if (profile.isAudioOnly()) {
                assertThat(String.join(" ", args)).contains("-map 0:a:0 -vn");
            } else {
                assertThat(String.join(" ", args)).contains("-map 0:v:0? -map 0:a?");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            live-qlab,        prores_ks, 0, yuv422p10le, pcm_s24le
            live-prores-lt,   prores_ks, 1, yuv422p10le, pcm_s24le
            archival,         prores_ks, 3, yuv422p10le, pcm_s24le
            """)
    void proresProfilesUseTheCorrectedProfileNumbersAndNoGopOptions(
            String name, String codec, String proresProfile, String pixelFormat, String audioCodec) {
        List<String> args = args(name, EncodeOptions.defaults());

        assertThat(valueAfter(args, "-c:v")).isEqualTo(codec);
        assertThat(valueAfter(args, "-profile:v")).isEqualTo(proresProfile);
        assertThat(valueAfter(args, "-pix_fmt")).isEqualTo(pixelFormat);
        assertThat(valueAfter(args, "-c:a")).isEqualTo(audioCodec);
        assertThat(args).doesNotContain("-g", "-force_key_frames", "-preset");
    }

    @Test
    void fixedKeyframesForceTheGridAndSizeTheGopSoItCannotAddKeyframes() {
        List<String> args = args("live-h264", EncodeOptions.defaults());

        assertThat(valueAfter(args, "-force_key_frames")).isEqualTo("expr:gte(t,n_forced*5)");
        assertThat(valueAfter(args, "-g")).isEqualTo("250");
        assertThat(valueAfter(args, "-sc_threshold")).isEqualTo("0");
        assertThat(valueAfter(args, "-forced-idr")).isEqualTo("1");
        assertThat(valueAfter(args, "-crf")).isEqualTo("18");
        assertThat(valueAfter(args, "-maxrate")).isNotNull();
        assertThat(valueAfter(args, "-bufsize")).isNotNull();
        assertThat(args).doesNotContain("-b:v");
        assertThat(valueAfter(args, "-movflags")).isEqualTo("+faststart");
    }

    @Test
    void hevcFixedKeyframesDisableSceneCutsThroughX265Params() {
        List<String> args = args("stream-hd", EncodeOptions.defaults());

        assertThat(valueAfter(args, "-force_key_frames")).isEqualTo("expr:gte(t,n_forced*2)");
        // The GOP is sized from the profile's 29.97 fps output rate, not the 25 fps input.
        assertThat(valueAfter(args, "-x265-params")).isEqualTo("keyint=120:min-keyint=1:scenecut=0:open-gop=0");
        assertThat(valueAfter(args, "-r")).isEqualTo("30000/1001");
        assertThat(valueAfter(args, "-tag:v")).isEqualTo("hvc1");
        assertThat(valueAfter(args, "-vf"))
                .isEqualTo("scale=1920:1080:force_original_aspect_ratio=decrease:force_divisible_by=2");
    }

    @Test
    void standardPlaybackKeepsSceneCutDetection() {
        List<String> args = args("standard-playback", EncodeOptions.defaults());

        assertThat(valueAfter(args, "-force_key_frames")).isEqualTo("expr:gte(t,n_forced*10)");
        assertThat(args).doesNotContain("-sc_threshold");
    }

    @Test
    void optionsOverrideResolutionSampleRateAndKeyframeInterval() {
        List<String> args = args("stream-4k", new EncodeOptions(SpeedPreset.NORMAL, "640x360", 44100, 0.5));

        assertThat(valueAfter(args, "-vf")).startsWith("scale=640:360:force_original_aspect_ratio=decrease");
        assertThat(valueAfter(args, "-ar")).isEqualTo("44100");
        assertThat(valueAfter(args, "-force_key_frames")).isEqualTo("expr:gte(t,n_forced*0.5)");
    }

    @Test
    void keyframeIntervalOptionDoesNotTouchIntraOnlyProfiles() {
        assertThat(args("live-qlab", new EncodeOptions(null, null, null, 2.0))).doesNotContain("-force_key_frames");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            FAST,   live-h264,         medium
            NORMAL, live-h264,         slow
            SLOW,   live-h264,         slower
            FAST,   stream-hd,         fast
            SLOW,   stream-hd,         slow
            FAST,   archival-linux-mkv, medium
            """)
    void speedPresetRemapsTheEncoderPreset(SpeedPreset speed, String profile, String expected) {
        assertThat(valueAfter(args(profile, new EncodeOptions(speed, null, null, null)), "-preset"))
                .isEqualTo(expected);
    }

    @Test
    void oddSizedInputsAreRoundedToEvenSidesWhenNoBoxIsGiven() {
        MediaInfo odd = new MediaInfo(
                "mov", 1, null, new VideoStreamInfo("h264", null, 321, 181, "yuv420p", "25/1"), List.of());

        assertThat(FfmpegArguments.scaleFilter(null, odd)).isEqualTo("scale=trunc(iw/2)*2:trunc(ih/2)*2");
        assertThat(FfmpegArguments.scaleFilter(null, INPUT_25FPS)).isNull();
    }

    @Test
    void commandUsesFileUrlsSoLeadingDashNamesAreNeverOptions() {
        List<String> command = FfmpegArguments.command(
                TOOLS,
                CATALOG.require("live-qlab"),
                EncodeOptions.defaults(),
                INPUT_25FPS,
                Path.of("/media/-clip.mov"),
                Path.of("/out/.-clip.bp-partial.mov"));

        assertThat(command.getFirst()).isEqualTo("/opt/ffmpeg/ffmpeg");
        assertThat(command).containsSubsequence("-nostdin", "-progress", "pipe:1", "-nostats", "-i");
        assertThat(valueAfter(command, "-i")).isEqualTo("file:/media/-clip.mov");
        assertThat(command.getLast()).isEqualTo("file:/out/.-clip.bp-partial.mov");
        assertThat(valueAfter(command, "-f")).isEqualTo("mov");
    }
}
