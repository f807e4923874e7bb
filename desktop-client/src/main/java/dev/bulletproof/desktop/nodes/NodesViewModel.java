package dev.bulletproof.desktop.nodes;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.format.Formats;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.NodeStatus;
import dev.bulletproof.model.ws.ServerMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The nodes of the cluster: every daemon that shares the queue (on a single machine, the daemon alone), how
 * busy each is, when it was last heard from, and pausing one of them.
 */
public final class NodesViewModel {

    private static final long TICK_MILLIS = 1000;

    private final Supplier<BulletproofClient> client;
    private final BackgroundCalls calls;
    private final Clock clock;
    private final ObservableList<NodeModel> nodes = FXCollections.observableArrayList();
    private final ObjectProperty<NodeModel> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty deadBanner = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    /** @param clock the viewer's clock, for "3 s ago" */
    public NodesViewModel(Supplier<BulletproofClient> client, BackgroundCalls calls, Clock clock) {
        this.client = client;
        this.calls = calls;
        this.clock = clock;
        this.now.set(clock.instant());
        nodes.addListener((ListChangeListener<NodeModel>) change -> describe());
        // The heartbeat ages count on between updates.
        calls.every(TICK_MILLIS, this::tick);
    }

    /** Reloads the nodes over REST. */
    public void refresh() {
        calls.run(() -> client.get().nodes(), this::show, this::failed);
    }

    /** Applies one live update; only the node list concerns this screen. */
    public void apply(ServerMessage update) {
        if (update instanceof ServerMessage.NodesUpdate nodesUpdate) {
            show(nodesUpdate.nodes());
        }
    }

    /** Pauses the selected node when it takes jobs, resumes it when it is paused. */
    public void togglePauseSelected() {
        NodeModel node = selected.get();
        if (node == null || node.status() == NodeStatus.DEAD) {
            return;
        }
        boolean pause = !node.paused();
        calls.run(
                () -> pause ? client.get().pauseNode(node.id()) : client.get().resumeNode(node.id()),
                this::replace,
                this::failed);
    }

    /** Pauses (or resumes) every node of the cluster; on a single machine, its queue. */
    public void pauseAll(boolean pause) {
        calls.run(() -> pause ? client.get().pauseCluster() : client.get().resumeCluster(), this::show, this::failed);
    }

    void tick() {
        now.set(clock.instant());
    }

    private void show(List<NodeModel> latest) {
        String keep = selected.get() == null ? null : selected.get().id();
        nodes.setAll(latest);
        selected.set(latest.stream()
                .filter(node -> node.id().equals(keep))
                .findFirst()
                .orElse(latest.size() == 1 ? latest.getFirst() : null));
        message.set("");
    }

    private void replace(NodeModel changed) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(changed.id())) {
                nodes.set(i, changed);
            }
        }
        if (selected.get() != null && selected.get().id().equals(changed.id())) {
            selected.set(changed);
        }
    }

    private void describe() {
        long alive =
                nodes.stream().filter(node -> node.status() == NodeStatus.ALIVE).count();
        summary.set((nodes.size() == 1 ? "1 node" : nodes.size() + " nodes") + " · " + alive + " alive");
        List<String> dead = nodes.stream()
                .filter(node -> node.status() == NodeStatus.DEAD)
                .map(NodeModel::name)
                .toList();
        deadBanner.set(
                dead.isEmpty()
                        ? ""
                        : dead.size() == 1
                                ? "Node " + dead.getFirst() + " is not answering."
                                : dead.size() + " nodes are not answering: " + String.join(", ", dead) + ".");
    }

    private void failed(Exception e) {
        message.set(BackgroundCalls.describe(e));
    }

    /** "3 s ago" from the node's last heartbeat and the viewer's clock. */
    public static String heartbeatText(NodeModel node, Instant now) {
        if (node.lastHeartbeat() == null || now == null) {
            return Formats.UNKNOWN;
        }
        return Formats.ago(Duration.between(node.lastHeartbeat(), now).toMillis() / 1000.0);
    }

    /** "1 / 4 busy": a paused job holds no worker, so it is not counted. */
    public static String workersText(NodeModel node) {
        return node.busyWorkers() + " / " + node.maxWorkers() + " busy";
    }

    /** "#12, #14", or "none". */
    public static String currentJobsText(NodeModel node) {
        return node.currentJobs().isEmpty()
                ? "none"
                : String.join(
                        ", ", node.currentJobs().stream().map(id -> "#" + id).toList());
    }

    /** What the node is doing, in a few words. */
    public static String stateText(NodeModel node) {
        if (node.status() == NodeStatus.DEAD) {
            return "not answering";
        }
        return node.paused() ? "paused: starts no new job" : "taking jobs";
    }

    /** The label of the pause switch for the selected node. */
    public static String pauseLabel(NodeModel node) {
        return node != null && node.paused() ? "Resume node" : "Pause node";
    }

    public ObservableList<NodeModel> nodes() {
        return nodes;
    }

    public ObjectProperty<NodeModel> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty deadBannerProperty() {
        return deadBanner;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
