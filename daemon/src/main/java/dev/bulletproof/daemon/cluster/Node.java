package dev.bulletproof.daemon.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A node as the cluster sees it, from the {@code nodes} table.
 *
 * @param lastHeartbeat when it last wrote that it is alive, by the database's clock
 * @param alive whether that heartbeat is recent enough (within node_timeout_seconds of the database's clock)
 * @param paused whether its queue was paused at that heartbeat
 * @param pauseRequest a pause (true) or resume (false) asked for by another node, not applied yet
 */
public record Node(
        String id,
        String name,
        String version,
        int maxWorkers,
        int busyWorkers,
        List<String> encoders,
        Instant startedAt,
        Instant lastHeartbeat,
        boolean alive,
        boolean paused,
        Optional<Boolean> pauseRequest) {

    public Node {
        encoders = List.copyOf(encoders);
    }

    /** The pause as the operator will see it: the one asked for, else the node's own. */
    public boolean pausedAsWanted() {
        return pauseRequest.orElse(paused);
    }
}
