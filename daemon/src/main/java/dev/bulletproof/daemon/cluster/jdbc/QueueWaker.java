package dev.bulletproof.daemon.cluster.jdbc;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.model.JobStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes the worker pools of every node when a job is queued on any of them (PostgreSQL LISTEN/NOTIFY). A
 * job queued here (a new file, a retry, a rescue) sends a NOTIFY on the {@value #CHANNEL} channel; each node
 * LISTENs on a connection of its own and wakes its pool when one arrives. Notifications are not durable, so
 * the pool is also woken every {@link #POLL} whatever arrives: a NOTIFY lost with a connection costs at most
 * that long.
 */
public final class QueueWaker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(QueueWaker.class.getName());
    static final String CHANNEL = "bulletproof_queue";
    static final Duration POLL = Duration.ofMillis(1500);

    private final Supplier<Connection> connections;
    private final SqlDatabase database;
    private final EventBus bus;
    private final Runnable wakePool;
    /** Jobs queued here since the last NOTIFY; the sender coalesces bursts into one. */
    private final Semaphore queuedHere = new Semaphore(0);

    private AutoCloseable subscription;
    private BackgroundLoop listening;
    private BackgroundLoop sending;
    private Connection session;

    public QueueWaker(Supplier<Connection> connections, SqlDatabase database, EventBus bus, Runnable wakePool) {
        this.connections = connections;
        this.database = database;
        this.bus = bus;
        this.wakePool = wakePool;
    }

    public void start() {
        // Job events are delivered under the store's commit lock: only count here, send from the loop.
        subscription = bus.subscribe(JobEvent.Changed.class, changed -> {
            if (changed.job().status() == JobStatus.QUEUED) {
                queuedHere.release();
            }
        });
        sending = BackgroundLoop.start("bulletproof-queue-notify", () -> {
            queuedHere.acquire();
            queuedHere.drainPermits();
            database.queryOne("SELECT pg_notify(?, '')", row -> true, CHANNEL);
        });
        listening = BackgroundLoop.start("bulletproof-queue-listen", this::listenOnce);
    }

    private void listenOnce() throws InterruptedException {
        try {
            if (session == null) {
                session = connections.get();
                try (Statement listen = session.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
            }
            PGNotification[] arrived = session.unwrap(PGConnection.class).getNotifications((int) POLL.toMillis());
            wakePool.run(); // a notification, or the poll's interval passed
            if (arrived != null && arrived.length > 0) {
                LOG.log(System.Logger.Level.DEBUG, arrived.length + " queue notification(s)");
            }
        } catch (SQLException | RuntimeException e) {
            closeSession();
            wakePool.run();
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // gone already
            }
            session = null;
        }
    }

    @Override
    public void close() {
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception ignored) {
            // the bus is closing too
        }
        if (sending != null) {
            sending.close();
        }
        if (listening != null) {
            listening.close();
        }
        closeSession();
    }
}
