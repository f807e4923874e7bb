package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.testing.TestClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * transcode and batch as separate processes on a pseudo-terminal and on pipes: what the person at the
 * terminal finally sees, and what a script or a log file gets.
 */
class ConsoleOutputTest {

    private static final Map<String, String> ENV = Map.of("COLUMNS", "100", "LANG", "C.UTF-8");

    @TempDir
    Path dir;

    @Test
    void transcodeOnATerminalDrawsABarAndLeavesOnlyTheSummaryAndThePath() {
        Path input = TestClips.videoWithAudio(dir, "cue.mov", 4);

        ConsoleProcess.Result run =
                ConsoleProcess.onTerminal(dir, ENV, "transcode", input.toString(), "-p", "live-h264");

        assertThat(run.exitCode()).as(run.out()).isZero();
        // The bar was drawn in place, more than once...
        assertThat(run.out()).contains("\r[", "\u001b[K");
        // ...and the final screen holds nothing of it: no bar, no stale tail of a longer line.
        List<String> screen = nonBlank(TerminalScreen.render(run.out()));
        assertThat(screen).hasSize(2);
        assertThat(screen.get(0))
                .matches(
                        "done: \\d+(\\.\\d)? s for 4\\.0 s of media \\(\\d+(\\.\\d{1,2})?x realtime\\), \\d+(\\.\\d)? [kM]B, verified");
        assertThat(screen.get(1))
                .isEqualTo(dir.resolve("cue__processed__live-h264.mp4").toString());
    }

    @Test
    void transcodeOnPipesPrintsOnlyThePathAndTheSummary() {
        Path input = TestClips.videoWithAudio(dir, "cue.mov", 2);

        ConsoleProcess.Result run = ConsoleProcess.onPipes(dir, ENV, "transcode", input.toString(), "-p", "live-h264");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(dir.resolve("cue__processed__live-h264.mp4") + "\n");
        assertThat(run.err()).doesNotContain("\r", "\u001b").matches("done: [^\n]*, verified\n");
    }

    @Test
    void batchOnATerminalEndsWithTheTableAndNoBarLeft() throws IOException {
        Path in = batchFolder();

        ConsoleProcess.Result run = ConsoleProcess.onTerminal(dir, ENV, "batch", in.toString(), "-p", "live-h264");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("batch  0 of 3 files done", "\u001b[1A");
        List<String> screen = nonBlank(TerminalScreen.render(run.out()));
        assertThat(screen).noneMatch(line -> line.contains("[#") || line.contains("files done") || line.contains("%"));
        assertThat(screen)
                .contains(
                        "skipping 1 file(s):",
                        "  notes.txt  .txt is not taken (add it with --extension)",
                        "encoding 3 file(s) with live-h264",
                        "error: 1 of 3 files failed: c.mov");
        assertThat(screen).anyMatch(line -> line.matches("\\[1/3\\] a\\.mp4  ok  .* verified"));
        assertThat(screen).anyMatch(line -> line.matches("\\[3/3\\] c\\.mov  failed  not a media file: c\\.mov.*"));
        assertThat(screen).anyMatch(line -> line.startsWith("FILE   RESULT  TIME"));
        assertThat(screen).anyMatch(line -> line.matches("3 file\\(s\\) in .*: 2 succeeded, 1 failed, 1 skipped"));
    }

    @Test
    void batchOnPipesHasNoCarriageReturnsAndOneLinePerFile() throws IOException {
        Path in = batchFolder();

        ConsoleProcess.Result run = ConsoleProcess.onPipes(dir, ENV, "batch", in.toString(), "-p", "live-h264");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain("\r", "\u001b", "files done");
        assertThat(run.out().lines().filter(line -> line.matches("\\[\\d/3\\] .*")))
                .hasSize(3)
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("[1/3] a.mp4  ok  "),
                        line -> assertThat(line).startsWith("[2/3] b.mp4  ok  "),
                        line -> assertThat(line).startsWith("[3/3] c.mov  failed  "));
        assertThat(run.err()).isEqualTo("error: 1 of 3 files failed: c.mov\n");
    }

    private Path batchFolder() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestClips.videoWithAudio(in, "a.mp4", 2);
        TestClips.videoWithAudio(in, "b.mp4", 2);
        TestClips.randomBytes(in, "c.mov", 5_000);
        Files.writeString(in.resolve("notes.txt"), "not media");
        return in;
    }

    private static List<String> nonBlank(List<String> screen) {
        return screen.stream().filter(line -> !line.isBlank()).toList();
    }
}
