package dev.bulletproof.desktop.config;

import dev.bulletproof.client.ApiException;
import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.ProfileModel;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.RuleTestModel;
import dev.bulletproof.model.WatchFolderModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The configuration form. Numbers are edited as text so a half-typed value is an error next to its field,
 * not an exception; the daemon validates the whole config again and its per-field messages land in
 * {@link #fieldErrors()} under the same keys ({@code monitor_folder}, {@code rules[2].pattern}).
 */
public final class ConfigViewModel {

    private final Supplier<BulletproofClient> client;
    private final BackgroundCalls calls;

    private final StringProperty monitorFolder = new SimpleStringProperty("");
    private final StringProperty outputFolder = new SimpleStringProperty("");
    private final StringProperty processedFolder = new SimpleStringProperty("");
    private final StringProperty maxWorkers = new SimpleStringProperty("");
    private final StringProperty stableSeconds = new SimpleStringProperty("");
    private final StringProperty scanIntervalSeconds = new SimpleStringProperty("");
    private final StringProperty maxAttempts = new SimpleStringProperty("");
    private final StringProperty stallTimeoutSeconds = new SimpleStringProperty("");
    private final BooleanProperty recursive = new SimpleBooleanProperty(false);
    private final ObjectProperty<OnSuccess> onSuccess = new SimpleObjectProperty<>(OnSuccess.KEEP);
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ObservableList<WatchFolderRow> folders = FXCollections.observableArrayList();
    /** Whether the config lists its watch folders (watch_folders) rather than naming one (monitor_folder). */
    private final BooleanProperty severalFolders = new SimpleBooleanProperty(false);

    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty testFileName = new SimpleStringProperty("");
    private final StringProperty testResult = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private ConfigModel loaded;

    public ConfigViewModel(Supplier<BulletproofClient> client, BackgroundCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    /** Loads the daemon's configuration into the form, discarding edits. */
    public void refresh() {
        calls.run(() -> client.get().config(), this::show, this::failed);
        calls.run(
                () -> client.get().profiles().stream().map(ProfileModel::name).toList(),
                profiles::setAll,
                this::failed);
    }

    void show(ConfigModel config) {
        loaded = config;
        monitorFolder.set(text(config.monitorFolder()));
        outputFolder.set(text(config.outputFolder()));
        processedFolder.set(text(config.processedFolder()));
        maxWorkers.set(text(config.maxWorkers()));
        stableSeconds.set(number(config.stableSeconds()));
        scanIntervalSeconds.set(number(config.scanIntervalSeconds()));
        maxAttempts.set(text(config.maxAttempts()));
        stallTimeoutSeconds.set(number(config.stallTimeoutSeconds()));
        recursive.set(Boolean.TRUE.equals(config.recursive()));
        onSuccess.set(config.onSuccess() == null ? OnSuccess.KEEP : config.onSuccess());
        List<RuleModel> sorted = new ArrayList<>(config.rules() == null ? List.of() : config.rules());
        // The daemon tries higher priorities first; the table shows them in that order.
        sorted.sort(Comparator.comparingInt(RuleModel::priority).reversed());
        rules.setAll(sorted.stream().map(RuleRow::of).toList());
        severalFolders.set(config.watchFolders() != null);
        folders.setAll(
                config.watchFolders() == null
                        ? List.of()
                        : config.watchFolders().stream().map(WatchFolderRow::of).toList());
        fieldErrors.clear();
    }

    /**
     * Adds a watch folder. From a single folder, the watch folder becomes the first entry of the list and
     * the new one follows (the daemon accepts one shape or the other, never both).
     */
    public void addFolder() {
        if (!severalFolders.get()) {
            WatchFolderRow first = new WatchFolderRow();
            first.pathProperty().set(monitorFolder.get() == null ? "" : monitorFolder.get());
            folders.setAll(List.of(first));
            severalFolders.set(true);
        }
        folders.add(new WatchFolderRow());
    }

    public void removeFolder(int index) {
        if (index >= 0 && index < folders.size()) {
            folders.remove(index);
        }
    }

    /** Saves the form; the daemon applies it live or refuses it whole with per-field messages. */
    public void save() {
        Map<String, String> local = new LinkedHashMap<>();
        ConfigModel config = toModel(local);
        fieldErrors.clear();
        if (!local.isEmpty()) {
            fieldErrors.putAll(local);
            message.set("Fix the marked fields first.");
            return;
        }
        saving.set(true);
        message.set("Saving…");
        calls.run(
                () -> client.get().saveConfig(config),
                saved -> {
                    saving.set(false);
                    show(saved);
                    message.set("Saved and applied.");
                },
                this::failed);
    }

    /** Puts the daemon back on its default configuration. */
    public void resetToDefaults() {
        calls.run(
                () -> client.get().resetConfig(),
                config -> {
                    show(config);
                    message.set("Reset to the defaults.");
                },
                this::failed);
    }

    /** Discards the edits. */
    public void revert() {
        if (loaded != null) {
            show(loaded);
            message.set("");
        }
    }

    public void testRule() {
        String name = testFileName.get();
        if (name == null || name.isBlank()) {
            testResult.set("Type a file name to see which rule takes it.");
            return;
        }
        calls.run(() -> client.get().testRule(name.strip()), result -> testResult.set(describe(result)), e -> {
            testResult.set(BackgroundCalls.describe(e));
        });
    }

    static String describe(RuleTestModel result) {
        if (!result.matched()) {
            return "No rule matches " + result.filename() + ": it would not be processed.";
        }
        String rule = result.ruleIndex() == null || result.ruleIndex() < 0
                ? "the default rule"
                : "rule " + (result.ruleIndex() + 1);
        return result.filename() + " → " + result.profile() + " (" + rule + "), output " + result.output();
    }

    /** A new rule at the end, tried after the others: below the lowest priority so far (0 for the first). */
    public void addRule() {
        RuleRow row = new RuleRow();
        row.patternProperty().set("*.mov");
        if (!profiles.isEmpty()) {
            row.profileProperty().set(profiles.getFirst());
        }
        Integer lowest = rules.isEmpty() ? null : rules.getLast().priorityValue();
        row.priorityProperty().set(Integer.toString(lowest == null ? 0 : lowest - 10));
        rules.add(row);
    }

    public void removeRule(int index) {
        if (index >= 0 && index < rules.size()) {
            rules.remove(index);
        }
    }

    /** Moves a rule up (negative) or down (positive) in the order rules are tried. */
    public int moveRule(int index, int by) {
        int target = index + by;
        if (index < 0 || index >= rules.size() || target < 0 || target >= rules.size()) {
            return index;
        }
        RuleRow row = rules.remove(index);
        rules.add(target, row);
        if (!prioritiesFollowTheOrder()) {
            // The daemon goes by priority: a moved rule would snap back on save, so the priorities are
            // renumbered to the new order, visibly in their column.
            for (int i = 0; i < rules.size(); i++) {
                rules.get(i).priorityProperty().set(Integer.toString((rules.size() - i) * 10));
            }
        }
        return target;
    }

    /** Whether trying the rules by priority (ties in table order) is trying them top to bottom. */
    private boolean prioritiesFollowTheOrder() {
        for (int i = 1; i < rules.size(); i++) {
            Integer above = rules.get(i - 1).priorityValue();
            Integer here = rules.get(i).priorityValue();
            if (above == null || here == null || here > above) {
                return false;
            }
        }
        return true;
    }

    ConfigModel toModel(Map<String, String> problems) {
        ConfigModel base = loaded == null
                ? new ConfigModel(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : loaded;
        List<RuleModel> ruleModels = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleRow row = rules.get(i);
            Integer priority = row.priorityValue();
            if (priority == null) {
                problems.put("rules[" + i + "].priority", "must be a whole number (higher is tried first)");
                priority = 0;
            }
            ruleModels.add(row.toModel(priority));
        }
        return new ConfigModel(
                        severalFolders.get() ? null : blankToNull(monitorFolder.get()),
                        blankToNull(outputFolder.get()),
                        integer("max_workers", maxWorkers.get(), problems),
                        recursive.get(),
                        decimal("stable_seconds", stableSeconds.get(), problems),
                        decimal("scan_interval_seconds", scanIntervalSeconds.get(), problems),
                        onSuccess.get(),
                        blankToNull(processedFolder.get()),
                        integer("max_attempts", maxAttempts.get(), problems),
                        decimal("stall_timeout_seconds", stallTimeoutSeconds.get(), problems),
                        base.ffmpegPath(),
                        base.server(),
                        base.profiles(),
                        ruleModels)
                .withWatchFolders(folderModels(ruleModels, problems));
    }

    private List<WatchFolderModel> folderModels(List<RuleModel> sharedRules, Map<String, String> problems) {
        if (!severalFolders.get()) {
            return null;
        }
        List<WatchFolderModel> list = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            list.add(folders.get(i).toModel(sharedRules, "watch_folders[" + i + "]", problems));
        }
        return list;
    }

    public ObservableList<WatchFolderRow> folders() {
        return folders;
    }

    public BooleanProperty severalFoldersProperty() {
        return severalFolders;
    }

    private void failed(Exception e) {
        saving.set(false);
        if (e instanceof ApiException api && !api.fields().isEmpty()) {
            fieldErrors.clear();
            fieldErrors.putAll(api.fields());
            message.set("The daemon refused the configuration: fix the marked fields.");
        } else {
            message.set(BackgroundCalls.describe(e));
        }
    }

    private static Integer integer(String field, String text, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.put(field, "must be a whole number");
            return null;
        }
    }

    private static Double decimal(String field, String text, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.put(field, "must be a number");
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : String.format(Locale.ROOT, "%s", value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public StringProperty monitorFolderProperty() {
        return monitorFolder;
    }

    public StringProperty outputFolderProperty() {
        return outputFolder;
    }

    public StringProperty processedFolderProperty() {
        return processedFolder;
    }

    public StringProperty maxWorkersProperty() {
        return maxWorkers;
    }

    public StringProperty scanIntervalSecondsProperty() {
        return scanIntervalSeconds;
    }

    public StringProperty stableSecondsProperty() {
        return stableSeconds;
    }

    public StringProperty maxAttemptsProperty() {
        return maxAttempts;
    }

    public StringProperty stallTimeoutSecondsProperty() {
        return stallTimeoutSeconds;
    }

    public BooleanProperty recursiveProperty() {
        return recursive;
    }

    public ObjectProperty<OnSuccess> onSuccessProperty() {
        return onSuccess;
    }

    public ObservableList<RuleRow> rules() {
        return rules;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public ObservableMap<String, String> fieldErrors() {
        return fieldErrors;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty testFileNameProperty() {
        return testFileName;
    }

    public StringProperty testResultProperty() {
        return testResult;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
