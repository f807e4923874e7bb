package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.schedule.OutsideAction;
import dev.bulletproof.daemon.schedule.Schedule;
import dev.bulletproof.daemon.schedule.ScheduleWindow;
import dev.bulletproof.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file's schedule section: weekly windows, what happens outside them, a limit per window. */
class ScheduleConfigTest {

    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path folder;

    @Test
    void readsWindowsWithRangesListsAndUnquotedTimes() {
        // Unquoted 18:00 is the YAML 1.1 base-60 number 1080; it still means six in the evening.
        Schedule schedule = loader.parse("""
                        schedule:
                          outside: drain
                          windows:
                            - days: mon-fri
                              from: 18:00
                              to: "07:00"
                              max_workers: 4
                            - days: [sat, sunday]
                              from: "00:00"
                              to: "24:00"
                        """).schedule();

        assertThat(schedule.outside()).isEqualTo(OutsideAction.DRAIN);
        assertThat(schedule.windows())
                .containsExactly(
                        new ScheduleWindow(
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                LocalTime.of(18, 0),
                                LocalTime.of(7, 0),
                                4),
                        new ScheduleWindow(
                                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                                LocalTime.MIDNIGHT,
                                LocalTime.MIDNIGHT,
                                null));
    }

    @Test
    void outsideDefaultsToPauseAndARangeMayWrapTheWeekend() {
        Schedule schedule = loader.parse("""
                        schedule:
                          windows: [{ days: "fri-mon", from: "20:00", to: "06:00" }]
                        """).schedule();

        assertThat(schedule.outside()).isEqualTo(OutsideAction.PAUSE);
        assertThat(schedule.windows().getFirst().days())
                .isEqualTo(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY));
    }

    @Test
    void everyProblemIsReportedUnderItsField() {
        var e = catchThrowableOfType(ConfigValidationException.class, () -> loader.parse("""
                schedule:
                  outside: stop
                  windows:
                    - days: [mon, funday]
                      from: "25:00"
                      to: "7"
                      max_workers: 0
                      colour: red
                """));

        assertThat(e.fields())
                .containsOnlyKeys(
                        "schedule.outside",
                        "schedule.windows[0].days",
                        "schedule.windows[0].from",
                        "schedule.windows[0].to",
                        "schedule.windows[0].max_workers",
                        "schedule.windows[0].colour");
        assertThat(e.fields().get("schedule.windows[0].days")).contains("funday");
    }

    @Test
    void aScheduleWithoutWindowsIsRefused() {
        var e = catchThrowableOfType(
                ConfigValidationException.class, () -> loader.parse("schedule: { outside: pause }\n"));

        assertThat(e.fields()).containsOnlyKeys("schedule.windows");
    }

    @Test
    void theApiCannotSetTheSchedule() {
        ObjectNode body = (ObjectNode) Json.mapper().valueToTree(java.util.Map.of("schedule", java.util.Map.of()));

        var parsed = loader.read(body, ConfigLoader.Origin.REQUEST);

        assertThat(parsed.problems()).containsKey("schedule");
    }

    @Test
    void theStoreGivesTheFilesScheduleOrAlwaysOpen() throws Exception {
        Path file = folder.resolve("bulletproof.yaml");
        ConfigStore store = new ConfigStore(file, Set.of("live-qlab"));
        assertThat(store.loadSchedule()).isEqualTo(Schedule.ALWAYS_OPEN);

        Files.writeString(file, "schedule:\n  windows:\n    - { days: daily, from: \"22:00\", to: \"06:00\" }\n");

        assertThat(store.loadSchedule().windows()).hasSize(1);
        assertThat(store.load().maxWorkers())
                .as("the rest of the file still loads")
                .isEqualTo(2);
    }
}
