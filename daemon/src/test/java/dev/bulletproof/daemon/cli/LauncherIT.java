package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.testing.TestClips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return run(Map.of(), launcher, args);
    }

    private static Result run(Map<String, String> environment, Path launcher, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
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
    void asksAJavaForItsVersionOnlyUntilThatJavaChanges() throws Exception {
        Path asked = dir.resolve("asked");
        Path ran = dir.resolve("ran");
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        writeJava(java, asked, ran, null);
        Map<String, String> environment = Map.of("BULLETPROOF_JAVA", java.toString());

        assertThat(run(environment, LAUNCHER, "--version").exitCode()).isZero();
        assertThat(run(environment, LAUNCHER, "--version").exitCode()).isZero();
        assertThat(lines(asked)).as("asked once, then remembered").isEqualTo(1);
        assertThat(lines(ran)).isEqualTo(2);

        // Same content, new time: as after an update that happens to keep the file's size.
        Files.setLastModifiedTime(java, FileTime.from(Instant.now().plusSeconds(3600)));
        assertThat(run(environment, LAUNCHER, "--version").exitCode()).isZero();
        assertThat(lines(asked)).as("asked again after the Java changed").isEqualTo(2);

        // Replaced by a Java that is too old: not used, the launcher goes on to the next candidate.
        writeJava(java, asked, ran, "17");
        Result withOldJava = run(environment, LAUNCHER, "--version");
        assertThat(withOldJava.exitCode()).as(withOldJava.output()).isZero();
        assertThat(lines(asked)).isEqualTo(3);
        assertThat(lines(ran)).as("the Java 17 never ran the CLI").isEqualTo(3);

        Files.delete(java);
        Result withoutIt = run(environment, LAUNCHER, "--version");
        assertThat(withoutIt.exitCode()).as(withoutIt.output()).isZero();
        assertThat(withoutIt.output()).contains("bulletproof ");
    }

    /** A java that counts how often it is asked for its settings and how often it runs a program. */
    private static void writeJava(Path java, Path asked, Path ran, String fakeMajor) throws IOException {
        String realJava =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String settings = fakeMajor == null
                ? "exec '" + realJava + "' \"$@\""
                : "echo '    java.specification.version = " + fakeMajor + "' >&2; exit 0";
        Files.writeString(
                java,
                "#!/bin/sh\n"
                        + "if [ \"$1\" = -XshowSettings:properties ]; then echo x >>'" + asked + "'; " + settings
                        + "; fi\n"
                        + "echo x >>'" + ran + "'\n"
                        + "exec '" + realJava + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    @Test
    void startsFromTheClassDataArchiveTheBuildTrained() throws Exception {
        // The training ran `profiles`; an archive made by a first run of anything else would lack these.
        Result result = run(Map.of("BULLETPROOF_JAVA_OPTS", "-Xlog:class+load=info"), LAUNCHER, "profiles");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("dev.bulletproof.daemon.media.ProfileCatalog source: shared objects file")
                .contains("org.yaml.snakeyaml.Yaml source: shared objects file");
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
