package dev.bulletproof.desktop.dashboard;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.JobQuery;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.format.Formats;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.QueueModel;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The dashboard: the statistics cards, the jobs running now, and the queue's pause switch. */
public final class DashboardViewModel {

    private static final StatsModel EMPTY = new StatsModel(0, 0, 0, 0, 0);

    private final Supplier<BulletproofClient> client;
    private final BackgroundCalls calls;
    private final ObjectProperty<StatsModel> stats = new SimpleObjectProperty<>(EMPTY);
    private final ObservableList<JobModel> activeJobs = FXCollections.observableArrayList();
    private final BooleanProperty queuePaused = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");

    public DashboardViewModel(Supplier<BulletproofClient> client, BackgroundCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    /** Reloads everything over REST. */
    public void refresh() {
        calls.run(() -> client.get().stats(), stats::set, this::failed);
        calls.run(() -> client.get().queue(), this::queueIs, this::failed);
        calls.run(
                () -> client.get()
                        .listJobs(JobQuery.all()
                                .withStatuses(Set.of(JobStatus.PROCESSING, JobStatus.PAUSED))
                                .withLimit(100))
                        .items(),
                jobs -> {
                    activeJobs.setAll(jobs);
                    activeJobs.sort(Comparator.comparing(JobModel::id));
                },
                this::failed);
    }

    public void togglePause() {
        boolean pause = !queuePaused.get();
        calls.run(() -> pause ? client.get().pauseQueue() : client.get().resumeQueue(), this::queueIs, this::failed);
    }

    /** Applies one live update. */
    public void apply(ServerMessage message) {
        switch (message) {
            case ServerMessage.StatsUpdate update -> stats.set(update.stats());
            case ServerMessage.QueueUpdate update -> queuePaused.set(update.paused());
            case ServerMessage.JobUpdate update -> jobChanged(update.job());
            case ServerMessage.ConfigUpdate ignored -> {}
            case ServerMessage.Alert ignored -> {}
            case ServerMessage.Pong ignored -> {}
        }
    }

    void jobChanged(JobModel job) {
        int index = indexOf(job.id());
        boolean active = job.status() != null && job.status().isActive();
        if (active && index >= 0) {
            activeJobs.set(index, job);
        } else if (active) {
            activeJobs.add(job);
        } else if (index >= 0) {
            activeJobs.remove(index);
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < activeJobs.size(); i++) {
            if (activeJobs.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void queueIs(QueueModel queue) {
        queuePaused.set(queue.paused());
    }

    private void failed(Exception e) {
        message.set(BackgroundCalls.describe(e));
    }

    /** "1 min 15 s" for the card; a dash before the first completed job. */
    public static String averageText(StatsModel stats) {
        return stats.successful() == 0 ? Formats.UNKNOWN : Formats.duration(stats.avgDuration());
    }

    public ObjectProperty<StatsModel> statsProperty() {
        return stats;
    }

    public ObservableList<JobModel> activeJobs() {
        return activeJobs;
    }

    public BooleanProperty queuePausedProperty() {
        return queuePaused;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
