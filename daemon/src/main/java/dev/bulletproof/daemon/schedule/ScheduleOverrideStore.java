package dev.bulletproof.daemon.schedule;

import java.util.Optional;

/**
 * Where the override of each schedule is kept, so a restart keeps it. A scope names the schedule:
 * {@link #GLOBAL} for the daemon's own, {@link #folder} for a watch folder's (decision 0032).
 */
public interface ScheduleOverrideStore {

    String GLOBAL = "global";

    /** The scope of a watch folder's own schedule: its key (the path its jobs record), as this node names it. */
    static String folder(String folderKey) {
        return "folder:" + folderKey;
    }

    Optional<ScheduleOverride> load(String scope);

    /** Replaces the scope's override, durably, in one transaction. */
    void save(String scope, ScheduleOverride override);

    void clear(String scope);
}
