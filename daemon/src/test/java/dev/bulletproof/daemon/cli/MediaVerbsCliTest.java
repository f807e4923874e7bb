package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.media.MediaInfo;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** transcode, analyze, batch and doctor through BulletproofCli.run, with the real bundled ffmpeg. */
class MediaVerbsCliTest {

    @TempDir
    Path dir;

    @Test
    void transcodeWritesTheDefaultNameBesideTheInputAndPrintsIt() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "-opening cue.mp4", 1);

        CliRun run = CliRun.of("transcode", input.toString());

        assertThat(run.err()).doesNotContain("error");
        assertThat(run.exitCode()).isZero();
        Path expected = dir.resolve("-opening cue__processed__live-qlab.mov");
        assertThat(run.lastOutLine()).isEqualTo(expected.toString());
        assertThat(expected).exists();
        // Captured output is not a terminal: no progress, only the summary.
        assertThat(run.err())
                .doesNotContain("\r", "%")
                .containsPattern(
                        "done: \\d+(\\.\\d)? s for 1\\.0 s of media \\(\\d+(\\.\\d{1,2})?x realtime\\), \\d+(\\.\\d)? [kM]B, verified");
    }

    @Test
    void transcodeAppliesEveryEncodeOption() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mov", 1);
        Path output = dir.resolve("out/small.mp4");

        CliRun run = CliRun.of(
                "transcode",
                input.toString(),
                "--profile",
                "live-h264",
                "-o",
                output.toString(),
                "--preset",
                "fast",
                "--resolution",
                "160:90",
                "--audio-sample-rate",
                "44100",
                "--keyframe-interval",
                "0.4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        MediaInfo info = new MediaProber(TestMedia.tools()).probe(output);
        assertThat(info.resolution()).isEqualTo("160x90");
        assertThat(info.audio().getFirst().sampleRate()).isEqualTo(44100);
        assertThat(new MediaProber(TestMedia.tools()).keyframeTimes(output)).contains(0.0, 0.4, 0.8);
    }

    @Test
    void transcodeOfABadFileFailsWithOneClearLine() {
        Path input = TestClips.randomBytes(dir, "broken.mov", 10_000);

        CliRun run = CliRun.of("transcode", input.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip())
                .startsWith("error: not a media file: broken.mov")
                .doesNotContain("\n", "\tat ");
        assertThat(dir.resolve("broken__processed__live-qlab.mov")).doesNotExist();
    }

    @Test
    void transcodeWithUnknownProfileNamesTheKnownOnes() {
        CliRun run = CliRun.of("transcode", "whatever.mov", "--profile", "vhs");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("unknown profile 'vhs'", "live-qlab");
    }

    @Test
    void transcodeRejectsAnImpossibleResolution() {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 1);

        CliRun run = CliRun.of("transcode", input.toString(), "--resolution", "huge");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("resolution 'huge' is not W:H");
    }

    @Test
    void printCommandShowsTheExactFfmpegCommandWithoutEncoding() {
        Path input = TestClips.videoWithAudio(dir, "it's here.mp4", 1);

        CliRun run = CliRun.of("transcode", input.toString(), "--profile", "live-h264", "--print-command");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith(TestMedia.tools().ffmpeg().toString())
                .contains("-progress pipe:1", "'file:" + dir.resolve("it'\\''s here.mp4") + "'", "-c:v libx264");
        assertThat(dir.resolve("it's here__processed__live-h264.mp4")).doesNotExist();
    }

    @Test
    void analyzeDescribesContainerAndEveryStream() {
        Path input = TestClips.videoTwoAudioTracks(dir, "two.mp4", 1);

        CliRun run = CliRun.of("analyze", input.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("container:  mov,mp4")
                .contains("duration:   1.0")
                .contains("kb/s")
                .contains("video:      h264 (Constrained Baseline), 320x180, 25/1 fps (25.000), yuv420p")
                .contains("audio #1:   aac, 1 ch, 48000 Hz")
                .contains("audio #2:   aac, 1 ch, 48000 Hz");
    }

    @Test
    void unusableFfmpegOptionIsAnErrorNotAFallback() {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 1);

        CliRun run = CliRun.of(
                "analyze",
                input.toString(),
                "--ffmpeg",
                dir.resolve("no/ffmpeg").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "the configured ffmpeg " + dir.resolve("no/ffmpeg") + " cannot be used: ffmpeg does not exist");
        assertThat(run.out()).doesNotContain("320x180");
    }

    @Test
    void analyzeOfAMissingFileFails() {
        CliRun run = CliRun.of("analyze", dir.resolve("gone.mov").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: no such file");
    }

    @Test
    void batchSummarisesAndFailsWhenAnyFileFailed() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestClips.videoWithAudio(in, "a.mp4", 1);
        TestClips.videoWithAudio(in, "b.mov", 1);
        TestClips.randomBytes(in, "c.mov", 5_000);
        TestClips.zeroBytes(in, "._a.mp4");
        Files.writeString(in.resolve("notes.txt"), "not media");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("batch", in.toString(), "--profile", "live-qlab", "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("[3/3] c.mov  failed  not a media file: c.mov")
                .containsPattern("\\[1/3\\] a\\.mp4  ok  .*verified")
                .contains("3 file(s) in ")
                .contains(": 2 succeeded, 1 failed, 2 skipped")
                .doesNotContain("\r");
        assertThat(run.out().lines())
                .anySatisfy(line -> assertThat(line).matches("  \\._a\\.mp4 +macOS metadata.*"))
                .anySatisfy(line ->
                        assertThat(line).matches("  notes\\.txt +\\.txt is not taken \\(add it with --extension\\)"))
                .anySatisfy(line -> assertThat(line).startsWith("FILE   RESULT  TIME"))
                .anySatisfy(
                        line -> assertThat(line)
                                .matches(
                                        "a\\.mp4  ok +\\d+(\\.\\d)? s +\\d+(\\.\\d{1,2})?x +\\d+(\\.\\d)? [kM]B +yes +.*a__processed__live-qlab\\.mov"))
                .anySatisfy(line -> assertThat(line).matches("c\\.mov  failed .* no +not a media file: c\\.mov.*"));
        assertThat(run.err()).contains("error: 1 of 3 files failed: c.mov");
        assertThat(out.resolve("a__processed__live-qlab.mov")).exists();
        assertThat(out.resolve("b__processed__live-qlab.mov")).exists();
        assertThat(out.resolve("c__processed__live-qlab.mov")).doesNotExist();
    }

    @Test
    void batchWithOnlyGoodFilesSucceedsAndHonoursExtensions() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestClips.audioOnly(in, "cue.wav", 1);
        TestClips.videoWithAudio(in, "film.mp4", 1);

        CliRun run = CliRun.of("batch", in.toString(), "-p", "audio-qlab", "-e", "wav");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 succeeded, 0 failed, 1 skipped", "film.mp4  .mp4 is not taken");
        assertThat(in.resolve("cue__processed__audio-qlab.wav")).exists();
        assertThat(in.resolve("film__processed__audio-qlab.wav")).doesNotExist();
    }

    @Test
    void batchOfAFolderWithoutMatchingFilesFails() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CliRun run = CliRun.of("batch", empty.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: no .");
    }

    @Test
    void doctorReportsTheBundledFfmpegAndEveryEncoder() {
        CliRun run = CliRun.of("doctor");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("(bundled)", "ffprobe:", "version:  ffmpeg version")
                .containsPattern("prores_ks\\s+ok")
                .containsPattern("libx264\\s+ok")
                .containsPattern("libx265\\s+ok")
                .containsPattern("aac\\s+ok")
                .containsPattern("pcm_s24le\\s+ok");
    }

    @Test
    void doctorFailsWhenAnEncoderIsMissing() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // A minimal ffmpeg build: runs, but offers only AAC and PCM.
        Path ffmpeg = script(bin.resolve("ffmpeg"), """
                #!/bin/sh
                case "$*" in
                  *-encoders*) printf ' A....D aac                  AAC\\n A....D pcm_s24le            PCM\\n' ;;
                  *) echo 'ffmpeg version 0.0-minimal' ;;
                esac
                """);
        script(bin.resolve("ffprobe"), "#!/bin/sh\necho 'ffprobe version 0.0-minimal'\n");

        CliRun run = CliRun.of("doctor", "--ffmpeg", ffmpeg.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("(configured)").containsPattern("libx265\\s+MISSING");
        assertThat(run.err()).contains("this ffmpeg lacks prores_ks, libx264, libx265");
    }

    private static Path script(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
