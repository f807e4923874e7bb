package dev.bulletproof.model;

/** The body of {@code POST /api/rules/test}: a file name, with or without folders. */
public record RuleTestRequest(String filename) {}
