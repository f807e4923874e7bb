package dev.bulletproof.daemon.cluster.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A PostgreSQL LISTEN on one channel, over a connection of its own that is opened on first use and
 * opened again after any failure. Used by one thread (a background loop's); {@link #close} may come from
 * another, as the loop is stopped.
 */
final class ListenSession implements AutoCloseable {

    private final Supplier<Connection> connections;
    private final String channel;
    private volatile Connection session;

    ListenSession(Supplier<Connection> connections, String channel) {
        this.connections = connections;
        this.channel = channel;
    }

    /**
     * Waits up to {@code wait} for notifications and returns their payloads (empty when none came).
     *
     * @throws SQLException when the connection failed; it is closed, and the next call opens a new one
     */
    List<String> await(Duration wait) throws SQLException {
        try {
            Connection current = session;
            if (current == null) {
                current = connections.get();
                session = current;
                try (Statement listen = current.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
            }
            PGNotification[] arrived = current.unwrap(PGConnection.class).getNotifications((int) wait.toMillis());
            return arrived == null
                    ? List.of()
                    : java.util.Arrays.stream(arrived)
                            .map(PGNotification::getParameter)
                            .toList();
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        Connection current = session;
        session = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // gone already
            }
        }
    }
}
