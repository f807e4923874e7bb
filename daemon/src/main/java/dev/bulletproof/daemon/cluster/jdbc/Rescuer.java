package dev.bulletproof.daemon.cluster.jdbc;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.cluster.Heartbeat;
import dev.bulletproof.daemon.jobs.CrashRecovery;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gives the jobs of dead nodes back to the queue (decision 0019). Every node runs one, but only the leader
 * acts: the node holding a session-level PostgreSQL advisory lock, taken with {@code pg_try_advisory_lock} on
 * a connection of its own. PostgreSQL releases the lock when that session ends, so a leader that dies, or
 * loses its connection, stops being the leader by itself and another node takes the lock at its next try.
 *
 * <p>The leader acts only while its own heartbeat is fresh: a node cut off from the others could otherwise
 * still hold the lock's session and take every other node for dead.
 */
public final class Rescuer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Rescuer.class.getName());
    /** The advisory lock's key: any 64-bit number no other use of the database takes; "bprescue" in ASCII. */
    static final long LEADER_LOCK = 0x6270726573637565L;

    private final Supplier<Connection> connections;
    private final JobRepository jobs;
    private final Heartbeat heartbeat;
    private final Duration nodeTimeout;
    private final Duration interval;
    private final int maxAttempts;

    private Connection session;
    private BackgroundLoop loop;

    /**
     * @param connections opens a connection of its own (not a pooled one) for the leader's lock
     * @param interval how often the leader looks for dead nodes' jobs and a follower tries to lead
     */
    public Rescuer(
            Supplier<Connection> connections,
            JobRepository jobs,
            Heartbeat heartbeat,
            Duration nodeTimeout,
            Duration interval,
            int maxAttempts) {
        this.connections = connections;
        this.jobs = jobs;
        this.heartbeat = heartbeat;
        this.nodeTimeout = nodeTimeout;
        this.interval = interval;
        this.maxAttempts = maxAttempts;
    }

    public void start() {
        loop = BackgroundLoop.start("bulletproof-rescuer", () -> {
            roundOnce();
            Thread.sleep(interval);
        });
    }

    /** Whether this node leads the rescue now (as far as it knows: the session may just have died). */
    public synchronized boolean isLeader() {
        return session != null;
    }

    /** One round: keep or try to take the lead, then, as leader, rescue. */
    synchronized List<Job> roundOnce() {
        if (!heartbeat.isAlive()) {
            resign("this node's own heartbeat is late");
            return List.of();
        }
        if (!stillLeading() && !tryToLead()) {
            return List.of();
        }
        List<Job> rescued = jobs.rescueJobsOfDeadNodes(nodeTimeout, maxAttempts);
        for (Job job : rescued) {
            // The dead node's half-written output: removing the name cannot hurt a node that is only frozen,
            // whose encoder keeps writing the file it opened, and which never deletes a file that is not its
            // own (FfmpegRun keeps the identity of its temporary file).
            CrashRecovery.removePartialOutputs(job);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "job " + job.id() + " of node " + job.nodeId() + " was rescued: " + job.statusReason());
        }
        return rescued;
    }

    private boolean stillLeading() {
        if (session == null) {
            return false;
        }
        try (Statement check = session.createStatement()) {
            check.setQueryTimeout((int) Math.max(1, interval.toSeconds()));
            check.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            resign("its database session ended (" + e.getMessage() + ")");
            return false;
        }
    }

    private boolean tryToLead() {
        Connection candidate;
        try {
            candidate = connections.get();
        } catch (RuntimeException e) {
            return false; // the heartbeat reports the database being away; nothing to add here
        }
        try (Statement lock = candidate.createStatement()) {
            // A leader whose machine vanishes sends no FIN: without this its backend, and the lock, would wait
            // for TCP keep-alive (hours). The leader speaks on this session every round, so only a silent one
            // is ended (PostgreSQL 14 and newer).
            lock.execute("SET idle_session_timeout = " + idleSessionTimeout().toMillis());
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot bound the rescuer session's idle time: " + e.getMessage());
        }
        try (Statement lock = candidate.createStatement();
                ResultSet got = lock.executeQuery("SELECT pg_try_advisory_lock(" + LEADER_LOCK + ")")) {
            if (got.next() && got.getBoolean(1)) {
                session = candidate;
                LOG.log(System.Logger.Level.INFO, "this node now rescues the jobs of dead nodes");
                return true;
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not try the rescuer's lock: " + e.getMessage());
        }
        closeQuietly(candidate);
        return false;
    }

    /** Several rounds, so one slow round never ends a live leader's session. */
    private Duration idleSessionTimeout() {
        Duration fourRounds = interval.multipliedBy(4);
        return fourRounds.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : fourRounds;
    }

    private void resign(String why) {
        if (session != null) {
            LOG.log(System.Logger.Level.WARNING, "this node stops rescuing: " + why);
            closeQuietly(session); // ends the session, and with it the lock
            session = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a connection that cannot even close is gone
        }
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
        synchronized (this) {
            if (session != null) {
                closeQuietly(session);
                session = null;
            }
        }
    }
}
