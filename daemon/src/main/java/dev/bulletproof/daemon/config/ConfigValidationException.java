package dev.bulletproof.daemon.config;

import dev.bulletproof.daemon.BulletproofException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used, with every problem found (not just the first), keyed by the field
 * it concerns ("max_workers", "rules[2].pattern"), so the API can return them per field and the CLI can
 * print them one per line.
 */
public class ConfigValidationException extends BulletproofException {

    private final Map<String, String> fields;

    public ConfigValidationException(Map<String, String> fields) {
        super(describe(fields));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Field name to a human sentence, in the order the problems were found. */
    public Map<String, String> fields() {
        return fields;
    }

    private static String describe(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> "  " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n", "invalid configuration:\n", ""));
    }
}
