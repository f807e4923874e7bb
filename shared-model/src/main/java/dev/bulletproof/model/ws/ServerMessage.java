package dev.bulletproof.model.ws;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.ScheduleModel;
import dev.bulletproof.model.StatsModel;
import java.util.List;

/**
 * Everything the daemon sends on {@code /ws/updates}. The {@code type} property carries the stable
 * lowercase name; clients switch over the permitted subtypes exhaustively.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.JobUpdate.class, name = "job_update"),
    @JsonSubTypes.Type(value = ServerMessage.StatsUpdate.class, name = "stats_update"),
    @JsonSubTypes.Type(value = ServerMessage.QueueUpdate.class, name = "queue_update"),
    @JsonSubTypes.Type(value = ServerMessage.ConfigUpdate.class, name = "config_update"),
    @JsonSubTypes.Type(value = ServerMessage.NodesUpdate.class, name = "nodes_update"),
    @JsonSubTypes.Type(value = ServerMessage.Alert.class, name = "alert"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
})
public sealed interface ServerMessage {

    record JobUpdate(JobModel job) implements ServerMessage {}

    record StatsUpdate(StatsModel stats) implements ServerMessage {}

    /**
     * @param state "running", "draining" or "paused" (as in {@code QueueModel})
     * @param schedule what the schedule says now; null from a daemon without schedules
     */
    record QueueUpdate(boolean paused, int maxWorkers, String state, ScheduleModel schedule) implements ServerMessage {
        public QueueUpdate {
            state = state == null ? (paused ? "paused" : "running") : state;
        }

        public QueueUpdate(boolean paused, int maxWorkers) {
            this(paused, maxWorkers, null, null);
        }
    }

    record ConfigUpdate(ConfigModel config) implements ServerMessage {}

    /** Every node of the cluster, sent whenever one of them changes (and on connect). */
    record NodesUpdate(List<NodeModel> nodes) implements ServerMessage {
        public NodesUpdate {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
        }
    }

    /** Something an operator should see now, such as a failed job. */
    record Alert(String level, String message, String jobId) implements ServerMessage {}

    record Pong() implements ServerMessage {}
}
