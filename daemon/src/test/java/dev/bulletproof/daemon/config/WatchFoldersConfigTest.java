package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.WatchFolderModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code watch_folders:} list: reading, checking, what a folder inherits, and saving in place. */
class WatchFoldersConfigTest {

    private static final Set<String> BUILT_IN = Set.of("live-qlab", "audio-qlab", "live-h264", "stream-hd");

    private static final String SHOW = """
            # The show's drop folders.
            output_folder: ./out     # for jobs added by hand
            stable_seconds: 3
            rules:
              - { pattern: '*', profile: stream-hd }
            watch_folders:
              - path: ./drop/qlab   # the cue machine
                output_folder: ./cues
                stable_seconds: 2
                rules:
                  - { pattern: '*.mov', profile: live-qlab }
              - path: ./drop/web
                on_success: move
                processed_folder: ./done
            """;

    @TempDir
    Path base;

    private final ConfigLoader loader = new ConfigLoader();

    private Map<String, String> problemsOf(String yaml) {
        ConfigLoader.ParsedConfig parsed = loader.read(yaml);
        Map<String, String> problems = new java.util.LinkedHashMap<>(parsed.problems());
        ConfigValidator.problems(parsed.model(), base, BUILT_IN).forEach(problems::putIfAbsent);
        return problems;
    }

