package dev.bulletproof.daemon.cluster.jdbc;

import dev.bulletproof.daemon.cluster.Node;
import dev.bulletproof.daemon.cluster.NodeIdentity;
import dev.bulletproof.daemon.db.SqlDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code nodes} table. Every time in it comes from the database's clock ({@code Dialect#nowMillis}), so
 * the nodes agree on who is alive whatever their own clocks say.
 */
public final class NodeRegistry {

    private final SqlDatabase database;
    private final Duration nodeTimeout;
    private final String now;

    public NodeRegistry(SqlDatabase database, Duration nodeTimeout) {
        this.database = database;
        this.nodeTimeout = nodeTimeout;
        this.now = database.dialect().nowMillis();
    }

    public Duration nodeTimeout() {
        return nodeTimeout;
    }

    /** Writes the node's row as started now, alive, with no busy worker. */
    public void register(NodeIdentity node) {
        String encoders = String.join(",", node.encoders());
        database.inTransaction(tx -> {
            int updated = tx.update(
                    "UPDATE nodes SET name = ?, version = ?, max_workers = ?, busy_workers = 0, encoders = ?,"
                            + " started_at = " + now + ", last_heartbeat = " + now + " WHERE id = ?",
                    node.name(),
                    node.version(),
                    node.maxWorkers(),
                    encoders,
                    node.id());
            if (updated == 0) {
                // One daemon per data folder (it is locked), so no other writer makes this row meanwhile.
                tx.update(
                        "INSERT INTO nodes (id, name, version, max_workers, busy_workers, encoders, started_at,"
                                + " last_heartbeat) VALUES (?, ?, ?, ?, 0, ?, " + now + ", " + now + ")",
                        node.id(),
                        node.name(),
                        node.version(),
                        node.maxWorkers(),
                        encoders);
            }
            return null;
        });
    }

    /**
     * The node's heartbeat. It is written only while the node is still alive in the database's eyes: once
     * its last heartbeat is older than the timeout, the rescuer may have given its jobs to others, so the
     * node must first stop what it runs and then {@link #register} again.
     *
     * @return false when the node was found dead (nothing written)
     */
    public boolean beat(String nodeId, int busyWorkers, int maxWorkers) {
        return database.update(
                        "UPDATE nodes SET last_heartbeat = " + now + ", busy_workers = ?, max_workers = ?"
                                + " WHERE id = ? AND last_heartbeat >= " + now + " - ?",
                        busyWorkers,
                        maxWorkers,
                        nodeId,
                        nodeTimeout.toMillis())
                == 1;
    }

    /** Removes the node's row: it stopped cleanly, with its jobs back in the queue. */
    public void leave(String nodeId) {
        database.update("DELETE FROM nodes WHERE id = ?", nodeId);
    }

    /** Every node, alive or dead, by name. */
    public List<Node> nodes() {
        return database.query(
                "SELECT id, name, version, max_workers, busy_workers, encoders, started_at, last_heartbeat, " + now
                        + " AS database_now FROM nodes ORDER BY name, id",
                row -> new Node(
                        row.getString("id"),
                        row.getString("name"),
                        row.getString("version"),
                        row.getInt("max_workers"),
                        row.getInt("busy_workers"),
                        encoders(row.getString("encoders")),
                        Instant.ofEpochMilli(row.getLong("started_at")),
                        Instant.ofEpochMilli(row.getLong("last_heartbeat")),
                        row.getLong("database_now") - row.getLong("last_heartbeat") <= nodeTimeout.toMillis()));
    }

    private static List<String> encoders(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
