package dev.bulletproof.daemon.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** The daemon's schedule as the API and the CLI see it: what it says now, and a person's override of it. */
public interface ScheduleControl {

    /** The longest override: long enough for a week of shows, short enough not to be forgotten for good. */
    Duration LONGEST_OVERRIDE = Duration.ofDays(31);

    Schedule schedule();

    /** The time zone the windows are read in: the machine's. */
    ZoneId zone();

    /** What the schedule (with its override) says now, and when that changes next. */
    ScheduleState state();

    /** Jobs the schedule suspended (not a person); they continue when a window opens. */
    Set<Long> suspendedJobs();

    /**
     * The watch folders with a schedule of their own, by folder key, in the config's order (decision 0032).
     * Their jobs follow it instead of {@link #schedule()}.
     */
    default Map<String, Schedule> folderSchedules() {
        return Map.of();
    }

    /**
     * What each folder's own schedule says now, by folder key; the override (there is one, the global one)
     * runs or holds these folders too.
     */
    default Map<String, ScheduleState> folderStates() {
        return Map.of();
    }

    /**
     * Runs or holds one folder until {@code until}, whatever its windows and the global override say;
     * replaces the folder's earlier override and is kept across a restart.
     *
     * @return what the folder's schedule says now
     * @throws InvalidOverrideException when the folder has no schedule of its own, or {@code until} is
     *     not in the future or more than {@link #LONGEST_OVERRIDE} ahead
     */
    default ScheduleState overrideFolder(String folder, ScheduleOverride.Mode mode, Instant until) {
        throw new InvalidOverrideException("folder", "is not a watch folder with a schedule of its own: " + folder);
    }

    default ScheduleState overrideFolderFor(String folder, ScheduleOverride.Mode mode, Duration length) {
        throw new InvalidOverrideException("folder", "is not a watch folder with a schedule of its own: " + folder);
    }

    /** Ends a folder's own override: its windows (or the global override) decide again. */
    default ScheduleState clearFolderOverride(String folder) {
        throw new InvalidOverrideException("folder", "is not a watch folder with a schedule of its own: " + folder);
    }

    /** The folder's own override in force; null when it has none (the global one may still apply). */
    default ScheduleOverride folderOverride(String folder) {
        return null;
    }

    /** Jobs a folder's own schedule suspended. */
    default Set<Long> suspendedJobs(String folder) {
        return Set.of();
    }

    /**
     * Runs or holds the queue until {@code until}, whatever the windows say (the global schedule's and each
     * folder's own); replaces an earlier override and is kept across a restart.
     *
     * @throws InvalidOverrideException when {@code until} is not in the future or more than
     *     {@link #LONGEST_OVERRIDE} ahead
     */
    ScheduleState override(ScheduleOverride.Mode mode, Instant until);

    /** Like {@link #override(ScheduleOverride.Mode, Instant)}, for {@code length} from now on the schedule's clock. */
    ScheduleState overrideFor(ScheduleOverride.Mode mode, Duration length);

    /** Ends the override: the windows decide again. */
    ScheduleState clearOverride();
}
