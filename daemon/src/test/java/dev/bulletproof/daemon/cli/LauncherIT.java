package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.testing.TestClips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's ./bulletproof launcher on the jars this build just packaged. */
class LauncherIT {

    private static final Path LAUNCHER =
            Path.of("..", "bulletproof").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Result(int exitCode, String output) {}

    private static Result run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    @Test
    void runsTheBuiltCli() throws Exception {
        Result result = run(LAUNCHER, "--version");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("bulletproof ");
    }

    @Test
    void desktopHelpIsAnsweredWithoutStartingTheClient() throws Exception {
        Result result = run(LAUNCHER, "desktop", "--help");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Usage: bulletproof desktop", "--url", "--token", "--data-dir");
    }

    @Test
    void transcodesAClipWithTheBundledFfmpeg() throws Exception {
        Path clip = TestClips.videoWithAudio(dir, "from the launcher.mov", 1);

        Result result = run(LAUNCHER, "transcode", clip.toString(), "--profile", "live-h264");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(dir.resolve("from the launcher__processed__live-h264.mp4")).isNotEmptyFile();
    }

    @Test
    void saysHowToBuildWhenNothingIsBuilt() throws Exception {
        Path copy = Files.copy(LAUNCHER, dir.resolve("bulletproof"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result result = run(copy, "--version");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output())
                .contains("not built yet")
                .contains("mvn -B -DskipTests package -pl daemon,desktop-client -am");
    }
}
