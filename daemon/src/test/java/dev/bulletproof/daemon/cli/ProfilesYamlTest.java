package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.config.ConfigStore;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.media.EncodeOptions;
import dev.bulletproof.daemon.media.FfmpegArguments;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.daemon.media.ProfileCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code profiles --yaml NAME}: what it prints, pasted into a config file, is the same encode. */
class ProfilesYamlTest {

    @TempDir
    Path dir;

    static Iterable<String> builtinNames() {
        return ProfileCatalog.builtins().names();
    }

    @ParameterizedTest
    @MethodSource("builtinNames")
    void thePrintedYamlPastedIntoTheConfigIsTheSameEncode(String name) throws Exception {
        CliRun run = CliRun.of("profiles", "--yaml", name);
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path config = dir.resolve("bulletproof.yaml");
        Files.writeString(config, "max_workers: 1\nprofiles:\n" + run.out());

        DaemonConfig loaded = new ConfigStore(config, ProfileCatalog.builtins().names()).load();
        ProfileCatalog catalog = ProfileCatalog.builtins().withCustom(loaded.profiles());

        Profile builtin = catalog.require(name);
        Profile copy = catalog.require("my-" + name);
        assertThat(copy.builtin()).isFalse();
        assertThat(FfmpegArguments.encodingArgs(copy, EncodeOptions.defaults(), null))
                .isEqualTo(FfmpegArguments.encodingArgs(builtin, EncodeOptions.defaults(), null));
        // Every field, not only those the default options put on the command line.
        assertThat(copy)
                .usingRecursiveComparison()
                .ignoringFields("name", "description", "builtin")
                .isEqualTo(builtin);
    }

    @ParameterizedTest
    @MethodSource("builtinNames")
    void theYamlSaysWhereToPasteItAndWhereTheFieldsAreDescribed(String name) {
        CliRun run = CliRun.of("profiles", "--yaml", name);

        assertThat(run.out()).contains("under \"profiles:\"", "docs/profiles.md", "  - name: my-" + name);
    }

    @org.junit.jupiter.api.Test
    void anUnknownProfileNamesTheKnownOnes() {
        CliRun run = CliRun.of("profiles", "--yaml", "vhs");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("unknown profile 'vhs'", "live-qlab");
    }
}
