package dev.bulletproof.model;

import java.time.Instant;

/**
 * A person's override of the schedule.
 *
 * @param mode "run" (jobs run as in a window) or "hold" (jobs wait as outside the windows)
 * @param until when it ends by itself
 * @param setAt when it was asked for
 */
public record ScheduleOverrideModel(String mode, Instant until, Instant setAt) {}
