package dev.bulletproof.model;

import java.time.Instant;
import java.util.List;

/**
 * What a watch folder's own schedule says now (inside {@link ScheduleModel#folders()}). Its jobs follow it
 * instead of the global schedule; the global override runs or holds it too, unless the folder has an
 * override of its own.
 *
 * @param folder the folder's path, as its jobs record it ({@code watch_folder})
 * @param state "open", "paused" or "holding", as for the global schedule
 * @param outside "pause" or "drain"
 * @param maxWorkers the open window's limit on this folder's running jobs; null for none of its own
 * @param nextChange when the state or the limit changes next; null when it never does
 * @param nextState the state from {@code nextChange} on; null with it
 * @param nextMaxWorkers the limit from {@code nextChange} on
 * @param suspendedJobs ids of this folder's jobs its schedule suspended (not a person)
 * @param override the folder's own override in force; null when it has none (the global one, if any,
 *     then applies)
 */
public record FolderScheduleModel(
        String folder,
        String state,
        String outside,
        Integer maxWorkers,
        Instant nextChange,
        String nextState,
        Integer nextMaxWorkers,
        List<ScheduleWindowModel> windows,
        List<String> suspendedJobs,
        ScheduleOverrideModel override) {

    public FolderScheduleModel {
        windows = windows == null ? List.of() : List.copyOf(windows);
        suspendedJobs = suspendedJobs == null ? List.of() : List.copyOf(suspendedJobs);
    }
}
