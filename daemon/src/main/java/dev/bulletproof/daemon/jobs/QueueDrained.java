package dev.bulletproof.daemon.jobs;

import java.time.Instant;

/**
 * A drain ended: the last job that was running when it was asked for has ended, and the queue is paused.
 * Published once per drain ({@code queue.drained} for the outside world).
 */
public record QueueDrained(Instant at) {}
