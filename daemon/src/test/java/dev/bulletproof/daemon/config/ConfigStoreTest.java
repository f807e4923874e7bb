package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    private static final Set<String> BUILT_IN = Set.of("live-qlab", "audio-qlab", "live-h264");

    @TempDir
    Path dir;

    @Test
    void missingFileGivesTheDefaults() {
        ConfigStore store = new ConfigStore(dir.resolve("bulletproof.yaml"), BUILT_IN);

        assertThat(store.load()).isEqualTo(DaemonConfig.defaults(dir));
    }

    @Test
    void generatedExampleLoadsBackCleanlyWithTheDefaults() throws Exception {
        Path file = dir.resolve("bulletproof.yaml");
        Files.writeString(file, ConfigStore.generateExample());

        DaemonConfig loaded = new ConfigStore(file, BUILT_IN).load();

        DaemonConfig defaults = DaemonConfig.defaults(dir);
        assertThat(loaded.monitorFolder()).isEqualTo(defaults.monitorFolder());
        assertThat(loaded.maxWorkers()).isEqualTo(defaults.maxWorkers());
        assertThat(loaded.stableTime()).isEqualTo(defaults.stableTime());
        assertThat(loaded.server()).isEqualTo(defaults.server());
        assertThat(loaded.rules()).extracting(r -> r.profile()).containsExactly("audio-qlab", "live-qlab");
        assertThat(ConfigStore.generateExample()).contains("# ");
    }

    @Test
    void saveThenLoadGivesTheSameConfiguration() throws Exception {
        ConfigStore store = new ConfigStore(dir.resolve("bulletproof.yaml"), BUILT_IN);
        ConfigModel changed = withMaxWorkers(DaemonConfig.defaults(dir).toModel(), 6);

        DaemonConfig saved = store.save(changed);

        assertThat(saved.maxWorkers()).isEqualTo(6);
        assertThat(store.load()).isEqualTo(saved);
        assertThat(temporaryFiles()).isEmpty();
        assertThat(Files.readString(store.file()))
                .as("folders inside the config's folder stay relative, so the show folder can be moved")
                .contains("monitor_folder: ./videos/incoming")
                .contains("max_workers: 6");
    }

    @Test
    void invalidConfigIsNotWrittenAndThePreviousFileStays() throws Exception {
        Path file = dir.resolve("bulletproof.yaml");
        Files.writeString(file, "max_workers: 3\n");
        ConfigStore store = new ConfigStore(file, BUILT_IN);

        assertThatThrownBy(() -> store.save(withMaxWorkers(store.load().toModel(), 0)))
                .isInstanceOf(ConfigValidationException.class);

        assertThat(file).hasContent("max_workers: 3");
    }

    @Test
    void diskFullingMidSaveLeavesThePreviousFileIntactAndNoTemporaryBehind() throws Exception {
        Path file = dir.resolve("bulletproof.yaml");
        Files.writeString(file, "max_workers: 3\n");
        ConfigStore fillsUp = new ConfigStore(file, BUILT_IN, (channel, content) -> {
            channel.write(ByteBuffer.wrap(content.array(), 0, content.remaining() / 2));
            throw new IOException("No space left on device");
        });

        assertThatThrownBy(() -> fillsUp.save(withMaxWorkers(fillsUp.load().toModel(), 5)))
                .isInstanceOf(BulletproofException.class)
                .hasMessageContaining("No space left on device");

        assertThat(file).hasContent("max_workers: 3");
        assertThat(temporaryFiles()).isEmpty();
        assertThat(new ConfigStore(file, BUILT_IN).load().maxWorkers()).isEqualTo(3);
    }

    @Test
    void unknownKeysAndBadValuesAreReportedTogetherInOneRun() throws Exception {
        Path file = dir.resolve("bulletproof.yaml");
        Files.writeString(file, """
                max_worker: 3
                stable_seconds: -1
                output_folder: /
                server: {prot: 1, port: 70000}
                rules: [{pattern: a, profile: nope, bogus: 1}]
                profiles: [{name: p, extension: mov, video_codec: libx264, crff: 20}]
                """);

        assertThatThrownBy(() -> new ConfigStore(file, BUILT_IN).load())
                .isInstanceOfSatisfying(
                        ConfigValidationException.class,
                        e -> assertThat(e.fields())
                                .containsKeys(
                                        "max_worker",
                                        "stable_seconds",
                                        "output_folder",
                                        "server.prot",
                                        "server.port",
                                        "rules[0].bogus",
                                        "rules[0].profile",
                                        "profiles[0].crff",
                                        "profiles"));
    }

    @Test
    void aFileWithTheOldToolsKeysLoadsWithTheirMeaning() throws Exception {
        Path file = dir.resolve("monitor.yaml");
        Files.writeString(file, """
                watch_directory: ./hot
                output_directory: ./done
                delete_input: false
                log_level: INFO
                """);

        DaemonConfig config = new ConfigStore(file, BUILT_IN).load();

        assertThat(config.monitorFolder()).isEqualTo(dir.resolve("hot"));
        assertThat(config.outputFolder()).isEqualTo(dir.resolve("done"));
        assertThat(config.onSuccess()).isEqualTo(OnSuccess.KEEP);
    }

    private Stream<Path> temporaryFiles() throws IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp")).toList().stream();
    }

    private static ConfigModel withMaxWorkers(ConfigModel m, int workers) {
        return new ConfigModel(
                m.monitorFolder(),
                m.outputFolder(),
                workers,
                m.recursive(),
                m.stableSeconds(),
                m.scanIntervalSeconds(),
                m.onSuccess(),
                m.processedFolder(),
                m.maxAttempts(),
                m.stallTimeoutSeconds(),
                m.ffmpegPath(),
                m.server(),
                m.profiles(),
                m.rules());
    }
}
