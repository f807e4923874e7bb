package dev.bulletproof.daemon.jobs;

/** The queue was paused or resumed, or its worker count changed. */
public record QueueEvent(boolean paused, int maxWorkers) {}
