package dev.bulletproof.daemon.schedule;

import java.util.List;
import java.util.Objects;

/**
 * Weekly windows in which jobs run, and what happens outside them. The daemon has one (the config file's
 * {@code schedule:} section); a watch folder can hold its own. A schedule without windows is always open.
 */
public record Schedule(List<ScheduleWindow> windows, OutsideAction outside) {

    /** No schedule: jobs run whenever they are queued. */
    public static final Schedule ALWAYS_OPEN = new Schedule(List.of(), OutsideAction.PAUSE);

    public Schedule {
        windows = List.copyOf(windows);
        Objects.requireNonNull(outside, "outside");
    }

    public boolean isConfigured() {
        return !windows.isEmpty();
    }
}
