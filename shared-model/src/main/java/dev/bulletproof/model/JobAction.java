package dev.bulletproof.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a person may ask of a job. The daemon says which are allowed in each job's state
 * ({@link JobModel#allowedActions()}), so no client keeps its own copy of the state rules.
 */
public enum JobAction {
    PAUSE,
    RESUME,
    CANCEL,
    RETRY,
    DELETE,
    PRIORITY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobAction fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
