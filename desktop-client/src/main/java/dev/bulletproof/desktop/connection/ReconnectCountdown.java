package dev.bulletproof.desktop.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Estimates when the live-update connection tries again, to tell the operator "reconnecting in N s". It
 * follows the same schedule the subscription uses (0.5 s, doubling, at most 30 s), counting an attempt as
 * failed when its time has passed and the link is still down.
 */
public final class ReconnectCountdown {

    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration CAP = Duration.ofSeconds(30);

    private final Clock clock;
    private int failures;
    private Instant nextAttempt;

    public ReconnectCountdown(Clock clock) {
        this.clock = clock;
    }

    /** The link just dropped. */
    public void lost() {
        failures = 0;
        nextAttempt = clock.instant().plus(delayAfter(0));
    }

    /** Whole seconds (rounded up) until the next attempt. */
    public long secondsLeft() {
        if (nextAttempt == null) {
            return 0;
        }
        Instant now = clock.instant();
        while (!nextAttempt.isAfter(now)) {
            nextAttempt = nextAttempt.plus(delayAfter(++failures));
        }
        long millis = Duration.between(now, nextAttempt).toMillis();
        return (millis + 999) / 1000;
    }

    static Duration delayAfter(int failures) {
        int doublings = Math.min(Math.max(failures, 0), 30);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }
}
