package dev.bulletproof.model;

import java.util.Map;

/**
 * Every API error body: a stable machine-readable code, a sentence for people, and per-field messages
 * for validation failures.
 */
public record ErrorModel(String error, String message, Map<String, String> fields) {

    public ErrorModel(String error, String message) {
        this(error, message, Map.of());
    }
}
