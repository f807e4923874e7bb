package dev.bulletproof.daemon.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One weekly window, in wall-clock time of the machine's time zone: it opens at {@code from} on each of
 * {@code days} and closes at {@code to}, on the same day when {@code to} is later, else on the next day
 * (so {@code mon 18:00-07:00} runs through Monday night). {@code from} equal to {@code to} is a whole day
 * ({@code 00:00-24:00}, where "24:00" is read as the next midnight).
 *
 * @param maxWorkers how many jobs may run at once inside the window; null keeps the config's max_workers
 */
public record ScheduleWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to, Integer maxWorkers) {

    public ScheduleWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** The date the window that opens on {@code date} closes on. */
    LocalDate closingDate(LocalDate date) {
        return to.isAfter(from) ? date : date.plusDays(1);
    }
}
