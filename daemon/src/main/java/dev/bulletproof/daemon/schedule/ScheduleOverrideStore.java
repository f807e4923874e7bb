package dev.bulletproof.daemon.schedule;

import java.util.Optional;

/**
 * Where the override of each schedule is kept, so a restart keeps it. A scope names the schedule:
 * {@link #GLOBAL} for the daemon's own.
 */
public interface ScheduleOverrideStore {

    String GLOBAL = "global";

    Optional<ScheduleOverride> load(String scope);

    /** Replaces the scope's override, durably, in one transaction. */
    void save(String scope, ScheduleOverride override);

    void clear(String scope);
}
