package dev.bulletproof.model;

/** The body of {@code POST /api/jobs/{id}/priority}; higher runs first. */
public record PriorityRequest(int priority) {}
