package dev.bulletproof.desktop.dashboard;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.JobQuery;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.format.Formats;
import dev.bulletproof.format.ScheduleText;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.QueueModel;
import dev.bulletproof.model.ScheduleModel;
import dev.bulletproof.model.ScheduleOverrideRequest;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** The dashboard: the statistics cards, the jobs running now, and the queue's pause switch. */
public final class DashboardViewModel {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final StatsModel EMPTY = new StatsModel(0, 0, 0, 0, 0);

    private final Supplier<BulletproofClient> client;
    private final BackgroundCalls calls;
    private final ObjectProperty<StatsModel> stats = new SimpleObjectProperty<>(EMPTY);
    private final ObservableList<JobModel> activeJobs = FXCollections.observableArrayList();
    private final BooleanProperty queuePaused = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty queueState = new SimpleStringProperty("Queue running");
    /** "Schedule: paused by schedule until Mon 18:00"; empty without a schedule or an override. */
    private final StringProperty scheduleLine = new SimpleStringProperty("");
    /**
     * One line per watch folder with a schedule of its own ("/drop/night: paused by schedule until Thu
     * 10:00"), joined by line breaks; empty when no folder has one.
     */
    private final StringProperty folderSchedules = new SimpleStringProperty("");

    private final BooleanProperty scheduleOverridden = new SimpleBooleanProperty(false);
    private final BooleanProperty draining = new SimpleBooleanProperty(false);
    private final Clock clock;
    private int maxWorkers;
    /** The whole queue's estimate from the last GET /api/queue; null when nothing is queued. */
    private Instant queueDone;

    public DashboardViewModel(Supplier<BulletproofClient> client, BackgroundCalls calls) {
        this(client, calls, Clock.systemDefaultZone());
    }

    /** @param clock the time the schedule's "until" is read against, and its zone */
    public DashboardViewModel(Supplier<BulletproofClient> client, BackgroundCalls calls, Clock clock) {
        this.client = client;
        this.calls = calls;
        this.clock = clock;
        activeJobs.addListener((ListChangeListener<JobModel>) change -> showQueueState());
        queuePaused.addListener((property, was, paused) -> showQueueState());
    }

    /** Busy workers are the processing jobs: a paused job holds no worker, as the daemon counts them. */
    private void showQueueState() {
        long busy = activeJobs.stream()
                .filter(job -> job.status() == JobStatus.PROCESSING)
                .count();
        queueState.set(
                draining.get()
                        ? "Draining: " + busy + " running job(s) finish, then the queue pauses"
                        : queuePaused.get()
                                ? "Queue paused: no new job starts"
                                : maxWorkers == 0
                                        ? "Queue running"
                                        : "Queue running · " + busy + "/" + maxWorkers + " workers busy"
                                                + (queueDone == null
                                                        ? ""
                                                        : " · queue done ≈ " + CLOCK.format(queueDone)));
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

    /** Finish the running jobs, then pause the queue. */
    public void drain() {
        calls.run(() -> client.get().drainQueue(), this::queueIs, this::failed);
    }

    /** "Run now" for {@code length}, whatever the schedule's windows say. */
    public void runFor(Duration length) {
        calls.run(
                () -> client.get().overrideSchedule(ScheduleOverrideRequest.lasting("run", length.toSeconds())),
                this::scheduleIs,
                this::failed);
    }

    /** Hold the queue (as outside the windows) until {@link #tomorrowAtSeven}. */
    public void holdUntilTomorrowMorning() {
        Instant until = tomorrowAtSeven(clock.instant(), clock.getZone());
        calls.run(
                () -> client.get().overrideSchedule(ScheduleOverrideRequest.until("hold", until)),
                this::scheduleIs,
                this::failed);
    }

    public void clearOverride() {
        calls.run(() -> client.get().clearScheduleOverride(), this::scheduleIs, this::failed);
    }

    /** 07:00 on the day after {@code now}, in {@code zone}: the usual "hold until" of a show's night. */
    public static Instant tomorrowAtSeven(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone)
                .plusDays(1)
                .atTime(7, 0)
                .atZone(zone)
                .toInstant();
    }

    void scheduleIs(ScheduleModel schedule) {
        String line = ScheduleText.line(schedule, clock.instant(), clock.getZone());
        boolean overridden = schedule != null && schedule.override() != null;
        boolean folders = schedule != null && !schedule.folders().isEmpty();
        scheduleLine.set(
                line != null
                        ? "Schedule: " + line
                        : folders ? "No global schedule: jobs of other folders run whenever they are queued" : "");
        scheduleOverridden.set(overridden);
        folderSchedules.set(
                !folders
                        ? ""
                        : schedule.folders().stream()
                                .map(folder -> folder.folder() + ": "
                                        + ScheduleText.folderLine(folder, overridden, clock.instant(), clock.getZone())
                                        + suspended(folder.suspendedJobs().size()))
                                .collect(java.util.stream.Collectors.joining("\n")));
    }

    private static String suspended(int jobs) {
        return jobs == 0 ? "" : jobs == 1 ? " (1 job suspended)" : " (" + jobs + " jobs suspended)";
    }

    /** Applies one live update. */
    public void apply(ServerMessage message) {
        switch (message) {
            case ServerMessage.StatsUpdate update -> stats.set(update.stats());
            case ServerMessage.QueueUpdate update -> {
                maxWorkers = update.maxWorkers();
                draining.set("draining".equals(update.state()));
                queuePaused.set(update.paused());
                if (update.schedule() != null) {
                    scheduleIs(update.schedule());
                }
                showQueueState();
            }
            case ServerMessage.JobUpdate update -> jobChanged(update.job());
            case ServerMessage.ConfigUpdate ignored -> {}
            case ServerMessage.Alert ignored -> {}
            case ServerMessage.NodesUpdate ignored -> {}
            case ServerMessage.Pong ignored -> {}
        }
    }

    void jobChanged(JobModel job) {
        int index = indexOf(job.id());
        boolean active = job.status() != null && job.status().isActive();
        if (active != (index >= 0) && client.get() != null) {
            // A job started or ended: the queue's estimate moved; the WebSocket does not carry it.
            calls.run(() -> client.get().queue(), this::queueIs, this::failed);
        }
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

    void queueIs(QueueModel queue) {
        maxWorkers = queue.maxWorkers();
        queueDone = queue.estimatedFinish();
        draining.set("draining".equals(queue.state()));
        queuePaused.set(queue.paused());
        if (queue.schedule() != null) {
            scheduleIs(queue.schedule());
        }
        showQueueState();
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

    public StringProperty queueStateProperty() {
        return queueState;
    }

    public BooleanProperty queuePausedProperty() {
        return queuePaused;
    }

    public StringProperty scheduleLineProperty() {
        return scheduleLine;
    }

    public StringProperty folderSchedulesProperty() {
        return folderSchedules;
    }

    public BooleanProperty scheduleOverriddenProperty() {
        return scheduleOverridden;
    }

    public BooleanProperty drainingProperty() {
        return draining;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
