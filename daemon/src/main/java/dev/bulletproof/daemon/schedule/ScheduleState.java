package dev.bulletproof.daemon.schedule;

import java.time.Instant;
import java.util.Locale;

/**
 * What a schedule says at one instant, and when that changes next.
 *
 * @param maxWorkers the open window's limit; null when the config's max_workers applies (or nothing runs)
 * @param nextChange when the phase or the limit changes next; null when it never does (no windows, or a
 *     window that covers the whole week)
 * @param nextPhase the phase from {@code nextChange} on; null with it
 * @param override the person's override in force now; null when the windows decide
 */
public record ScheduleState(
        Phase phase,
        Integer maxWorkers,
        Instant nextChange,
        Phase nextPhase,
        Integer nextMaxWorkers,
        ScheduleOverride override) {

    public enum Phase {
        /** Jobs start and run (up to the window's limit). */
        OPEN,
        /** Outside the windows of a {@code pause} schedule: nothing starts, running encodes are suspended. */
        PAUSED,
        /** Outside the windows of a {@code drain} schedule: nothing starts, running jobs finish. */
        HOLDING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Phase closed(OutsideAction outside) {
            return outside == OutsideAction.PAUSE ? PAUSED : HOLDING;
        }
    }

    /** Always open, never changing: the state without a schedule. */
    public static final ScheduleState UNSCHEDULED = new ScheduleState(Phase.OPEN, null, null, null, null, null);

    public boolean holdsNewJobs() {
        return phase != Phase.OPEN;
    }

    public boolean suspendsRunningJobs() {
        return phase == Phase.PAUSED;
    }
}
