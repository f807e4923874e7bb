package dev.bulletproof.daemon.cluster;

import java.time.Instant;
import java.util.List;

/**
 * A node as the cluster sees it, from the {@code nodes} table.
 *
 * @param lastHeartbeat when it last wrote that it is alive, by the database's clock
 * @param alive whether that heartbeat is recent enough (within node_timeout_seconds of the database's clock)
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
        boolean alive) {

    public Node {
        encoders = List.copyOf(encoders);
    }
}
