package dev.bulletproof.model;

import java.time.Instant;

/**
 * The body of {@code POST /api/schedule/override}: "run" or "hold", until an instant or for a number of
 * seconds from now (exactly one of the two).
 *
 * @param folder a watch folder with a schedule of its own (its path), to override that folder only; null
 *     for the global override
 */
public record ScheduleOverrideRequest(String mode, Instant until, Long durationSeconds, String folder) {

    public static ScheduleOverrideRequest until(String mode, Instant until) {
        return new ScheduleOverrideRequest(mode, until, null, null);
    }

    public static ScheduleOverrideRequest lasting(String mode, long seconds) {
        return new ScheduleOverrideRequest(mode, null, seconds, null);
    }

    /** The same override for one folder's schedule only. */
    public ScheduleOverrideRequest forFolder(String path) {
        return new ScheduleOverrideRequest(mode, until, durationSeconds, path);
    }
}
