package dev.bulletproof.client;

import java.time.Duration;

/** Waits that double after each failed attempt, from {@code first} up to {@code cap}. */
record Backoff(Duration first, Duration cap) {

    static final Backoff RECONNECT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    /** The wait before attempt number {@code failures + 1}, where 0 failures waits {@code first}. */
    Duration delayAfter(int failures) {
        int doublings = Math.min(Math.max(failures, 0), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
