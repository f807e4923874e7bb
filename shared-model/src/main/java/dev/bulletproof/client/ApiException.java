package dev.bulletproof.client;

import java.util.Map;

/**
 * The daemon refused a request, or could not be asked at all. The message is a sentence for people;
 * {@link #code()} is the daemon's stable error code for programs.
 */
public class ApiException extends RuntimeException {

    /** The status of failures that never got an HTTP answer. */
    public static final int NO_RESPONSE = 0;

    private final int status;
    private final String code;
    private final Map<String, String> fields;

    public ApiException(int status, String code, String message, Map<String, String> fields, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), null);
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** The daemon's error code, such as "not_found" or "conflict". */
    public String code() {
        return code;
    }

    /** Per-field messages of a validation failure; empty otherwise. */
    public Map<String, String> fields() {
        return fields;
    }
}
