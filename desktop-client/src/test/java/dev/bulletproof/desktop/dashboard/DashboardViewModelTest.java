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
}
