package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save changes the keys that changed, in place, and leaves every other byte of the user's file alone. */
class ConfigFileEditTest {

    private static final Set<String> BUILT_IN = Set.of("live-qlab", "audio-qlab", "live-h264");

    @TempDir
    Path dir;

    private Path file;
    private ConfigStore store;

    private String saved(String original, UnaryOperator<ConfigModel> change) throws Exception {
        file = dir.resolve("bulletproof.yaml");
        Files.writeString(file, original);
        store = new ConfigStore(file, BUILT_IN);
        store.save(change.apply(store.load().toModel()));
        return Files.readString(file);
    }

    @Test
    void aChangedValueIsReplacedInPlaceKeepingItsCommentAndEverythingElse() throws Exception {
        String original = """
                # my show
                monitor_folder: %s/in   # absolute on purpose
                output_folder: "./out"

                max_workers: 2          # two encodes
                stable_seconds: 2
                """.formatted(dir);

        String result = saved(original, m -> with(m, 5, m.rules()));

        assertThat(result).isEqualTo(original.replace("max_workers: 2 ", "max_workers: 5 "));
        assertThat(Files.readString(store.backupFile())).isEqualTo(original);
    }

    @Test
    void anUnchangedSaveWritesNothingAndKeepsNoBackup() throws Exception {
        String original = "max_workers: 2\nstable_seconds: 2\n";

        String result = saved(original, m -> m);

        assertThat(result).isEqualTo(original);
        assertThat(store.backupFile()).doesNotExist();
    }

    @Test
    void aKeyTheFileDidNotHaveIsAddedAtTheEnd() throws Exception {
        String original = "# only this\nmax_workers: 2\n";

        String result = saved(original, m -> withAttempts(m, 7));

        assertThat(result).isEqualTo(original + "max_attempts: 7\n");
    }

    @Test
    void aRuleKeyChangesAloneAndANewRuleIsAppendedInTheFilesStyle() throws Exception {
        String original = """
                rules:
                  - pattern: "*.mov"     # the cues
                    profile: live-qlab
                    priority: 200
                  - pattern: '*.wav'
                    profile: audio-qlab
                # end of rules
                """;

        String result = saved(original, m -> {
            List<RuleModel> rules = new ArrayList<>(m.rules());
            RuleModel first = rules.getFirst();
            rules.set(0, new RuleModel(first.pattern(), first.patternType(), "live-h264", null, 200, null));
            rules.add(new RuleModel("*.mp4", PatternType.GLOB, "live-h264", null, 5, OnSuccess.MOVE));
            return with(m, m.maxWorkers(), rules);
        });

        assertThat(result).isEqualTo("""
                rules:
                  - pattern: "*.mov"     # the cues
                    profile: live-h264
                    priority: 200
                  - pattern: '*.wav'
                    profile: audio-qlab
                  - pattern: "*.mp4"
                    pattern_type: glob
                    profile: live-h264
                    priority: 5
                    on_success: move
                # end of rules
                """);
        assertThat(store.load().rules()).hasSize(3);
    }

    @Test
    void removingARuleCutsOutItsLinesAndARuleKeySetToNullIsRemoved() throws Exception {
        String original = """
                rules:
                  - pattern: "*.mov"
                    profile: live-qlab
                    on_success: delete
                    priority: 3
                  - pattern: "*.wav"
                    profile: audio-qlab
                max_workers: 2
                """;

        String result = saved(original, m -> {
            RuleModel first = m.rules().getFirst();
            return with(
                    m, m.maxWorkers(), List.of(new RuleModel(first.pattern(), null, first.profile(), null, 3, null)));
        });

        assertThat(result).isEqualTo("""
                rules:
                  - pattern: "*.mov"
                    profile: live-qlab
                    priority: 3
                max_workers: 2
                """);
    }

    @Test
    void anEmptyFlowListBecomesABlockListAndTheOldToolsKeyNamesStay() throws Exception {
        String original = """
                watch_directory: ./hot   # old name
                delete_input: true
                profiles: []   # none yet
                """;

        String result = saved(
                original,
                m -> new ConfigModel(
                        dir.resolve("hot2").toString(),
                        m.outputFolder(),
                        m.maxWorkers(),
                        m.recursive(),
                        m.stableSeconds(),
                        m.scanIntervalSeconds(),
                        OnSuccess.MOVE,
                        m.processedFolder(),
                        m.maxAttempts(),
                        m.stallTimeoutSeconds(),
                        m.ffmpegPath(),
                        m.server(),
                        List.of(profile()),
                        m.rules()));

        assertThat(result).isEqualTo("""
                watch_directory: ./hot2   # old name
                on_success: move
                profiles:   # none yet
                  - name: proxy
                    extension: mov
                    video_codec: prores_ks
                """);
        assertThat(store.load().profiles()).hasSize(1);
    }