    @Test
    void eachFolderTakesWhatItLeavesOutFromTheTopLevel() {
        DaemonConfig config = ConfigValidator.validated(loader.parse(SHOW).model(), base, BUILT_IN);

        assertThat(config.listsFolders()).isTrue();
        List<WatchFolder> folders = config.folders();
        assertThat(folders).hasSize(2);
        WatchFolder qlab = folders.get(0);
        assertThat(qlab.path()).isEqualTo(base.resolve("drop/qlab"));
        assertThat(qlab.outputFolder()).isEqualTo(base.resolve("cues"));
        assertThat(qlab.stableTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(qlab.rules()).extracting(RuleModel::profile).containsExactly("live-qlab");
        assertThat(qlab.ownRules()).isTrue();
        WatchFolder web = folders.get(1);
        assertThat(web.outputFolder()).isEqualTo(base.resolve("out"));
        assertThat(web.stableTime()).isEqualTo(Duration.ofSeconds(3));
        assertThat(web.rules()).extracting(RuleModel::profile).containsExactly("stream-hd");
        assertThat(web.ownRules()).isFalse();
        assertThat(web.onSuccess()).isEqualTo(OnSuccess.MOVE);
        assertThat(web.processedFolder()).isEqualTo(base.resolve("done"));
        assertThat(config.toModel().monitorFolder()).as("never both shapes").isNull();
    }

    @Test
    void theSingleFolderKeysAndTheOldToolsNamesMeanOneFolder() {
        DaemonConfig config = ConfigValidator.validated(
                loader.parse("watch_directory: ./in\noutput_directory: ./o\ndelete_input: true\n")
                        .model(),
                base,
                BUILT_IN);

        assertThat(config.listsFolders()).isFalse();
        assertThat(config.folders()).singleElement().satisfies(folder -> {
            assertThat(folder.path()).isEqualTo(base.resolve("in"));
            assertThat(folder.outputFolder()).isEqualTo(base.resolve("o"));
            assertThat(folder.onSuccess()).isEqualTo(OnSuccess.DELETE);
            assertThat(folder.enabled()).isTrue();
        });
        assertThat(config.toModel().watchFolders()).isNull();
    }

    @Test
    void bothShapesAtOnceAreRefusedUnderTheNameTheFileUsed() {
        assertThat(problemsOf("watch_directory: ./in\nwatch_folders:\n  - path: ./a\n"))
                .containsOnlyKeys("watch_directory")
                .extractingByKey("watch_directory")
                .asString()
                .contains("watch_folders lists the watched folders")
                .contains("move this folder into watch_folders");
    }

    @Test
    void everyProblemOfEveryFolderIsReportedTogetherWithItsIndex() {
        Map<String, String> problems = problemsOf("""
                watch_folders:
                  - path: ./a
                    stable_seconds: -1
                    outptu_folder: ./x
                  - output_folder: ./b-out
                  - path: ./c
                    rules:
                      - { pattern: '*', profile: nope }
                  - path: ./a
                  - path: ./c/inner
                  - path: ./d
                    output_folder: ./a/outputs
                  - path: ./e
                    processed_folder: ./d
                  - just a string
                """);

        assertThat(problems)
                .containsOnlyKeys(
                        "watch_folders[0].outptu_folder",
                        "watch_folders[0].stable_seconds",
                        "watch_folders[1].path",
                        "watch_folders[2].rules[0].profile",
                        "watch_folders[3].path",
                        "watch_folders[4].path",
                        "watch_folders[5].output_folder",
                        "watch_folders[6].processed_folder",
                        "watch_folders[7]");
        assertThat(problems.get("watch_folders[0].outptu_folder")).contains("did you mean 'output_folder'?");
        assertThat(problems.get("watch_folders[1].path")).startsWith("required");
        assertThat(problems.get("watch_folders[3].path")).contains("same folder as watch_folders[0].path");
        assertThat(problems.get("watch_folders[4].path")).contains("is inside watch_folders[2].path");
        assertThat(problems.get("watch_folders[5].output_folder"))
                .contains("must not be inside watch_folders[0].path (outputs would be re-ingested)");
        assertThat(problems.get("watch_folders[6].processed_folder"))
                .contains("must not be inside watch_folders[5].path");
    }

    @Test
    void aSharedOutputFolderInsideAWatchedFolderIsRefusedOnTheSharedKey() {
        assertThat(problemsOf("output_folder: ./a/out\nwatch_folders:\n  - path: ./a\n"))
                .containsOnlyKeys("output_folder");
    }

    @Test
    void aDisabledFoldersOutputIsCheckedToo() {
        assertThat(problemsOf("""
                        watch_folders:
                          - path: ./a
                          - path: ./b
                            output_folder: ./a/out
                            enabled: false
                        """)).containsOnlyKeys("watch_folders[1].output_folder");
    }

    @Test
    void aDisabledFolderIsKeptButNotWatched() {
        DaemonConfig config = ConfigValidator.validated(
                loader.parse("watch_folders:\n  - path: ./a\n  - path: ./b\n    enabled: false\n")
                        .model(),
                base,
                BUILT_IN);

        assertThat(config.enabledFolders()).extracting(WatchFolder::path).containsExactly(base.resolve("a"));
        assertThat(config.folders()).hasSize(2);
    }

    @Test
    void savingEditsOneFolderInPlaceAndKeepsEveryCommentAndSpelling() throws Exception {
        Path file = base.resolve("bulletproof.yaml");
        Files.writeString(file, SHOW);
        ConfigStore store = new ConfigStore(file, BUILT_IN);
        ConfigModel shown = store.load().toModel(); // what a client is shown: absolute paths

        List<WatchFolderModel> folders = new ArrayList<>(shown.watchFolders());
        WatchFolderModel web = folders.get(1);
        folders.set(
                1,
                new WatchFolderModel(
                        web.path(),
                        web.outputFolder(),
                        web.rules(),
                        true,
                        1.5,
                        web.onSuccess(),
                        web.processedFolder(),
                        web.enabled()));
        store.save(shown.withWatchFolders(folders));

        assertThat(Files.readString(file)).isEqualTo(SHOW.replace("""
                    processed_folder: ./done
                """, """
                    processed_folder: ./done
                    recursive: true
                    stable_seconds: 1.5
                """));
        assertThat(Files.readString(store.backupFile())).isEqualTo(SHOW);
    }

    @Test
    void removingAndAddingFoldersRoundTrips() throws Exception {
        Path file = base.resolve("bulletproof.yaml");
        Files.writeString(file, SHOW);
        ConfigStore store = new ConfigStore(file, BUILT_IN);
        ConfigModel shown = store.load().toModel();

        List<WatchFolderModel> folders = new ArrayList<>(shown.watchFolders());
        folders.removeFirst();
        folders.add(new WatchFolderModel(
                base.resolve("drop/audio").toString(),
                null,
                List.of(new RuleModel("*.wav", null, "audio-qlab", null, 0, null)),
                null,
                null,
                null,
                null,
                false));
        DaemonConfig saved = store.save(shown.withWatchFolders(folders));

        String text = Files.readString(file);
        assertThat(text)
                .doesNotContain("./drop/qlab")
                .doesNotContain("./cues")
                .contains("output_folder: ./out     # for jobs added by hand")
                .endsWith("""
                          - path: ./drop/web   # the cue machine
                            on_success: move
                            processed_folder: ./done
                          - path: ./drop/audio
                            rules:
                              - pattern: "*.wav"
                                profile: audio-qlab
                                priority: 0
                            enabled: false
                        """);
        assertThat(store.load()).isEqualTo(saved);
    }

    @Test
    void aSingleFolderFileBecomesAListAndBackWithoutEverHoldingBoth() throws Exception {
        Path file = base.resolve("bulletproof.yaml");
        String single = """
                # Where the cues land.
                watch_directory: ./in   # the old tool's name
                output_folder: ./out
                """;
        Files.writeString(file, single);
        ConfigStore store = new ConfigStore(file, BUILT_IN);
        ConfigModel shown = store.load().toModel();

        ConfigModel asList = new ConfigModel(
                        null,
                        shown.outputFolder(),
                        shown.maxWorkers(),
                        shown.recursive(),
                        shown.stableSeconds(),
                        shown.scanIntervalSeconds(),
                        shown.onSuccess(),
                        shown.processedFolder(),
                        shown.maxAttempts(),
                        shown.stallTimeoutSeconds(),
                        shown.ffmpegPath(),
                        shown.server(),
                        shown.profiles(),
                        shown.rules())
                .withWatchFolders(List.of(
                        new WatchFolderModel(base.resolve("in").toString(), null, null, null, null, null, null, null),
                        new WatchFolderModel(
                                base.resolve("web").toString(), null, null, null, null, null, null, null)));
        store.save(asList);
        assertThat(Files.readString(file)).isEqualTo("""
                # Where the cues land.
                output_folder: ./out
                watch_folders:
                  - path: ./in
                  - path: ./web
                """);

        ConfigModel back = store.load().toModel();
        store.save(new ConfigModel(
                base.resolve("in").toString(),
                back.outputFolder(),
                back.maxWorkers(),
                back.recursive(),
                back.stableSeconds(),
                back.scanIntervalSeconds(),
                back.onSuccess(),
                back.processedFolder(),
                back.maxAttempts(),
                back.stallTimeoutSeconds(),
                back.ffmpegPath(),
                back.server(),
                back.profiles(),
                back.rules()));
        assertThat(Files.readString(file))
                .isEqualTo("# Where the cues land.\noutput_folder: ./out\nmonitor_folder: ./in\n");
    }

    @Test
    void aFileSystemRootIsRefusedAsAWatchFolder() {
        assertThatThrownBy(() -> ConfigValidator.validated(
                        loader.parse("watch_folders:\n  - path: /\n").model(), base, BUILT_IN))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("watch_folders[0].path");
    }
}
