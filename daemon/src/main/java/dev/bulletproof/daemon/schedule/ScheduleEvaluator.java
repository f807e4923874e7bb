package dev.bulletproof.daemon.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Works out the phase of a schedule at an instant and its next change, in a given time zone.
 *
 * <p>Window edges are wall-clock times, so on the nights the clocks change a window is as long as the
 * wall clock says, not as its nominal length: each edge is the first instant at which the local clock
 * reads that time or later. A window of 01:30-03:30 on a spring-forward night (02:00 becomes 03:00) is
 * one hour long; on a fall-back night (03:00 becomes 02:00) three hours. An edge inside the skipped hour
 * falls on the end of the gap (02:30 becomes 03:00); an edge inside the repeated hour is its first
 * occurrence. A window that lies wholly inside the skipped hour does not happen that night.
 */
public final class ScheduleEvaluator {

    /** Every weekly pattern repeats within a week; one more day covers a window that opened yesterday. */
    private static final Duration LOOK_AHEAD = Duration.ofDays(8);

    private ScheduleEvaluator() {}

    public static ScheduleState evaluate(Schedule schedule, ScheduleOverride override, Instant now, ZoneId zone) {
        Objects.requireNonNull(schedule, "schedule");
        ScheduleOverride active = override != null && override.activeAt(now) ? override : null;
        Instant horizon = (active != null && active.until().isAfter(now) ? active.until() : now).plus(LOOK_AHEAD);
        List<Interval> intervals = intervals(
                schedule,
                zone,
                LocalDate.ofInstant(now, zone).minusDays(1),
                LocalDate.ofInstant(horizon, zone).plusDays(1));
        Moment current = momentAt(schedule, intervals, active, now);

        TreeSet<Instant> edges = new TreeSet<>();
        for (Interval interval : intervals) {
            edges.add(interval.start);
            edges.add(interval.end);
        }
        if (active != null) {
            edges.add(active.until());
        }
        for (Instant edge : edges.tailSet(now, false)) {
            if (edge.isAfter(horizon)) {
                break;
            }
            ScheduleOverride then = active != null && active.activeAt(edge) ? active : null;
            Moment next = momentAt(schedule, intervals, then, edge);
            if (!next.equals(current)) {
                return new ScheduleState(current.phase, current.maxWorkers, edge, next.phase, next.maxWorkers, active);
            }
        }
        return new ScheduleState(current.phase, current.maxWorkers, null, null, null, active);
    }

    /**
     * The first instant at which the local clock of {@code zone} reads {@code time} on {@code date} or
     * later: the end of a gap for a time the clocks skip, the earlier offset for a time they repeat.
     */
    static Instant firstInstantAtOrAfter(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private record Interval(Instant start, Instant end, Integer maxWorkers) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    private record Moment(ScheduleState.Phase phase, Integer maxWorkers) {}

    private static List<Interval> intervals(Schedule schedule, ZoneId zone, LocalDate first, LocalDate last) {
        List<Interval> intervals = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (ScheduleWindow window : schedule.windows()) {
                if (!window.days().contains(date.getDayOfWeek())) {
                    continue;
                }
                Instant start = firstInstantAtOrAfter(date, window.from(), zone);
                Instant end = firstInstantAtOrAfter(window.closingDate(date), window.to(), zone);
                if (end.isAfter(start)) {
                    intervals.add(new Interval(start, end, window.maxWorkers()));
                }
            }
        }
        return intervals;
    }

    private static Moment momentAt(Schedule schedule, List<Interval> intervals, ScheduleOverride override, Instant t) {
        ScheduleState.Phase closed = ScheduleState.Phase.closed(schedule.outside());
        if (override != null) {
            return override.mode() == ScheduleOverride.Mode.RUN
                    ? new Moment(ScheduleState.Phase.OPEN, null)
                    : new Moment(closed, null);
        }
        if (!schedule.isConfigured()) {
            return new Moment(ScheduleState.Phase.OPEN, null);
        }
        boolean open = false;
        boolean unlimited = false;
        int limit = 0;
        for (Interval interval : intervals) {
            if (interval.contains(t)) {
                open = true;
                if (interval.maxWorkers() == null) {
                    unlimited = true;
                } else {
                    limit = Math.max(limit, interval.maxWorkers());
                }
            }
        }
        if (!open) {
            return new Moment(closed, null);
        }
        // Overlapping windows: the most generous one wins, and one without a limit lifts it.
        return new Moment(ScheduleState.Phase.OPEN, unlimited ? null : limit);
    }
}
