package dev.bulletproof.model;

import java.util.List;

/**
 * One weekly window of a schedule, as the config file says it.
 *
 * @param days "mon" .. "sun", in week order
 * @param from "HH:MM" wall-clock time the window opens
 * @param to "HH:MM" it closes; not later than {@code from} means the next day ("24:00" is midnight)
 * @param maxWorkers the window's worker limit; null for the config's max_workers
 */
public record ScheduleWindowModel(List<String> days, String from, String to, Integer maxWorkers) {

    public ScheduleWindowModel {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
