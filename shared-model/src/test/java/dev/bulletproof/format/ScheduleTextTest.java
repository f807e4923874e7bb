package dev.bulletproof.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.model.FolderScheduleModel;
import dev.bulletproof.model.ScheduleModel;
import dev.bulletproof.model.ScheduleOverrideModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTextTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Wednesday 2 December 2026, 13:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void aPausedScheduleSaysUntilWhichWeekdayAndTime() {
        var schedule = schedule("paused", null, Instant.parse("2026-12-07T17:00:00Z"), null);

        assertThat(ScheduleText.line(schedule, NOW, BERLIN)).isEqualTo("paused by schedule until Mon 18:00");
    }

    @Test
    void anOpenWindowWithALimitSaysHowManyWorkers() {
        var schedule = schedule("open", 4, Instant.parse("2026-12-03T06:00:00Z"), null);

        assertThat(ScheduleText.line(schedule, NOW, BERLIN)).isEqualTo("open (4 workers) until Thu 07:00");
    }

    @Test
    void aDrainScheduleHoldsNewJobs() {
        var schedule = schedule("holding", null, Instant.parse("2026-12-02T17:00:00Z"), null);

        assertThat(ScheduleText.line(schedule, NOW, BERLIN)).isEqualTo("holding new jobs by schedule until Wed 18:00");
    }

    @Test
    void anOverrideSaysSoAndAFarChangeGivesTheDate() {
        var run = new ScheduleOverrideModel("run", Instant.parse("2026-12-02T14:00:00Z"), NOW);
        var hold = new ScheduleOverrideModel("hold", Instant.parse("2026-12-20T06:00:00Z"), NOW);

        assertThat(ScheduleText.line(schedule("open", null, run.until(), run), NOW, BERLIN))
                .isEqualTo("running by override until Wed 15:00");
        assertThat(ScheduleText.line(schedule("paused", null, hold.until(), hold), NOW, BERLIN))
                .isEqualTo("held by override until 2026-12-20 07:00");
    }

    @Test
    void aFoldersScheduleReadsLikeTheGlobalOneAndTheOverrideCoversItToo() {
        var folder = new FolderScheduleModel(
                "/drop/night",
                "paused",
                "pause",
                null,
                Instant.parse("2026-12-03T09:00:00Z"),
                "open",
                1,
                List.of(),
                List.of("7"),
                null);
        var open = new FolderScheduleModel(
                "/drop/night",
                "open",
                "pause",
                1,
                Instant.parse("2026-12-02T13:00:00Z"),
                "paused",
                null,
                null,
                null,
                null);
        var ownHold = new FolderScheduleModel(
                "/drop/night",
                "paused",
                "pause",
                null,
                Instant.parse("2026-12-02T14:00:00Z"),
                "open",
                null,
                null,
                null,
                new ScheduleOverrideModel("hold", Instant.parse("2026-12-02T14:00:00Z"), NOW));

        assertThat(ScheduleText.folderLine(folder, false, NOW, BERLIN)).isEqualTo("paused by schedule until Thu 10:00");
        assertThat(ScheduleText.folderLine(folder, true, NOW, BERLIN)).isEqualTo("held by override until Thu 10:00");
        assertThat(ScheduleText.folderLine(open, false, NOW, BERLIN)).isEqualTo("open (1 worker) until Wed 14:00");
        assertThat(ScheduleText.folderLine(ownHold, false, NOW, BERLIN))
                .as("the folder's own override")
                .isEqualTo("held by override until Wed 15:00");
    }

    @Test
    void withoutAScheduleThereIsNothingToSay() {
        var none = new ScheduleModel(false, "open", "pause", null, null, null, null, null, "UTC", List.of(), List.of());

        assertThat(ScheduleText.line(none, NOW, BERLIN)).isNull();
    }

    private static ScheduleModel schedule(String state, Integer workers, Instant next, ScheduleOverrideModel override) {
        return new ScheduleModel(
                true, state, "pause", workers, next, "open", null, override, "Europe/Berlin", List.of(), List.of());
    }
}
