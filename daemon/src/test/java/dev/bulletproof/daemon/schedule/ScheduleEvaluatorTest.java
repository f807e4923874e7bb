package dev.bulletproof.daemon.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.schedule.ScheduleState.Phase;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleEvaluatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS =
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private static final Schedule WEEKNIGHTS =
            new Schedule(List.of(window(WEEKDAYS, "18:00", "07:00", null)), OutsideAction.PAUSE);

    /** 2026-12-02 is a Wednesday. */
    @ParameterizedTest(name = "{0} -> {1} until {2}")
    @CsvSource(textBlock = """
            2026-12-02T17:59:59.999, PAUSED, 2026-12-02T18:00, OPEN
            2026-12-02T18:00,        OPEN,   2026-12-03T07:00, PAUSED
            2026-12-03T06:59:59.999, OPEN,   2026-12-03T07:00, PAUSED
            2026-12-03T07:00,        PAUSED, 2026-12-03T18:00, OPEN
            2026-12-04T23:00,        OPEN,   2026-12-05T07:00, PAUSED
            2026-12-05T07:00,        PAUSED, 2026-12-07T18:00, OPEN
            2026-12-06T12:00,        PAUSED, 2026-12-07T18:00, OPEN
            """)
    void weeknightWindowOpensAndClosesOnTheMinute(
            LocalDateTime at, Phase phase, LocalDateTime nextChange, Phase nextPhase) {
        ScheduleState state = ScheduleEvaluator.evaluate(WEEKNIGHTS, null, local(at), BERLIN);

        assertThat(state.phase()).isEqualTo(phase);
        assertThat(state.nextChange()).isEqualTo(local(nextChange));
        assertThat(state.nextPhase()).isEqualTo(nextPhase);
        assertThat(state.override()).isNull();
    }

    @Test
    void aDrainScheduleHoldsInsteadOfPausing() {
        Schedule drain = new Schedule(WEEKNIGHTS.windows(), OutsideAction.DRAIN);

        ScheduleState state =
                ScheduleEvaluator.evaluate(drain, null, local(LocalDateTime.parse("2026-12-02T12:00")), BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.HOLDING);
        assertThat(state.holdsNewJobs()).isTrue();
        assertThat(state.suspendsRunningJobs()).isFalse();
    }

    @Test
    void overlappingWindowsTakeTheLargerLimitAndALimitChangeIsANextChange() {
        Schedule schedule = new Schedule(
                List.of(
                        window(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00", 1),
                        window(WEEKDAYS, "18:00", "07:00", 4)),
                OutsideAction.PAUSE);

        ScheduleState day =
                ScheduleEvaluator.evaluate(schedule, null, local(LocalDateTime.parse("2026-12-02T12:00")), BERLIN);
        ScheduleState night =
                ScheduleEvaluator.evaluate(schedule, null, local(LocalDateTime.parse("2026-12-02T20:00")), BERLIN);

        assertThat(day.phase()).isEqualTo(Phase.OPEN);
        assertThat(day.maxWorkers()).isEqualTo(1);
        assertThat(day.nextChange()).isEqualTo(local(LocalDateTime.parse("2026-12-02T18:00")));
        assertThat(day.nextPhase()).isEqualTo(Phase.OPEN);
        assertThat(day.nextMaxWorkers()).isEqualTo(4);
        assertThat(night.maxWorkers()).isEqualTo(4);
        assertThat(night.nextChange()).isEqualTo(local(LocalDateTime.parse("2026-12-03T07:00")));
        assertThat(night.nextMaxWorkers()).isEqualTo(1);
    }

    @Test
    void aWindowWithoutALimitLiftsTheLimitOfOneItOverlaps() {
        Schedule schedule = new Schedule(
                List.of(
                        window(EnumSet.allOf(DayOfWeek.class), "00:00", "00:00", 1),
                        window(WEEKDAYS, "18:00", "07:00", null)),
                OutsideAction.PAUSE);

        ScheduleState night =
                ScheduleEvaluator.evaluate(schedule, null, local(LocalDateTime.parse("2026-12-02T20:00")), BERLIN);

        assertThat(night.maxWorkers()).isNull();
    }

    @Test
    void noWindowsMeansAlwaysOpenWithNoChangeAhead() {
        ScheduleState state = ScheduleEvaluator.evaluate(Schedule.ALWAYS_OPEN, null, Instant.EPOCH, BERLIN);

        assertThat(state).isEqualTo(ScheduleState.UNSCHEDULED);
    }

    @Test
    void aWindowCoveringTheWholeWeekNeverChanges() {
        Schedule always =
                new Schedule(List.of(window(EnumSet.allOf(DayOfWeek.class), "00:00", "24:00", 3)), OutsideAction.PAUSE);

        ScheduleState state =
                ScheduleEvaluator.evaluate(always, null, local(LocalDateTime.parse("2026-12-02T12:00")), BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.OPEN);
        assertThat(state.maxWorkers()).isEqualTo(3);
        assertThat(state.nextChange()).isNull();
    }

    // 2026-03-29: at 02:00 CET the clocks in Berlin jump to 03:00 CEST (01:00 UTC).

    @Test
    void onASpringForwardNightA0130To0330WindowLastsOneWallClockHour() {
        Schedule schedule =
                new Schedule(List.of(window(Set.of(DayOfWeek.SUNDAY), "01:30", "03:30", null)), OutsideAction.PAUSE);

        ScheduleState before =
                ScheduleEvaluator.evaluate(schedule, null, Instant.parse("2026-03-29T00:29:59Z"), BERLIN);
        ScheduleState inside =
                ScheduleEvaluator.evaluate(schedule, null, Instant.parse("2026-03-29T01:00:00Z"), BERLIN);

        assertThat(before.phase()).isEqualTo(Phase.PAUSED);
        assertThat(before.nextChange()).as("01:30 CET").isEqualTo(Instant.parse("2026-03-29T00:30:00Z"));
        assertThat(inside.phase()).isEqualTo(Phase.OPEN);
        assertThat(inside.nextChange()).as("03:30 CEST").isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(Duration.between(before.nextChange(), inside.nextChange())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anEdgeInTheSkippedHourFallsOnTheEndOfTheGap() {
        Schedule schedule =
                new Schedule(List.of(window(Set.of(DayOfWeek.SUNDAY), "02:30", "04:00", null)), OutsideAction.PAUSE);

        ScheduleState state = ScheduleEvaluator.evaluate(schedule, null, Instant.parse("2026-03-29T00:00:00Z"), BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.PAUSED);
        assertThat(state.nextChange())
                .as("03:00 CEST, the first instant the clock reads 02:30 or later")
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void aWindowWhollyInTheSkippedHourDoesNotHappenThatNight() {
        Schedule schedule =
                new Schedule(List.of(window(Set.of(DayOfWeek.SUNDAY), "02:00", "02:45", null)), OutsideAction.PAUSE);

        ScheduleState state = ScheduleEvaluator.evaluate(schedule, null, Instant.parse("2026-03-28T23:00:00Z"), BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.PAUSED);
        assertThat(state.nextChange()).as("next Sunday, 02:00 CEST").isEqualTo(Instant.parse("2026-04-05T00:00:00Z"));
    }

    // 2026-10-25: at 03:00 CEST the clocks in Berlin go back to 02:00 CET (01:00 UTC).

    @Test
    void onAFallBackNightA0130To0330WindowLastsThreeHoursFromTheFirst0130() {
        Schedule schedule =
                new Schedule(List.of(window(Set.of(DayOfWeek.SUNDAY), "01:30", "03:30", null)), OutsideAction.PAUSE);

        ScheduleState before =
                ScheduleEvaluator.evaluate(schedule, null, Instant.parse("2026-10-24T23:00:00Z"), BERLIN);
        ScheduleState inside =
                ScheduleEvaluator.evaluate(schedule, null, Instant.parse("2026-10-25T01:15:00Z"), BERLIN);

        assertThat(before.nextChange()).as("01:30 CEST").isEqualTo(Instant.parse("2026-10-24T23:30:00Z"));
        assertThat(inside.phase()).isEqualTo(Phase.OPEN);
        assertThat(inside.nextChange()).as("03:30 CET").isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
    }

    @Test
    void aWindowEndingInTheRepeatedHourEndsAtItsFirstOccurrence() {
        Schedule schedule =
                new Schedule(List.of(window(Set.of(DayOfWeek.SATURDAY), "22:00", "02:30", null)), OutsideAction.PAUSE);

        ScheduleState state = ScheduleEvaluator.evaluate(schedule, null, Instant.parse("2026-10-24T23:00:00Z"), BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.OPEN);
        assertThat(state.nextChange()).as("02:30 CEST").isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void aRunOverrideOpensAClosedScheduleUntilItEnds() {
        Instant now = local(LocalDateTime.parse("2026-12-02T12:00"));
        var override = new ScheduleOverride(ScheduleOverride.Mode.RUN, now.plus(Duration.ofHours(2)), now);

        ScheduleState state = ScheduleEvaluator.evaluate(WEEKNIGHTS, override, now, BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.OPEN);
        assertThat(state.maxWorkers()).as("the config's max_workers").isNull();
        assertThat(state.override()).isEqualTo(override);
        assertThat(state.nextChange()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(state.nextPhase()).isEqualTo(Phase.PAUSED);
    }

    @Test
    void aHoldOverrideEndingInsideAWindowChangesToOpenThen() {
        Instant now = local(LocalDateTime.parse("2026-12-02T20:00"));
        Instant until = local(LocalDateTime.parse("2026-12-02T23:00"));
        var override = new ScheduleOverride(ScheduleOverride.Mode.HOLD, until, now);

        ScheduleState state = ScheduleEvaluator.evaluate(WEEKNIGHTS, override, now, BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.PAUSED);
        assertThat(state.nextChange()).isEqualTo(until);
        assertThat(state.nextPhase()).isEqualTo(Phase.OPEN);
    }

    @Test
    void aRunOverrideEndingInsideAWindowSkipsToTheWindowsEnd() {
        Instant now = local(LocalDateTime.parse("2026-12-02T17:00"));
        var override =
                new ScheduleOverride(ScheduleOverride.Mode.RUN, local(LocalDateTime.parse("2026-12-02T19:00")), now);

        ScheduleState state = ScheduleEvaluator.evaluate(WEEKNIGHTS, override, now, BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.OPEN);
        assertThat(state.nextChange())
                .as("the override ends inside the window: nothing changes then")
                .isEqualTo(local(LocalDateTime.parse("2026-12-03T07:00")));
    }

    @Test
    void anExpiredOverrideIsIgnored() {
        Instant now = local(LocalDateTime.parse("2026-12-02T12:00"));
        var override = new ScheduleOverride(ScheduleOverride.Mode.RUN, now, now.minus(Duration.ofHours(1)));

        ScheduleState state = ScheduleEvaluator.evaluate(WEEKNIGHTS, override, now, BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.PAUSED);
        assertThat(state.override()).isNull();
    }

    @Test
    void aHoldOverrideWithoutWindowsPausesUntilItEnds() {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        var override = new ScheduleOverride(ScheduleOverride.Mode.HOLD, now.plus(Duration.ofHours(19)), now);

        ScheduleState state = ScheduleEvaluator.evaluate(Schedule.ALWAYS_OPEN, override, now, BERLIN);

        assertThat(state.phase()).isEqualTo(Phase.PAUSED);
        assertThat(state.nextChange()).isEqualTo(now.plus(Duration.ofHours(19)));
        assertThat(state.nextPhase()).isEqualTo(Phase.OPEN);
    }

    private static Instant local(LocalDateTime at) {
        return ZonedDateTime.of(at, BERLIN).toInstant();
    }

    private static ScheduleWindow window(Set<DayOfWeek> days, String from, String to, Integer maxWorkers) {
        return new ScheduleWindow(days, parse(from), parse(to), maxWorkers);
    }

    private static LocalTime parse(String time) {
        return time.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(time);
    }
}
