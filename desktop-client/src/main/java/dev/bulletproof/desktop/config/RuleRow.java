package dev.bulletproof.desktop.config;

import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable line of the rules table. Its priority is its position, given when the config is saved,
 * unless the priorities it was loaded with still give the same order (then the config file keeps them).
 */
public final class RuleRow {

    private final StringProperty pattern = new SimpleStringProperty("");
    private final ObjectProperty<PatternType> patternType = new SimpleObjectProperty<>(PatternType.GLOB);
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty outputPattern = new SimpleStringProperty("");
    private final ObjectProperty<OnSuccess> onSuccess = new SimpleObjectProperty<>();
    /** Higher is tried first; text, so that a typing mistake is shown next to the rule, not lost. */
    private final StringProperty priority = new SimpleStringProperty("");

    public static RuleRow of(RuleModel rule) {
        RuleRow row = new RuleRow();
        row.pattern.set(rule.pattern());
        row.patternType.set(rule.patternType() == null ? PatternType.GLOB : rule.patternType());
        row.profile.set(rule.profile());
        row.outputPattern.set(rule.outputPattern() == null ? "" : rule.outputPattern());
        row.onSuccess.set(rule.onSuccess());
        row.priority.set(Integer.toString(rule.priority()));
        return row;
    }

    /** The priority as typed, or null when it is not a whole number. */
    Integer priorityValue() {
        try {
            return Integer.valueOf(priority.get() == null ? "" : priority.get().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    RuleModel toModel(int priorityValue) {
        String output = outputPattern.get() == null || outputPattern.get().isBlank() ? null : outputPattern.get();
        return new RuleModel(pattern.get(), patternType.get(), profile.get(), output, priorityValue, onSuccess.get());
    }

    public StringProperty priorityProperty() {
        return priority;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public ObjectProperty<PatternType> patternTypeProperty() {
        return patternType;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty outputPatternProperty() {
        return outputPattern;
    }

    public ObjectProperty<OnSuccess> onSuccessProperty() {
        return onSuccess;
    }
}
