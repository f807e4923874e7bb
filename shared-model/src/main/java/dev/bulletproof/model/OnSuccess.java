package dev.bulletproof.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happens to an input after its output has been verified and published. */
public enum OnSuccess {
    KEEP,
    MOVE,
    DELETE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OnSuccess fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
