package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad inputs and bad output folders end as FAILED with a clear reason and leave no file behind. */
class TranscoderFailureTest {

    @TempDir
    Path dir;

    private TranscodeResult transcode(Path input, Path output, String profile) throws InterruptedException {
        return new Transcoder(TestMedia.tools())
                .start(
                        new TranscodeRequest(
                                input,
                                output,
                                ProfileCatalog.builtins().require(profile),
                                EncodeOptions.defaults(),
                                dir.resolve("logs/job.log"),
                                Duration.ofSeconds(60)),
                        ProgressListener.NONE)
                .await();
    }

    private void assertFailedCleanly(TranscodeResult result, Path outDir, String expectedMessage) {
        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.FAILED);
        assertThat(result.error()).contains(expectedMessage).doesNotContain("Exception", "\tat ");
        assertThat(result.output()).isNull();
        assertThat(result.verified()).isFalse();
        assertThat(MediaFiles.namesIn(outDir)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            zero-byte,    'empty file'
            random-bytes, 'not a media file'
            truncated,    'not a media file'
            missing,      'no such file'
            audio-only,   'input has no video stream; use audio-qlab'
            """)
    void badInputFailsWithAClearMessageAndNoOutput(String kind, String message) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path input =
                switch (kind) {
                    case "zero-byte" -> TestClips.zeroBytes(in, "-empty 'clip'.mov");
                    case "random-bytes" -> TestClips.randomBytes(in, "noise ü.mov", 64 * 1024);
                    case "truncated" ->
                        TestClips.truncatedCopy(
                                TestClips.videoWithAudio(dir, "whole.mp4", 1), in.resolve("half.mp4"), 0.5);
                    case "missing" -> in.resolve("not there.mov");
                    case "audio-only" -> TestClips.audioOnly(in, "tone.wav", 1);
                    default -> throw new IllegalArgumentException(kind);
                };
        Path out = dir.resolve("out");

        TranscodeResult result = transcode(input, out.resolve("result.mov"), "live-qlab");

        assertFailedCleanly(result, out, message);
    }

    @Test
    void truncatedButPlayableInputNeverPublishesAShortOutput() throws Exception {
        // A faststart MP4 keeps its index at the front: cut short, it still probes with its full duration,
        // and only verification of the encode notices that the picture stops early.
        Path whole = TestClips.videoWithAudio(dir, "whole.mp4", 2);
        Path faststart =
                transcode(whole, dir.resolve("fs/whole-fs.mp4"), "live-h264").output();
        Path cut = TestClips.truncatedCopy(faststart, dir.resolve("cut.mp4"), 0.4);
        Path out = dir.resolve("out");

        TranscodeResult result = transcode(cut, out.resolve("result.mov"), "live-qlab");

        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.FAILED);
        assertThat(result.error())
                .startsWith("output failed verification: duration 0.")
                .contains("input 2.0")
                .contains("the source is cut short: it declares 2.0");
        assertThat(result.failureKind())
                .as("a source cut short fails the same way every time")
                .isEqualTo(FailureKind.INPUT);
        assertThat(MediaFiles.namesIn(out)).isEmpty();
    }

    @Test
    void aStillImageNamedLikeAVideoIsRefusedBeforeEncoding() throws Exception {
        Path input = TestClips.stillImage(Files.createDirectories(dir.resolve("in")), "image.mov");
        Path out = dir.resolve("out");

        TranscodeResult result = transcode(input, out.resolve("image.mov"), "live-qlab");

        assertFailedCleanly(result, out, "input is a still image (png), not video");
        assertThat(result.failureKind()).isEqualTo(FailureKind.INPUT);
        assertThat(Files.readString(dir.resolve("logs/job.log")))
                .as("a job refused at the probe still has a log saying why")
                .contains("not started: input is a still image (png)");
    }

    @Test
    void aSingleFrameVideoIsRefusedBeforeEncoding() throws Exception {
        Path input = TestClips.singleFrame(Files.createDirectories(dir.resolve("in")), "one frame.mp4");
        Path out = dir.resolve("out");

        TranscodeResult result = transcode(input, out.resolve("one frame.mov"), "live-qlab");

        assertFailedCleanly(result, out, "input is a single frame, not video");
        assertThat(result.failureKind()).isEqualTo(FailureKind.INPUT);
    }

    @Test
    void anEncoderThatStopsOneAndAHalfSecondsEarlyNeverPublishes() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "show.mp4", 4);
        Path out = dir.resolve("out");
        MediaTools early = EarlyStoppingFfmpeg.install(dir.resolve("early-ffmpeg"), 2.5);

        TranscodeResult result = new Transcoder(early)
                .start(
                        new TranscodeRequest(
                                input,
                                out.resolve("show.mov"),
                                ProfileCatalog.builtins().require("live-qlab"),
                                EncodeOptions.defaults(),
                                null,
                                Duration.ofSeconds(60)),
                        ProgressListener.NONE)
                .await();

        assertFailedCleanly(result, out, "output failed verification: duration 2.5");
        assertThat(result.error()).contains("s, input 4.00 s (allowed difference 0.13 s)");
        assertThat(result.failureKind())
                .as("the source is whole, so a retry may succeed")
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void outputFolderThatCannotBeCreatedFailsWithAClearMessage() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 1);
        Path fileInTheWay = Files.writeString(dir.resolve("not-a-folder"), "x");

        TranscodeResult result = transcode(input, fileInTheWay.resolve("sub/result.mov"), "live-qlab");

        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.FAILED);
        assertThat(result.error()).startsWith("cannot write to output folder");
        assertThat(Files.isRegularFile(fileInTheWay)).isTrue();
    }

    @Test
    void outputEqualToTheInputIsRefused() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mov", 1);
        long size = Files.size(input);

        TranscodeResult result = transcode(input, input, "live-qlab");

        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.FAILED);
        assertThat(result.error()).contains("is the input itself");
        assertThat(Files.size(input)).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clip with spaces.mp4", "ünïcödé 🎬 clip.mp4", "it's \"quoted\".mp4", "-leading-dash.mp4"})
    void awkwardNamesEncodeAndPublishUnderTheirOwnName(String name) throws Exception {
        Path input = TestClips.videoWithAudio(dir, name, 1);
        Path output = dir.resolve("out").resolve(OutputPaths.stemOf(name) + ".mov");

        TranscodeResult result = transcode(input, output, "live-qlab");

        assertThat(result.error()).isNull();
        assertThat(result.output()).isEqualTo(output).exists();
        assertThat(MediaFiles.namesIn(dir.resolve("out")))
                .containsExactly(output.getFileName().toString());
    }

    @Test
    void existingOutputIsNeverReplaced() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 1);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path taken = Files.writeString(out.resolve("clip.mov"), "someone else's file");

        TranscodeResult result = transcode(input, taken, "live-qlab");

        assertThat(result.output()).isEqualTo(out.resolve("clip-2.mov"));
        assertThat(Files.readString(taken)).isEqualTo("someone else's file");
        assertThat(MediaFiles.namesIn(out)).containsExactly("clip-2.mov", "clip.mov");
    }

    @Test
    void concurrentEncodesAimedAtOneNameGetDistinctNames() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 1);
        Path wanted = dir.resolve("out/clip.mov");
        Transcoder transcoder = new Transcoder(TestMedia.tools());
        TranscodeRequest request =
                new TranscodeRequest(input, wanted, ProfileCatalog.builtins().defaultProfile(), null, null, null);

        RunningTranscode first = transcoder.start(request, ProgressListener.NONE);
        RunningTranscode second = transcoder.start(request, ProgressListener.NONE);

        assertThat(java.util.List.of(first.await().output(), second.await().output()))
                .containsExactlyInAnyOrder(wanted, dir.resolve("out/clip-2.mov"));
        assertThat(MediaFiles.namesIn(dir.resolve("out"))).containsExactly("clip-2.mov", "clip.mov");
    }

    @Test
    void ffmpegErrorsAreReportedWithoutBannerOrStackTrace() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 1);
        Profile broken = ProfileCatalog.builtins()
                .withCustom(java.util.List.of(java.util.Map.of(
                        "name",
                        "broken",
                        "extension",
                        "mov",
                        "video_codec",
                        "prores_ks",
                        "pixel_format",
                        "nonsense_pixfmt",
                        "audio_codec",
                        "pcm_s24le")))
                .require("broken");
        Path out = dir.resolve("out");

        TranscodeResult result = new Transcoder(TestMedia.tools())
                .start(
                        new TranscodeRequest(input, out.resolve("x.mov"), broken, null, null, null),
                        ProgressListener.NONE)
                .await();

        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.FAILED);
        assertThat(result.error()).containsIgnoringCase("nonsense_pixfmt").doesNotContain("configuration:");
        assertThat(MediaFiles.namesIn(out)).isEmpty();
    }

    @Test
    void stderrGoesToThePerJobLog() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 1);

        transcode(input, dir.resolve("out/clip.mov"), "live-qlab");

        assertThat(Files.readString(dir.resolve("logs/job.log")))
                .contains("command: ")
                .contains("prores_ks");
    }
}
