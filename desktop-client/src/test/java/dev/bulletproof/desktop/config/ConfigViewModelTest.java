package dev.bulletproof.desktop.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.client.ApiException;
import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.testing.Await;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigViewModelTest {

    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);

    @AfterEach
    void close() {
        calls.close();
    }

    private static ConfigModel config(List<RuleModel> rules) {
        return new ConfigModel(
                "/in", "/out", 2, false, 5.0, 1.0, OnSuccess.KEEP, null, 3, 120.0, null, null, null, rules);
    }

    @Test
    void rulesAreShownInTheOrderTheyAreTriedAndSavedWithPrioritiesFromTheirPosition() {
        ConfigViewModel model = new ConfigViewModel(() -> null, calls);
        model.show(config(List.of(
                new RuleModel("*.wav", PatternType.GLOB, "audio-wav", null, 1, null),
                new RuleModel("*.mov", PatternType.GLOB, "live-qlab", null, 50, null))));
        assertThat(model.rules()).extracting(row -> row.patternProperty().get()).containsExactly("*.mov", "*.wav");

        model.moveRule(1, -1);
        ConfigModel saved = model.toModel(new HashMap<>());

        assertThat(saved.rules()).extracting(RuleModel::pattern).containsExactly("*.wav", "*.mov");
        assertThat(saved.rules().get(0).priority())
                .isGreaterThan(saved.rules().get(1).priority());
        assertThat(saved.maxWorkers()).isEqualTo(2);
        assertThat(saved.stableSeconds()).isEqualTo(5.0);
    }

    @Test
    void aRuleAddedAtTheEndGoesBelowTheOthersWithoutRenumberingThem() {
        ConfigViewModel model = new ConfigViewModel(() -> null, calls);
        model.show(config(List.of(
                new RuleModel("*.wav", PatternType.GLOB, "audio-wav", null, 200, null),
                new RuleModel("*.mov", PatternType.GLOB, "live-qlab", null, 100, null),
                new RuleModel("*.mp4", PatternType.GLOB, "live-qlab", null, 100, null))));

        ConfigModel saved = model.toModel(new HashMap<>());
        model.addRule();
        ConfigModel withNewRule = model.toModel(new HashMap<>());

        assertThat(saved.rules()).extracting(RuleModel::priority).containsExactly(200, 100, 100);
        assertThat(withNewRule.rules()).extracting(RuleModel::priority).containsExactly(200, 100, 100, 90);
    }

    @Test
    void aTypedPriorityIsSavedAndOneThatIsNotANumberIsMarkedOnItsRule() {
        ConfigViewModel model = new ConfigViewModel(() -> null, calls);
        model.show(config(List.of(
                new RuleModel("*.wav", PatternType.GLOB, "audio-wav", null, 20, null),
                new RuleModel("*.mov", PatternType.GLOB, "live-qlab", null, 10, null))));
        assertThat(model.rules())
                .extracting(row -> row.priorityProperty().get())
                .containsExactly("20", "10");

        model.rules().get(1).priorityProperty().set(" 75 ");
        assertThat(model.toModel(new HashMap<>()).rules())
                .extracting(RuleModel::priority)
                .containsExactly(20, 75);

        model.rules().get(0).priorityProperty().set("high");
        Map<String, String> problems = new HashMap<>();
        model.toModel(problems);
        assertThat(problems).containsEntry("rules[0].priority", "must be a whole number (higher is tried first)");
    }

    @Test
    void theScanIntervalAndEachRulesSourceHandlingAreEditedAsInTheBrowser() {
        ConfigViewModel model = new ConfigViewModel(() -> null, calls);
        model.show(config(List.of(
                new RuleModel("*.wav", PatternType.GLOB, "audio-wav", null, 20, OnSuccess.DELETE),
                new RuleModel("*.mov", PatternType.GLOB, "live-qlab", null, 10, null))));
        assertThat(model.scanIntervalSecondsProperty().get()).isEqualTo("1");

        model.scanIntervalSecondsProperty().set("2.5");
        model.rules().get(1).onSuccessProperty().set(OnSuccess.MOVE);
        ConfigModel saved = model.toModel(new HashMap<>());

        assertThat(saved.scanIntervalSeconds()).isEqualTo(2.5);
        assertThat(saved.rules()).extracting(RuleModel::onSuccess).containsExactly(OnSuccess.DELETE, OnSuccess.MOVE);
    }

    @Test
    void aScanIntervalThatIsNotANumberIsAnErrorNextToItsField() {
        ConfigViewModel model = new ConfigViewModel(() -> null, calls);
        model.show(config(List.of()));
        model.scanIntervalSecondsProperty().set("soon");
        HashMap<String, String> problems = new HashMap<>();

        model.toModel(problems);

        assertThat(problems).containsKey("scan_interval_seconds");
    }

    @Test
    void aHalfTypedNumberIsAnErrorNextToItsFieldAndNothingIsSent() {
        Supplier<BulletproofClient> noDaemon = () -> {
            throw new AssertionError("must not reach the daemon");
        };
        ConfigViewModel model = new ConfigViewModel(noDaemon, calls);
        model.show(config(List.of()));
        model.maxWorkersProperty().set("2x");

        model.save();

        assertThat(model.fieldErrors()).containsEntry("max_workers", "must be a whole number");
    }

    @Test
    void theDaemonsFieldMessagesLandUnderTheirKeys() {
        Supplier<BulletproofClient> refusing = () -> {
            throw new ApiException(
                    422,
                    "validation_failed",
                    "the configuration is invalid",
                    Map.of("output_folder", "folder does not exist and cannot be created: /x"),
                    null);
        };
        ConfigViewModel model = new ConfigViewModel(refusing, calls);
        model.show(config(List.of()));

        model.save();

        Await.until(
                "the refusal arrives",
                Duration.ofSeconds(10),
                // The field messages land before the summary line; the refusal is whole once both are there.
                () -> !model.fieldErrors().isEmpty()
                        && model.messageProperty().get() != null
                        && !model.messageProperty().get().isEmpty());
        assertThat(model.fieldErrors()).containsKey("output_folder");
        assertThat(model.messageProperty().get()).contains("fix the marked fields");
    }

    @Test
    void aRuleTestReadsAsOneSentence() {
        var result = new dev.bulletproof.model.RuleTestModel(
                "take1.mov", true, 0, "live-qlab", "take1.mov", OnSuccess.KEEP, List.of());

        assertThat(ConfigViewModel.describe(result)).isEqualTo("take1.mov → live-qlab (rule 1), output take1.mov");
    }

    @Test
    void addingAWatchFolderTurnsTheSingleFolderIntoTheFirstEntryOfTheList() {
        ConfigViewModel model = new ConfigViewModel(() -> null, calls);
        model.show(config(List.of()));

        model.addFolder();
        model.folders().get(1).pathProperty().set("/drop/web");
        model.folders().get(1).stableSecondsProperty().set("1.5");
        model.folders().get(1).enabledProperty().set(false);
        ConfigModel saved = model.toModel(new HashMap<>());

        assertThat(saved.monitorFolder()).isNull();
        assertThat(saved.watchFolders())
                .containsExactly(
                        new dev.bulletproof.model.WatchFolderModel("/in", null, null, null, null, null, null, null),
                        new dev.bulletproof.model.WatchFolderModel(
                                "/drop/web", null, null, null, 1.5, null, null, false));
    }

    @Test
    void aLoadedListIsPostedBackAsItWasWithOnlyTheEditedFolderChanged() {
        ConfigViewModel model = new ConfigViewModel(() -> null, calls);
        RuleModel mov = new RuleModel("*.mov", PatternType.GLOB, "live-qlab", null, 0, null);
        var qlab = new dev.bulletproof.model.WatchFolderModel(
                "/drop/qlab", "/cues", List.of(mov), true, 2.0, OnSuccess.MOVE, "/done", true);
        var web = new dev.bulletproof.model.WatchFolderModel("/drop/web", null, null, null, null, null, null, null);
        model.show(new ConfigModel(
                        null, "/out", 2, false, 5.0, 1.0, OnSuccess.KEEP, null, 3, 120.0, null, null, null, List.of())
                .withWatchFolders(List.of(qlab, web)));

        model.folders().get(1).outputFolderProperty().set("/web");
        model.folders().get(1).ownRulesProperty().set(true);
        model.removeFolder(5); // out of range: nothing happens
        Map<String, String> problems = new HashMap<>();
        ConfigModel saved = model.toModel(problems);

        assertThat(problems).isEmpty();
        assertThat(saved.watchFolders().get(0)).isEqualTo(qlab);
        assertThat(saved.watchFolders().get(1).outputFolder()).isEqualTo("/web");
        assertThat(saved.watchFolders().get(1).rules())
                .as("own rules start from the shared ones")
                .isEmpty();

        var scheduled = qlab.withSchedule(dev.bulletproof.model.Json.mapper()
                .createObjectNode()
                .put("outside", "drain")
                .set("windows", dev.bulletproof.model.Json.mapper().createArrayNode()));
        model.show(new ConfigModel(
                        null, "/out", 2, false, 5.0, 1.0, OnSuccess.KEEP, null, 3, 120.0, null, null, null, List.of())
                .withWatchFolders(List.of(scheduled, web)));
        model.folders().get(1).outputFolderProperty().set("/web");
        assertThat(model.folders().get(0).hasOwnSchedule()).isTrue();
        assertThat(model.toModel(new HashMap<>()).watchFolders().get(0))
                .as("a folder's schedule is posted back as it was shown")
                .isEqualTo(scheduled);

        model.folders().get(0).stableSecondsProperty().set("2,5");
        model.toModel(problems);
        assertThat(problems).containsOnlyKeys("watch_folders[0].stable_seconds");
        model.removeFolder(0);
        assertThat(model.toModel(new HashMap<>()).watchFolders())
                .extracting(dev.bulletproof.model.WatchFolderModel::path)
                .containsExactly("/drop/web");
    }
}
