package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bulletproof.daemon.config.ConfigStore;
import dev.bulletproof.daemon.media.ProfileCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The `daemon` and `generate-config` verbs; the running daemon itself is exercised by CrashRecoveryTest. */
class DaemonVerbsCliTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "generate-config"})
    void verbHasHelp(String verb) {
        CliRun run = CliRun.of(verb, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage:", verb);
    }

    @Test
    void generateConfigPrintsAnExampleThatLoadsBackCleanly() throws Exception {
        CliRun run = CliRun.of("generate-config");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("monitor_folder", "output_folder", "max_workers", "rules", "#");
        Path file = Files.writeString(dir.resolve("bulletproof.yaml"), run.out());
        assertThat(new ConfigStore(file, ProfileCatalog.builtins().names())
                        .load()
                        .maxWorkers())
                .isEqualTo(2);
    }

    @Test
    void theGeneratedConfigPointsToTheProfileYamlAndTheFieldReference() {
        CliRun run = CliRun.of("generate-config");

        assertThat(run.out()).contains("bulletproof profiles --yaml live-h264", "docs/profiles.md");
        assertThat(Path.of("..", "docs", "profiles.md")).isRegularFile();
    }

    @Test
    void generateConfigWritesAFileButNeverReplacesOne() throws Exception {
        Path file = dir.resolve("conf/bulletproof.yaml");

        CliRun first = CliRun.of("generate-config", "-o", file.toString());
        Files.writeString(file, "# mine\n", java.nio.file.StandardOpenOption.APPEND);
        CliRun second = CliRun.of("generate-config", "-o", file.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.err()).contains("already exists");
        assertThat(Files.readString(file)).endsWith("# mine\n");
    }

    @Test
    void daemonWithAnInvalidConfigPrintsEveryProblemAndExitsNonZero() throws Exception {
        Path watch = Files.createDirectories(dir.resolve("in"));
        Path config = Files.writeString(dir.resolve("bad.yaml"), """
                monitor_folder: ./in
                output_folder: ./in/out
                max_workers: 1000
                rules:
                  - pattern: "([unclosed"
                    pattern_type: regex
                    profile: live-qlab
                  - pattern: "*.mov"
                    profile: no-such-profile
                  - pattern: "*.mp4"
                    profile: live-h264
                    output_pattern: "../escape/{filename}"
                """);

        CliRun run = CliRun.of(
                "daemon",
                "--config",
                config.toString(),
                "--data-dir",
                dir.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> line.contains(":")).count())
                .as("one line per problem:\n" + run.err())
                .isGreaterThanOrEqualTo(5);
        assertThat(run.err())
                .contains("output_folder")
                .contains("max_workers")
                .contains("rules[0].pattern")
                .contains("rules[1].profile")
                .contains("rules[2].output_pattern");
        assertThat(watch.resolve("out")).doesNotExist();
    }

    @Test
    void daemonWithZeroWorkersOrAMissingConfigFileIsRefused() throws Exception {
        Path zero = Files.writeString(dir.resolve("zero.yaml"), "max_workers: 0\n");

        CliRun zeroWorkers = CliRun.of("daemon", "--config", zero.toString(), "--data-dir", dir.toString());
        CliRun typo = CliRun.of(
                "daemon",
                "--config",
                Files.writeString(dir.resolve("typo.yaml"), "max_worker: 2\n").toString(),
                "--data-dir",
                dir.toString());

        assertThat(zeroWorkers.exitCode()).isEqualTo(1);
        assertThat(zeroWorkers.err()).contains("max_workers");
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.err()).contains("max_worker").contains("max_workers");
    }

    /**
     * A configured ffmpeg that does not work used to be replaced silently by the bundled one. Run under a
     * time limit: a daemon that fell back would start and never return.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
            not-executable, 'not an executable file'
            exits-1,        'cannot be used: ffmpeg -version exited with code 1: no encoders here'
            """)
    void aConfiguredFfmpegThatDoesNotWorkStopsTheDaemonNamingItAndWhy(String kind, String why) throws Exception {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Path ffmpeg = tools.resolve("ffmpeg");
        Path ffprobe = tools.resolve("ffprobe");
        if (kind.equals("not-executable")) {
            Files.writeString(ffmpeg, "plain text, not a program\n");
            Files.writeString(ffprobe, "plain text, not a program\n");
        } else {
            for (Path tool : List.of(ffmpeg, ffprobe)) {
                Files.writeString(tool, "#!/bin/sh\necho 'no encoders here' >&2\nexit 1\n");
                Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createDirectories(dir.resolve("in"));
        Path config = Files.writeString(dir.resolve("bulletproof.yaml"), """
                monitor_folder: ./in
                output_folder: ./out
                ffmpeg_path: %s
                server: { port: 0 }
                """.formatted(ffmpeg));

        CliRun run = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> CliRun.of(
                        "daemon",
                        "--config",
                        config.toString(),
                        "--data-dir",
                        dir.resolve("data").toString()));

        assertThat(run.exitCode()).isNotZero();
        // A file that cannot run at all is already refused while the config is validated.
        assertThat(run.err()).contains(ffmpeg.toString()).contains(why);
        assertThat(run.out()).doesNotContain("bundled").doesNotContain("listening");
        assertThat(dir.resolve("data/bulletproof.db"))
                .as("the daemon stopped before it opened its database")
                .doesNotExist();
    }
}
