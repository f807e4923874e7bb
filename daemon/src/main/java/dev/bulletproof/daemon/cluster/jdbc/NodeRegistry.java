package dev.bulletproof.daemon.cluster.jdbc;

import dev.bulletproof.daemon.cluster.Node;
import dev.bulletproof.daemon.cluster.NodeIdentity;
import dev.bulletproof.daemon.db.SqlDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
        return beat(nodeId, busyWorkers, maxWorkers, false).alive();
    }

    /**
     * The heartbeat with the node's pause, answering the pause or resume another node asked for since.
     *
     * @param paused whether the node's queue is paused now
     */
    public Beat beat(String nodeId, int busyWorkers, int maxWorkers, boolean paused) {
        Optional<Optional<Boolean>> request = database.queryOne(
                "UPDATE nodes SET last_heartbeat = " + now + ", busy_workers = ?, max_workers = ?, paused = ?"
                        + " WHERE id = ? AND last_heartbeat >= " + now + " - ? RETURNING pause_request",
                row -> {
                    boolean wanted = row.getBoolean(1);
                    return row.wasNull() ? Optional.<Boolean>empty() : Optional.of(wanted);
                },
                busyWorkers,
                maxWorkers,
                paused,
                nodeId,
                nodeTimeout.toMillis());
        return new Beat(request.isPresent(), request.flatMap(wanted -> wanted));
    }

    /**
     * What one heartbeat found.
     *
     * @param alive false when the node was found dead (nothing written)
     * @param pauseRequest a pause (true) or resume (false) another node asked for, not yet applied
     */
    public record Beat(boolean alive, Optional<Boolean> pauseRequest) {}

    /**
     * Asks a node to pause (or resume) at its next heartbeat; it is applied there because a node's pause is
     * its own queue's. A later request replaces an earlier one.
     *
     * @return false when there is no such node
     */
    public boolean requestPause(String nodeId, boolean pause) {
        return database.update("UPDATE nodes SET pause_request = ? WHERE id = ?", pause, nodeId) == 1;
    }

    /**
     * Records the pause the node applied and clears that request, unless a newer one has replaced it
     * meanwhile (that one is applied at the next heartbeat).
     */
    public void pauseRequestApplied(String nodeId, boolean pause) {
        database.update(
                "UPDATE nodes SET paused = ?, pause_request = CASE WHEN pause_request = ? THEN NULL"
                        + " ELSE pause_request END WHERE id = ?",
                pause,
                pause,
                nodeId);
    }

    /** Removes the node's row: it stopped cleanly, with its jobs back in the queue. */
    public void leave(String nodeId) {
        database.update("DELETE FROM nodes WHERE id = ?", nodeId);
    }

    /** Every node, alive or dead, by name. */
    public List<Node> nodes() {
        return database.query(
                "SELECT id, name, version, max_workers, busy_workers, encoders, started_at, last_heartbeat, paused,"
                        + " pause_request, " + now + " AS database_now FROM nodes ORDER BY name, id",
                row -> new Node(
                        row.getString("id"),
                        row.getString("name"),
                        row.getString("version"),
                        row.getInt("max_workers"),
                        row.getInt("busy_workers"),
                        encoders(row.getString("encoders")),
                        Instant.ofEpochMilli(row.getLong("started_at")),
                        Instant.ofEpochMilli(row.getLong("last_heartbeat")),
                        row.getLong("database_now") - row.getLong("last_heartbeat") <= nodeTimeout.toMillis(),
                        row.getBoolean("paused"),
                        pauseRequestOf(row)));
    }

    private static Optional<Boolean> pauseRequestOf(java.sql.ResultSet row) throws java.sql.SQLException {
        boolean wanted = row.getBoolean("pause_request");
        return row.wasNull() ? Optional.empty() : Optional.of(wanted);
    }

    private static List<String> encoders(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
