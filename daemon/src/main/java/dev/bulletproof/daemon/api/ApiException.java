package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.BulletproofException;
import java.util.Map;

/**
 * A request the API refuses, with the HTTP status and the stable error code the body carries. Thrown by
 * handlers and the access filter; turned into a response in one place, {@link ApiErrors}.
 */
public class ApiException extends BulletproofException {

    private final int status;
    private final String code;
    private final Map<String, String> fields;

    public ApiException(int status, String code, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = Map.copyOf(fields);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    /** A query or path parameter that cannot be used, named in the fields so a client can show it beside the input. */
    public static ApiException badParameter(String parameter, String message) {
        return new ApiException(400, "bad_request", parameter + " " + message, Map.of(parameter, message));
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(422, "invalid_request", field + ": " + message, Map.of(field, message));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
