package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What verification lets through and what it refuses, on real files. */
class OutputVerifierTest {

    @TempDir
    Path dir;

    private final MediaProber prober = new MediaProber(TestMedia.tools());
    private final OutputVerifier verifier = new OutputVerifier(prober, TestMedia.tools());

    @Test
    void theToleranceIsTwoFramesPlusAudioPrimingNotAPercentage() {
        VideoStreamInfo video = new VideoStreamInfo("prores", null, 1920, 1080, "yuv422p10le", "25/1");
        MediaInfo twoHourShow =
                new MediaInfo("mov", 7200, null, video, List.of(new AudioStreamInfo("pcm_s24le", 2, 48000)));

        assertThat(OutputVerifier.durationTolerance(twoHourShow))
                .as("2/25 s + 0.05 s, whatever the length: a show that lost 2 min 24 s can never pass")
                .isCloseTo(0.13, Offset.offset(1e-9));
    }

    @Test
    void aGoodEncodePassesAndItsFramesAreCounted() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 2);
        Path output = encode(input, "live-h264");

        MediaInfo info = verifier.verify(output, prober.probe(input), profile("live-h264"));

        assertThat(info.video().frameCount()).isEqualTo(50L);
    }

    @Test
    void anOutputMissingFramesIsRefusedNamingTheCounts() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 2);
        // Same duration as far as the container says, two frames fewer: a dropped-frame glitch in a cue.
        Path output = TestClips.videoWithAudio(dir, "short.mp4", 1.92);

        assertThatThrownBy(() -> verifier.verify(output, prober.probe(input), profile("live-h264")))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("48 frames, input 50");
    }

    @Test
    void anOutputWhoseTailDoesNotDecodeIsRefused() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mov", 6);
        Path output = Files.copy(encode(input, "live-qlab"), dir.resolve("damaged.mov"));
        scribble(output, Files.size(output) - 300_000, 200_000);

        assertThatThrownBy(() -> verifier.verify(output, prober.probe(input), profile("live-qlab")))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("the last 3 s of the output does not decode");
    }

    @Test
    void thoroughVerificationDecodesTheMiddleTooWhichTheStandardCheckDoesNotReach() throws Exception {
        // ProRes is intra-only, so the tail check starts exactly 3 s from the end and never sees the middle.
        Path input = TestClips.videoWithAudio(dir, "clip.mov", 8);
        Path output = Files.copy(encode(input, "live-qlab"), dir.resolve("damaged.mov"));
        scribble(output, Files.size(output) / 3, 200_000);
        Profile standard = profile("live-qlab");
        Profile thorough = ProfileCatalog.builtins()
                .withCustom(List.of(java.util.Map.of(
                        "name", "qlab-thorough",
                        "extension", "mov",
                        "video_codec", "prores_ks",
                        "video_profile", "0",
                        "audio_codec", "pcm_s24le",
                        "verify", "thorough")))
                .require("qlab-thorough");
        MediaInfo source = prober.probe(input);

        assertThat(verifier.verify(output, source, standard)).isNotNull();
        assertThatThrownBy(() -> verifier.verify(output, source, thorough))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("the output does not decode");
    }

    private Path encode(Path input, String profile) throws InterruptedException {
        TranscodeResult result = new Transcoder(TestMedia.tools())
                .start(
                        new TranscodeRequest(
                                input,
                                dir.resolve("out")
                                        .resolve(OutputPaths.stemOf(
                                                        input.getFileName().toString()) + "."
                                                + profile(profile).extension()),
                                profile(profile),
                                null,
                                null,
                                null),
                        ProgressListener.NONE)
                .await();
        assertThat(result.error()).isNull();
        return result.output();
    }

    private static Profile profile(String name) {
        return ProfileCatalog.builtins().require(name);
    }

    /** Overwrites {@code length} bytes at {@code offset} with a pattern no codec accepts. */
    private static void scribble(Path file, long offset, int length) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            byte[] junk = new byte[length];
            new java.util.Random(7).nextBytes(junk);
            raf.write(junk);
        }
    }
}
