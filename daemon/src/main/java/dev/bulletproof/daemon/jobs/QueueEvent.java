package dev.bulletproof.daemon.jobs;

/**
 * The queue was paused, resumed or told to drain, its worker limit changed (by the config or a schedule
 * window), or the schedule began or stopped holding it.
 *
 * @param maxWorkers the limit in force: the schedule window's when it sets one, else the config's
 * @param draining paused by a drain whose running jobs have not all ended yet
 * @param heldBySchedule no new job starts because the schedule is outside its windows (or held by an override)
 */
public record QueueEvent(boolean paused, int maxWorkers, boolean draining, boolean heldBySchedule) {

    public QueueEvent(boolean paused, int maxWorkers) {
        this(paused, maxWorkers, false, false);
    }
}
