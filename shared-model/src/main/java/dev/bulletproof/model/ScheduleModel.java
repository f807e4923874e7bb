package dev.bulletproof.model;

import java.time.Instant;
import java.util.List;

/**
 * What the daemon's schedule says now ({@code GET /api/schedule}, and inside {@link QueueModel}).
 *
 * @param configured the config file has a schedule; without one the state is always "open"
 * @param state "open" (jobs run), "paused" (outside the windows of a pause schedule: nothing starts and
 *     running encodes are suspended) or "holding" (outside the windows of a drain schedule: nothing starts,
 *     running jobs finish)
 * @param outside "pause" or "drain": what the schedule does outside its windows
 * @param maxWorkers the open window's worker limit; null when the config's max_workers applies
 * @param nextChange when the state or the limit changes next; null when it never does
 * @param nextState the state from {@code nextChange} on; null with it
 * @param nextMaxWorkers the limit from {@code nextChange} on; null for the config's
 * @param override a person's override in force; null when the windows decide
 * @param timeZone the zone the windows' times are read in (the daemon machine's), e.g. "Europe/Berlin"
 * @param suspendedJobs ids of the jobs the schedule suspended (not a person); they continue when a window opens
 * @param folders the watch folders with a schedule of their own, in the config's order; their jobs follow
 *     it instead of this one (the state fields above are the global schedule's)
 */
public record ScheduleModel(
        boolean configured,
        String state,
        String outside,
        Integer maxWorkers,
        Instant nextChange,
        String nextState,
        Integer nextMaxWorkers,
        ScheduleOverrideModel override,
        String timeZone,
        List<ScheduleWindowModel> windows,
        List<String> suspendedJobs,
        List<FolderScheduleModel> folders) {

    public ScheduleModel {
        windows = windows == null ? List.of() : List.copyOf(windows);
        suspendedJobs = suspendedJobs == null ? List.of() : List.copyOf(suspendedJobs);
        folders = folders == null ? List.of() : List.copyOf(folders);
    }

    /** Without folder schedules. */
    public ScheduleModel(
            boolean configured,
            String state,
            String outside,
            Integer maxWorkers,
            Instant nextChange,
            String nextState,
            Integer nextMaxWorkers,
            ScheduleOverrideModel override,
            String timeZone,
            List<ScheduleWindowModel> windows,
            List<String> suspendedJobs) {
        this(
                configured,
                state,
                outside,
                maxWorkers,
                nextChange,
                nextState,
                nextMaxWorkers,
                override,
                timeZone,
                windows,
                suspendedJobs,
                List.of());
    }
}
