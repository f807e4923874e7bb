package dev.bulletproof.desktop.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.WatchFolderModel;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable entry of the watch folder list. A blank field means "the shared (top-level) value", which
 * the daemon reads as null; a folder's own rules are kept as loaded, and "own rules" starts a folder's own
 * list from a copy of the shared rules.
 */
public final class WatchFolderRow {

    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty outputFolder = new SimpleStringProperty("");
    private final StringProperty processedFolder = new SimpleStringProperty("");
    private final StringProperty stableSeconds = new SimpleStringProperty("");
    /** null: the shared setting. */
    private final ObjectProperty<Boolean> recursive = new SimpleObjectProperty<>();
    /** null: the shared setting. */
    private final ObjectProperty<OnSuccess> onSuccess = new SimpleObjectProperty<>();

    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final BooleanProperty ownRules = new SimpleBooleanProperty(false);
    private List<RuleModel> rules;
    /** Whether the loaded entry said enabled explicitly, so a save does not add "enabled: true" to the file. */
    private boolean enabledWritten;
    /** The folder's own schedule as the daemon showed it; set in the config file only, posted back as it was. */
    private JsonNode schedule;

    static WatchFolderRow of(WatchFolderModel folder) {
        WatchFolderRow row = new WatchFolderRow();
        row.path.set(text(folder.path()));
        row.outputFolder.set(text(folder.outputFolder()));
        row.processedFolder.set(text(folder.processedFolder()));
        row.stableSeconds.set(folder.stableSeconds() == null ? "" : ConfigViewModel.number(folder.stableSeconds()));
        row.recursive.set(folder.recursive());
        row.onSuccess.set(folder.onSuccess());
        row.enabled.set(folder.enabled() == null || folder.enabled());
        row.enabledWritten = folder.enabled() != null;
        row.rules = folder.rules();
        row.ownRules.set(folder.rules() != null);
        row.schedule = folder.schedule();
        return row;
    }

    /**
     * @param sharedRules what a folder that just got its own rules starts from
     * @param field "watch_folders[1]", for the message of a stable time that is not a number
     */
    WatchFolderModel toModel(List<RuleModel> sharedRules, String field, Map<String, String> problems) {
        Double stable = null;
        String stableText =
                stableSeconds.get() == null ? "" : stableSeconds.get().strip();
        if (!stableText.isEmpty()) {
            try {
                stable = Double.valueOf(stableText);
            } catch (NumberFormatException e) {
                problems.put(field + ".stable_seconds", "must be a number");
            }
        }
        List<RuleModel> folderRules = ownRules.get() ? (rules != null ? rules : List.copyOf(sharedRules)) : null;
        Boolean enabledValue = enabled.get() ? (enabledWritten ? Boolean.TRUE : null) : Boolean.FALSE;
        return new WatchFolderModel(
                path.get() == null ? "" : path.get().strip(),
                blankToNull(outputFolder.get()),
                folderRules,
                recursive.get(),
                stable,
                onSuccess.get(),
                blankToNull(processedFolder.get()),
                enabledValue,
                schedule);
    }

    /** Whether the folder has a schedule of its own (set in the config file; shown, not edited here). */
    public boolean hasOwnSchedule() {
        return schedule != null;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty outputFolderProperty() {
        return outputFolder;
    }

    public StringProperty processedFolderProperty() {
        return processedFolder;
    }

    public StringProperty stableSecondsProperty() {
        return stableSeconds;
    }

    public ObjectProperty<Boolean> recursiveProperty() {
        return recursive;
    }

    public ObjectProperty<OnSuccess> onSuccessProperty() {
        return onSuccess;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public BooleanProperty ownRulesProperty() {
        return ownRules;
    }
}
