package dev.bulletproof.daemon.cluster.jdbc;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.model.JobStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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

    private final ListenSession listen;
    private final SqlDatabase database;
    private final EventBus bus;
    private final Runnable wakePool;
    /** Jobs queued here since the last NOTIFY; the sender coalesces bursts into one. */
    private final Semaphore queuedHere = new Semaphore(0);

    private AutoCloseable subscription;
    private BackgroundLoop listening;
    private BackgroundLoop sending;

    public QueueWaker(Supplier<Connection> connections, SqlDatabase database, EventBus bus, Runnable wakePool) {
        this.listen = new ListenSession(connections, CHANNEL);
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
            List<String> arrived = listen.await(POLL);
            wakePool.run(); // a notification, or the poll's interval passed
            if (!arrived.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, arrived.size() + " queue notification(s)");
            }
        } catch (SQLException | RuntimeException e) {
            wakePool.run();
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
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
        listen.close();
    }
}
