package dev.bulletproof.model;

import java.time.Instant;

/**
 * The body of {@code POST /api/schedule/override}: "run" or "hold", until an instant or for a number of
 * seconds from now (exactly one of the two).
 */
public record ScheduleOverrideRequest(String mode, Instant until, Long durationSeconds) {

    public static ScheduleOverrideRequest until(String mode, Instant until) {
        return new ScheduleOverrideRequest(mode, until, null);
    }

    public static ScheduleOverrideRequest lasting(String mode, long seconds) {
        return new ScheduleOverrideRequest(mode, null, seconds);
    }
}
