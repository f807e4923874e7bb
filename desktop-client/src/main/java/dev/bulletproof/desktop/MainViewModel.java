package dev.bulletproof.desktop;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.config.ConfigViewModel;
import dev.bulletproof.desktop.connection.ConnectionViewModel;
import dev.bulletproof.desktop.dashboard.DashboardViewModel;
import dev.bulletproof.desktop.history.HistoryViewModel;
import dev.bulletproof.desktop.jobs.JobsViewModel;
import dev.bulletproof.desktop.nodes.NodesViewModel;
import dev.bulletproof.desktop.notify.Notices;
import dev.bulletproof.desktop.webhooks.WebhooksViewModel;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's view model: the connection, one view model per screen, and what spans them (live updates
 * fanned out to every screen, desktop notifications, files dropped on the window).
 */
public final class MainViewModel implements AutoCloseable {

    private final ConnectionViewModel connection;
    private final DashboardViewModel dashboard;
    private final JobsViewModel jobs;
    private final ConfigViewModel config;
    private final HistoryViewModel history;
    private final WebhooksViewModel webhooks;
    private final NodesViewModel nodes;
    private final BackgroundCalls calls;
    private final Notices notices;
    private final StringProperty message = new SimpleStringProperty("");
    private long unfinished = -1;

    public MainViewModel(ConnectionViewModel connection, BackgroundCalls calls, Notices notices, Clock clock) {
        this.connection = connection;
        this.calls = calls;
        this.notices = notices;
        Supplier<BulletproofClient> client = connection::client;
        this.dashboard = new DashboardViewModel(client, calls);
        this.jobs = new JobsViewModel(client, calls);
        this.config = new ConfigViewModel(client, calls);
        this.history = new HistoryViewModel(client, calls, clock, ZoneId.systemDefault());
        this.webhooks = new WebhooksViewModel(client, calls, ZoneId.systemDefault());
        this.nodes = new NodesViewModel(client, calls, clock);
        connection.onResync(this::refreshAll);
        connection.onMessage(this::apply);
    }

    /** Reloads every screen over REST, as after a reconnect. */
    public void refreshAll() {
        dashboard.refresh();
        jobs.refresh();
        config.refresh();
        history.refresh();
        webhooks.refresh();
        nodes.refresh();
    }

    void apply(ServerMessage update) {
        dashboard.apply(update);
        jobs.apply(update);
        history.apply(update);
        nodes.apply(update);
        switch (update) {
            // Failed jobs are announced from their own update below; this is for the daemon's other troubles.
            case ServerMessage.Alert alert
            when "error".equalsIgnoreCase(alert.level()) && alert.jobId() == null ->
                notices.error("Bulletproof", alert.message());
            case ServerMessage.Alert alert -> message.set(alert.message());
            case ServerMessage.StatsUpdate stats -> noticeDrain(stats.stats());
            case ServerMessage.JobUpdate job
            when job.job().status() == JobStatus.FAILED ->
                notices.error(
                        "Job failed",
                        job.job().filename() + ": " + String.valueOf(job.job().error()));
            case ServerMessage.ConfigUpdate ignored -> {}
            default -> {}
        }
    }

    /** "Queue finished" once the last queued or running job is done. */
    private void noticeDrain(StatsModel stats) {
        long now = stats.inProgress() + stats.queued();
        if (unfinished > 0 && now == 0) {
            notices.info("Bulletproof", "All queued jobs are done.");
        }
        unfinished = now;
    }

    /** Queues files dropped on the window. They must be paths the daemon can read, so local daemons only. */
    public void enqueue(List<Path> files, String profile) {
        if (connection.client() == null) {
            message.set("Connect to a daemon first.");
            return;
        }
        calls.run(
                () -> {
                    List<JobModel> queued = new ArrayList<>();
                    for (Path file : files) {
                        queued.add(connection
                                .client()
                                .enqueue(file.toAbsolutePath().toString(), profile));
                    }
                    return queued;
                },
                queued -> message.set("Queued " + queued.size() + " file(s) with " + profile + "."),
                e -> message.set("Could not queue: " + BackgroundCalls.describe(e)));
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public ConfigViewModel config() {
        return config;
    }

    public HistoryViewModel history() {
        return history;
    }

    public WebhooksViewModel webhooks() {
        return webhooks;
    }

    public NodesViewModel nodes() {
        return nodes;
    }

    public StringProperty messageProperty() {
        return message;
    }

    @Override
    public void close() {
        connection.close();
    }
}
