package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.model.Json;
import dev.bulletproof.model.ScheduleModel;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule and drain verbs against a real daemon whose only window is two days away. */
class ScheduleVerbsCliTest {

    @TempDir
    Path root;

    private static final DayOfWeek WINDOW_DAY = LocalDate.now().plusDays(2).getDayOfWeek();
    private static final String WINDOW_DAY_NAME = WINDOW_DAY.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);

    private static String schedule() {
        return """
                schedule:
                  outside: pause
                  windows:
                    - { days: %s, from: "10:00", to: "11:00", max_workers: 1 }
                """.formatted(WINDOW_DAY_NAME.toLowerCase(Locale.ROOT));
    }

    @Test
    void scheduleShowsTheStateAndItsNextChangeAndOverridesComeAndGo() throws Exception {
        try (RunningDaemon daemon = new RunningDaemon(root, schedule())) {
            CliRun show = remote(daemon, "schedule");
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out())
                    .contains("schedule  paused by schedule until " + WINDOW_DAY_NAME + " 10:00")
                    .contains("outside   pause: running jobs are suspended, nothing new starts")
                    .contains("  " + WINDOW_DAY_NAME.toLowerCase(Locale.ROOT) + " 10:00-11:00, 1 worker(s)");

            Instant before = Instant.now();
            CliRun run = remote(daemon, "schedule", "run", "--for", "2h");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("schedule  running by override until ")
                    .contains("override  run until ");
            ScheduleModel running = daemon.client().schedule();
            assertThat(running.state()).isEqualTo("open");
            assertThat(running.override().until())
                    .isBetween(before.plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(2)));

            CliRun hold = remote(daemon, "schedule", "hold", "--until", "tomorrow 07:00");
            assertThat(hold.exitCode()).as(hold.err()).isZero();
            assertThat(daemon.client().schedule().override().until())
                    .isEqualTo(LocalDate.now()
                            .plusDays(1)
                            .atTime(7, 0)
                            .atZone(ZoneId.systemDefault())
                            .toInstant());
            assertThat(hold.out()).contains("schedule  held by override until ");

            CliRun clear = remote(daemon, "schedule", "clear");
            assertThat(clear.exitCode()).isZero();
            assertThat(clear.out()).contains("schedule  paused by schedule until " + WINDOW_DAY_NAME + " 10:00");
            assertThat(daemon.client().schedule().override()).isNull();
        }
    }

    @Test
    void statusAndScheduleShowALinePerFolderWithAScheduleOfItsOwn() throws Exception {
        String folders = """
                watch_folders:
                  - path: ./drop/night
                    schedule:
                      outside: drain
                      windows:
                        - { days: %s, from: "10:00", to: "11:00", max_workers: 1 }
                  - path: ./drop/day
                """.formatted(WINDOW_DAY_NAME.toLowerCase(Locale.ROOT));
        try (RunningDaemon daemon = new RunningDaemon(root, folders)) {
            String night = root.resolve("drop/night").toString();

            CliRun status = remote(daemon, "status");
            CliRun show = remote(daemon, "schedule");

            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out())
                    .contains(
                            "schedule " + night + ": holding new jobs by schedule until " + WINDOW_DAY_NAME + " 10:00")
                    .doesNotContain("drop/day:");
            assertThat(show.out())
                    .contains("schedule  none: jobs run whenever they are queued")
                    .contains("folder    " + night + ": holding new jobs by schedule until " + WINDOW_DAY_NAME
                            + " 10:00 (drain outside " + WINDOW_DAY_NAME.toLowerCase(Locale.ROOT)
                            + " 10:00-11:00, 1 worker(s))");
            JsonNode json =
                    Json.mapper().readTree(remote(daemon, "status", "--json").out());
            assertThat(json.at("/queue/schedule/folders/0/folder").asText()).isEqualTo(night);
            assertThat(json.at("/queue/schedule/folders/0/state").asText()).isEqualTo("holding");

            CliRun hold = remote(daemon, "schedule", "hold", "--for", "2h", "--folder", night);
            assertThat(hold.exitCode()).as(hold.err()).isZero();
            assertThat(hold.out())
                    .contains("schedule  none: jobs run whenever they are queued")
                    .contains("folder    " + night + ": held by override until ")
                    .contains("  override hold until ");

            CliRun run = remote(daemon, "schedule", "run", "--for", "1h");
            assertThat(run.out())
                    .as("the folder's own override wins over the global one")
                    .contains("folder    " + night + ": held by override until ");

            CliRun clear = remote(daemon, "schedule", "clear", "--folder", night);
            assertThat(clear.exitCode()).as(clear.err()).isZero();
            assertThat(clear.out())
                    .as("the global override runs the folder again")
                    .contains("folder    " + night + ": running by override until ")
                    .doesNotContain("  override hold");
            CliRun elsewhere = remote(
                    daemon,
                    "schedule",
                    "clear",
                    "--folder",
                    root.resolve("nowhere").toString());
            assertThat(elsewhere.exitCode()).isNotZero();
        }
    }

    @Test
    void anOverrideNeedsALengthOrAnEnd() {
        try (RunningDaemon daemon = new RunningDaemon(root, schedule())) {
            CliRun neither = remote(daemon, "schedule", "run");
            CliRun nonsense = remote(daemon, "schedule", "hold", "--for", "a while");

            assertThat(neither.exitCode()).isEqualTo(2);
            assertThat(neither.err()).contains("--for 2h", "--until 07:00");
            assertThat(nonsense.exitCode()).isEqualTo(2);
            assertThat(nonsense.err()).contains("'a while' is not a length");
            assertThat(daemon.client().schedule().override()).isNull();
        }
    }

    @Test
    void statusShowsTheScheduleAndDrainPausesAnIdleQueue() throws Exception {
        try (RunningDaemon daemon = new RunningDaemon(root, schedule())) {
            CliRun status = remote(daemon, "status");
            assertThat(status.out())
                    .contains("schedule paused by schedule until " + WINDOW_DAY_NAME + " 10:00")
                    .contains("queue    running, 0 of 2 workers busy");
            JsonNode json =
                    Json.mapper().readTree(remote(daemon, "status", "--json").out());
            assertThat(json.at("/queue/schedule/state").asText()).isEqualTo("paused");
            assertThat(json.at("/queue/schedule/next_change").asText()).isNotBlank();
            assertThat(json.at("/queue/state").asText()).isEqualTo("running");

            CliRun drain = remote(daemon, "drain");

            assertThat(drain.exitCode()).isZero();
            assertThat(drain.out().strip()).isEqualTo("queue paused: nothing was running, no new job starts");
            assertThat(remote(daemon, "status").out()).contains("queue    paused (no new job starts)");
        }
    }

    private static CliRun remote(RunningDaemon daemon, String... verbAndArguments) {
        List<String> args = new ArrayList<>(List.of(verbAndArguments));
        args.addAll(List.of("--url", daemon.url().toString(), "--data-dir", daemon.data.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }
}
