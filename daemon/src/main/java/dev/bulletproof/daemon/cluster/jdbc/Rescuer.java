package dev.bulletproof.daemon.cluster.jdbc;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.cluster.Heartbeat;
import dev.bulletproof.daemon.cluster.Node;
import dev.bulletproof.daemon.cluster.NodeDown;
import dev.bulletproof.daemon.jobs.CrashRecovery;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.model.JobStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
    /**
     * A death is announced only this long after the node's last heartbeat: delivered webhooks are pruned
     * after 30 days, and an older death must not be announced again once its record is gone.
     */
    static final Duration ANNOUNCE_DEATHS_WITHIN = Duration.ofDays(7);
    /** More running jobs than any cluster holds; the names of rescued jobs beyond it are not recorded. */
    private static final int MOST_HELD_JOBS = 10_000;

    private final Supplier<Connection> connections;
    private final JobRepository jobs;
    private final Heartbeat heartbeat;
    private final Duration nodeTimeout;
    private final Duration interval;
    private final int maxAttempts;
    private final NodeRegistry registry;
    private final Consumer<NodeDown> onNodeDown;

    private Connection session;
    private BackgroundLoop loop;

    /**
     * @param connections opens a connection of its own (not a pooled one) for the leader's lock
     * @param interval how often the leader looks for dead nodes' jobs and a follower tries to lead
     * @param registry the nodes table, read for the dead nodes to announce; null announces none
     * @param onNodeDown told of every dead node each round the leader acts (the same death again each
     *     round: it must record it once, see {@link NodeDown}); deaths older than a week are not told
     */
    public Rescuer(
            Supplier<Connection> connections,
            JobRepository jobs,
            Heartbeat heartbeat,
            Duration nodeTimeout,
            Duration interval,
            int maxAttempts,
            NodeRegistry registry,
            Consumer<NodeDown> onNodeDown) {
        this.registry = registry;
        this.onNodeDown = onNodeDown;
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
        List<Node> dead = recentlyDeadNodes();
        // Read before the rescue: a rescued job no longer names the node it was taken from.
        Map<Long, String> heldBy = dead.isEmpty() ? Map.of() : jobsHeldBy(dead);
        List<Job> rescued = jobs.rescueJobsOfDeadNodes(nodeTimeout, maxAttempts);
        for (Job job : rescued) {
            // The dead node's half-written output: removing the name cannot hurt a node that is only frozen,
            // whose encoder keeps writing the file it opened, and which never deletes a file that is not its
            // own (FfmpegRun keeps the identity of its temporary file).
            CrashRecovery.removePartialOutputs(job);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "job " + job.id() + " of node " + heldBy.getOrDefault(job.id(), "(not recorded)") + " was rescued: "
                            + job.statusReason());
        }
        announce(dead, rescued, heldBy);
        return rescued;
    }

    /** The dead nodes of the nodes table whose death is recent enough to announce; none without a table. */
    private List<Node> recentlyDeadNodes() {
        if (registry == null) {
            return List.of();
        }
        try {
            Instant oldestAnnounced = Instant.now().minus(ANNOUNCE_DEATHS_WITHIN);
            return registry.nodes().stream()
                    .filter(node -> !node.alive() && !node.lastHeartbeat().isBefore(oldestAnnounced))
                    .toList();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the nodes table this round: " + e.getMessage());
            return List.of();
        }
    }

    private Map<Long, String> jobsHeldBy(List<Node> dead) {
        Set<String> ids = dead.stream().map(Node::id).collect(Collectors.toSet());
        Map<Long, String> heldBy = new HashMap<>();
        for (Job job : jobs.list(
                new JobFilter(Set.of(JobStatus.PROCESSING, JobStatus.PAUSED), null, null, null, MOST_HELD_JOBS, 0))) {
            if (job.nodeId() != null && ids.contains(job.nodeId())) {
                heldBy.put(job.id(), job.nodeId());
            }
        }
        return heldBy;
    }

    /**
     * Tells of every recent death each round, after the rescue, so the round that gives a dead node's jobs
     * back names them. Read from the nodes table each round rather than remembered: a leader killed between
     * the rescue and this leaves the death for the next leader to announce (without the job ids, which no
     * longer name that node). The receiver records each death once.
     */
    private void announce(List<Node> dead, List<Job> rescued, Map<Long, String> heldBy) {
        for (Node node : dead) {
            List<Long> requeued = rescued.stream()
                    .map(Job::id)
                    .filter(id -> node.id().equals(heldBy.get(id)))
                    .toList();
            try {
                onNodeDown.accept(new NodeDown(node.id(), node.name(), node.lastHeartbeat(), requeued));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot announce node " + node.name() + ": " + e.getMessage());
            }
        }
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