    private static Map<String, Object> profile() {
        Map<String, Object> profile = new java.util.LinkedHashMap<>();
        profile.put("name", "proxy");
        profile.put("extension", "mov");
        profile.put("video_codec", "prores_ks");
        return profile;
    }

    @Test
    void keysAddedToAFileWithOnlyACommentGoOneALine() throws Exception {
        String original = "# nothing set yet";

        String result = saved(original, m -> withAttempts(with(m, 3, m.rules()), 7));

        assertThat(result).isEqualTo("# nothing set yet\nmax_workers: 3\nmax_attempts: 7\n");
    }

    @Test
    void aChangedFolderStaysRelativeWhenTheFileHadItRelativeAndAbsoluteWhenAbsolute() throws Exception {
        String original = "monitor_folder: ./in\noutput_folder: %s/out\n".formatted(dir);

        String result = saved(
                original,
                m -> new ConfigModel(
                        dir.resolve("in2").toString(),
                        dir.resolve("out2").toString(),
                        m.maxWorkers(),
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
                        m.rules()));

        assertThat(result).isEqualTo("monitor_folder: ./in2\noutput_folder: %s/out2\n".formatted(dir));
    }

    @Test
    void aByteOrderMarkAndTextBeyondTheBasicPlaneDoNotShiftTheEdits() throws Exception {
        String original = "\uFEFF# cues \uD83C\uDFAC \uD83C\uDFB5\nmax_workers: 2 # \uD83D\uDE80\nrecursive: false\n";

        String result = saved(original, m -> with(m, 6, m.rules()));

        assertThat(result).isEqualTo(original.replace("max_workers: 2", "max_workers: 6"));
    }

    @Test
    void aConfigFileThatIsALinkIsSavedThroughTheLink() throws Exception {
        Path shows = Files.createDirectories(dir.resolve("repo"));
        Path real = Files.writeString(shows.resolve("studio-b.yaml"), "max_workers: 2\n");
        file = Files.createSymbolicLink(dir.resolve("bulletproof.yaml"), real);
        store = new ConfigStore(file, BUILT_IN);

        store.save(with(store.load().toModel(), 3, null));

        assertThat(Files.isSymbolicLink(file)).isTrue();
        assertThat(real).hasContent("max_workers: 3");
        assertThat(store.backupFile()).hasContent("max_workers: 2");
    }

    @Test
    void windowsLineEndingsAreKeptOnChangedAndAddedLines() throws Exception {
        String original = "max_workers: 2\r\nrecursive: false\r\n";

        String result = saved(original, m -> withAttempts(with(m, 4, m.rules()), 9));

        assertThat(result).isEqualTo("max_workers: 4\r\nrecursive: false\r\nmax_attempts: 9\r\n");
    }

    @Test
    void aMissingFileStartsFromTheCommentedExample() throws Exception {
        file = dir.resolve("bulletproof.yaml");
        store = new ConfigStore(file, BUILT_IN);
        ConfigModel model = store.load().toModel();

        store.save(new ConfigModel(
                model.monitorFolder(),
                model.outputFolder(),
                6,
                model.recursive(),
                model.stableSeconds(),
                model.scanIntervalSeconds(),
                model.onSuccess(),
                model.processedFolder(),
                model.maxAttempts(),
                model.stallTimeoutSeconds(),
                model.ffmpegPath(),
                model.server(),
                model.profiles(),
                model.rules()));

        String written = Files.readString(file);
        assertThat(written)
                .startsWith("# Bulletproof configuration.")
                .contains("monitor_folder: ./videos/incoming\n")
                .contains("max_workers: 6\n");
        assertThat(store.load().maxWorkers()).isEqualTo(6);
        assertThat(store.load().rules()).isEmpty();
        assertThat(store.backupFile()).doesNotExist();
    }

    private static ConfigModel with(ConfigModel m, Integer workers, List<RuleModel> rules) {
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
                rules);
    }

    private static ConfigModel withAttempts(ConfigModel m, int attempts) {
        return new ConfigModel(
                m.monitorFolder(),
                m.outputFolder(),
                m.maxWorkers(),
                m.recursive(),
                m.stableSeconds(),
                m.scanIntervalSeconds(),
                m.onSuccess(),
                m.processedFolder(),
                attempts,
                m.stallTimeoutSeconds(),
                m.ffmpegPath(),
                m.server(),
                m.profiles(),
                m.rules());
    }
}
