package dev.bulletproof.format;

import dev.bulletproof.model.FolderScheduleModel;
import dev.bulletproof.model.ScheduleModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one line that says what the schedule does now and until when ("paused by schedule until Mon 18:00"),
 * as the desktop client and {@code bulletproof status} show it; web-ui/src/schedule.ts is its copy.
 */
public final class ScheduleText {

    private static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

    private ScheduleText() {}

    /**
     * @return null when there is nothing to say (no schedule and no override)
     */
    public static String line(ScheduleModel schedule, Instant now, ZoneId zone) {
        if (schedule == null || (!schedule.configured() && schedule.override() == null)) {
            return null;
        }
        return text(
                schedule.state(), schedule.maxWorkers(), schedule.nextChange(), schedule.override() != null, now, zone);
    }

    /**
     * The same line for a watch folder's own schedule; the global override runs or holds the folder too,
     * as does the folder's own.
     *
     * @param globalOverride whether the global override is in force
     */
    public static String folderLine(FolderScheduleModel folder, boolean globalOverride, Instant now, ZoneId zone) {
        return text(
                folder.state(),
                folder.maxWorkers(),
                folder.nextChange(),
                globalOverride || folder.override() != null,
                now,
                zone);
    }

    private static String text(
            String state, Integer maxWorkers, Instant nextChange, boolean overridden, Instant now, ZoneId zone) {
        String what =
                switch (state) {
                    case "paused" -> overridden ? "held by override" : "paused by schedule";
                    case "holding" -> overridden ? "held by override" : "holding new jobs by schedule";
                    default ->
                        (overridden ? "running by override" : "open")
                                + (maxWorkers == null ? "" : " (" + workers(maxWorkers) + ")");
                };
        return nextChange == null ? what : what + " until " + when(nextChange, now, zone);
    }

    /** "Mon 18:00" within the coming six days, else the date: "2026-12-10 18:00". */
    public static String when(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        boolean soon = !at.isBefore(now) && Duration.between(now, at).compareTo(Duration.ofDays(6)) < 0;
        return (soon ? WEEKDAY_TIME : DATE_TIME).format(local);
    }

    private static String workers(int count) {
        return count == 1 ? "1 worker" : count + " workers";
    }
}
