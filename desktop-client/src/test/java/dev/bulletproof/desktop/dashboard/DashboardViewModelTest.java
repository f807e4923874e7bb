package dev.bulletproof.desktop.dashboard;

import static dev.bulletproof.desktop.testing.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.QueueModel;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {

    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);
    private final DashboardViewModel model = new DashboardViewModel(() -> null, calls);

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void activeJobsAppearWhileTheyRunAndLeaveWhenTheyFinish() {
        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.QUEUED, "p")));
        assertThat(model.activeJobs()).isEmpty();

        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.PROCESSING, "p")));
        model.apply(new ServerMessage.JobUpdate(job("2", "b.mov", JobStatus.PAUSED, "p")));
        assertThat(model.activeJobs()).extracting(JobModel::id).containsExactly("1", "2");

        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.COMPLETED, "p")));
        assertThat(model.activeJobs()).extracting(JobModel::id).containsExactly("2");
    }

    @Test
    void statsAndQueueUpdatesFeedTheCardsAndTheSwitch() {
        model.apply(new ServerMessage.StatsUpdate(new StatsModel(10, 7, 1, 75.4, 2, 0, 0, 8)));
        model.apply(new ServerMessage.QueueUpdate(true, 2));

        assertThat(model.statsProperty().get().totalJobs()).isEqualTo(10);
        assertThat(DashboardViewModel.averageText(model.statsProperty().get())).isEqualTo("1 min 15 s");
        assertThat(model.queuePausedProperty().get()).isTrue();
    }

    @Test
    void theQueueLineCountsProcessingJobsAsBusyWorkersAndPausedOnesNot() {
        model.apply(new ServerMessage.QueueUpdate(false, 2));
        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.PROCESSING, "p")));
        model.apply(new ServerMessage.JobUpdate(job("2", "b.mov", JobStatus.PAUSED, "p")));

        assertThat(model.queueStateProperty().get()).isEqualTo("Queue running · 1/2 workers busy");

        Instant done = Instant.parse("2026-03-01T10:15:00Z");
        model.queueIs(new QueueModel(false, 2, 1, done, List.of()));
        assertThat(model.queueStateProperty().get())
                .isEqualTo("Queue running · 1/2 workers busy · queue done ≈ "
                        + DateTimeFormatter.ofPattern("HH:mm")
                                .withZone(ZoneId.systemDefault())
                                .format(done));

        model.apply(new ServerMessage.QueueUpdate(true, 2));
        assertThat(model.queueStateProperty().get()).isEqualTo("Queue paused: no new job starts");
    }

    @Test
    void aQueueUpdateWithTheScheduleShowsItsStateAndNextChangeAndADrain() {
        var clock = java.time.Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneId.of("Europe/Berlin"));
        var scheduled = new DashboardViewModel(() -> null, calls, clock);
        var schedule = new dev.bulletproof.model.ScheduleModel(
                true,
                "paused",
                "pause",
                null,
                Instant.parse("2026-12-07T17:00:00Z"),
                "open",
                null,
                null,
                "Europe/Berlin",
                List.of(),
                List.of("4"));

        scheduled.apply(new ServerMessage.QueueUpdate(true, 2, "draining", schedule));

        assertThat(scheduled.scheduleLineProperty().get()).isEqualTo("Schedule: paused by schedule until Mon 18:00");
        assertThat(scheduled.scheduleOverriddenProperty().get()).isFalse();
        assertThat(scheduled.queueStateProperty().get())
                .isEqualTo("Draining: 0 running job(s) finish, then the queue pauses");

        var held = new dev.bulletproof.model.ScheduleModel(
                true,
                "paused",
                "pause",
                null,
                Instant.parse("2026-12-03T06:00:00Z"),
                "paused",
                null,
                new dev.bulletproof.model.ScheduleOverrideModel(
                        "hold", Instant.parse("2026-12-03T06:00:00Z"), clock.instant()),
                "Europe/Berlin",
                List.of(),
                List.of());
        scheduled.apply(new ServerMessage.QueueUpdate(true, 2, "paused", held));

        assertThat(scheduled.scheduleLineProperty().get()).isEqualTo("Schedule: held by override until Thu 07:00");
        assertThat(scheduled.scheduleOverriddenProperty().get()).isTrue();
        assertThat(scheduled.queueStateProperty().get()).isEqualTo("Queue paused: no new job starts");
    }

    @Test
    void withoutAScheduleTheLineIsEmpty() {
        model.queueIs(new QueueModel(false, 2, 0, null, List.of(), "running", null));

        assertThat(model.scheduleLineProperty().get()).isEmpty();
    }

    @Test
    void holdingUntilTomorrowMorningMeansSevenOnTheNextDayInTheMachinesZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        assertThat(DashboardViewModel.tomorrowAtSeven(Instant.parse("2026-12-31T22:30:00Z"), berlin))
                .as("23:30 on New Year's Eve in Berlin")
                .isEqualTo(Instant.parse("2027-01-01T06:00:00Z"));
    }
}
