package dev.bulletproof.daemon.cluster;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.cluster.jdbc.NodeRegistry;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.Lease;
import dev.bulletproof.daemon.jobs.WorkerPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The node's heartbeat and its own safety when it cannot beat (decision 0019). Every interval it writes its
 * row, then compares the leases of its runs with the database's: a run whose job is no longer held by this
 * node (rescued while the node was frozen or cut off, cancelled from another node) is stopped at once.
 *
 * <p>On a database shared by nodes, a node that cannot write its heartbeat stops claiming at once, and once
 * {@code node_timeout_seconds} have passed since its last successful heartbeat (by its own monotonic clock,
 * which needs no database) it stops its running encodes itself: by then the rescuer may have given them to
 * another node, and the fencing of its writes (decision 0020) would refuse their outcomes anyway. A node that
 * comes back and finds itself taken for dead registers again and carries on with new jobs.
 */
public final class Heartbeat implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private final NodeRegistry registry;
    private final NodeIdentity node;
    private final WorkerPool pool;
    private final JobRepository jobs;
    private final Duration interval;
    private final boolean shared;
    private final int maxAttempts;
    private final LongFunction<Optional<Job>> unfinishedPublishes;
    /** Jobs whose publish could not be finished, reported once each rather than at every beat. */
    private final Set<Long> reportedPublishes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** System.nanoTime() at the start of the last heartbeat that was written. */
    private volatile long lastBeatNanos;

    private BackgroundLoop beating;
    private BackgroundLoop watching;

    /**
     * @param shared whether other nodes share the database: only then can its jobs be given to others, so
     *     only then does a node that cannot beat stop claiming and running (a single machine's SQLite file
     *     has no one to hand them to)
     * @param unfinishedPublishes finishes the publish of a job of this node whose run ended without
     *     recording its outcome ({@code CrashRecovery#finishPublishOf}): empty when it had none
     */
    public Heartbeat(
            NodeRegistry registry,
            NodeIdentity node,
            WorkerPool pool,
            JobRepository jobs,
            Duration interval,
            boolean shared,
            int maxAttempts,
            LongFunction<Optional<Job>> unfinishedPublishes) {
        this.maxAttempts = maxAttempts;
        this.unfinishedPublishes = unfinishedPublishes;
        this.registry = registry;
        this.node = node;
        this.pool = pool;
        this.jobs = jobs;
        this.interval = interval;
        this.shared = shared;
    }

    /** Registers the node (so it is alive before its first claim) and starts beating. */
    public void start() {
        registry.register(node);
        lastBeatNanos = System.nanoTime();
        beating = BackgroundLoop.start("bulletproof-heartbeat", () -> {
            beatOnce();
            Thread.sleep(interval);
        });
        if (shared) {
            watching = BackgroundLoop.start("bulletproof-heartbeat-watch", () -> {
                watchOnce(System.nanoTime());
                Thread.sleep(WATCH_INTERVAL);
            });
        }
    }

    /** Whether this node's last heartbeat is recent enough that no other node takes it for dead. */
    public boolean isAlive() {
        return System.nanoTime() - lastBeatNanos < registry.nodeTimeout().toNanos();
    }

    /** One heartbeat; a failure holds claims until the next one is written. */
    void beatOnce() {
        long started = System.nanoTime();
        // Leases of the runs under way before the database is asked: a job claimed meanwhile is not judged
        // against an answer that was read before its claim.
        List<Lease> running = pool.runningLeases();
        try {
            NodeRegistry.Beat beat =
                    registry.beat(node.id(), pool.runningCount(), pool.maxWorkers(), pool.isQueuePaused());
            boolean alive = beat.alive();
            beat.pauseRequest().ifPresent(this::applyPauseRequest);
            if (!alive) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "this node was taken for dead (no heartbeat for "
                                + registry.nodeTimeout().toSeconds() + " s); what it ran may be running elsewhere now");
                registry.register(node);
            }
            List<Lease> inDatabase = jobs.leasesHeld();
            Set<Lease> held = new HashSet<>(inDatabase);
            List<Lease> lost = new ArrayList<>(running);
            lost.removeIf(held::contains);
            if (!lost.isEmpty()) {
                pool.stopRuns(lost, "its job is no longer this node's (taken over by another node, or ended there)");
            }
            // Also on a single machine: a run whose outcome the database could not take (its disk was full at
            // that moment) leaves such a job there too, and nobody else would ever look at it.
            releaseOrphans(inDatabase);
            lastBeatNanos = started;
            pool.holdClaims(false);
        } catch (RuntimeException e) {
            if (shared) {
                pool.holdClaims(true);
            }
            LOG.log(System.Logger.Level.WARNING, "cannot write this node's heartbeat: " + e.getMessage());
        }
    }

    /** A pause or resume another node's API asked for: this node's queue is paused or resumed here. */
    private void applyPauseRequest(boolean pause) {
        if (pause != pool.isQueuePaused()) {
            if (pause) {
                pool.pauseQueue();
            } else {
                pool.resumeQueue();
            }
            LOG.log(
                    System.Logger.Level.INFO,
                    (pause ? "queue paused" : "queue resumed") + " at the request of another node's dashboard");
        }
        registry.pauseRequestApplied(node.id(), pause);
    }

    /**
     * Jobs the database says this node holds but that it does not run: it stopped them itself after
     * presuming its leases lost, and no other node took them (none was alive, or it came back first); or
     * their run ended when the database could not take its outcome. A publish one of them left unfinished
     * is finished first, as start-up recovery would (decision 0003); the others go back to the queue.
     * Asked after the database was read, so a run that started before that read is seen here.
     */
    private void releaseOrphans(List<Lease> inDatabase) {
        Set<Lease> runs = new HashSet<>(pool.allRunLeases());
        List<Lease> orphans =
                inDatabase.stream().filter(lease -> !runs.contains(lease)).toList();
        for (Lease orphan : orphans) {
            finishPublishOf(orphan);
        }
        if (!orphans.isEmpty()) {
            int recovered = jobs.recoverOrphans(orphans, maxAttempts).size();
            if (recovered > 0) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        recovered + " job(s) this node had stopped went back to the queue");
            }
        }
    }

    private void finishPublishOf(Lease orphan) {
        try {
            pool.unlessRunning(orphan, () -> unfinishedPublishes.apply(orphan.jobId()))
                    .flatMap(completed -> completed)
                    .ifPresent(job -> LOG.log(
                            System.Logger.Level.WARNING,
                            "job " + job.id() + " completed: its run had ended while the database could not"
                                    + " record it, and its publish is now finished"));
        } catch (RuntimeException e) {
            if (reportedPublishes.add(orphan.jobId())) {
                LOG.log(
                        System.Logger.Level.ERROR,
                        "job " + orphan.jobId() + ": its unfinished publish cannot be finished now: " + e.getMessage());
            }
        }
    }

    /** Claims stop after two missed beats, the runs once the node timeout has passed. */
    void watchOnce(long nowNanos) {
        long silent = nowNanos - lastBeatNanos;
        if (silent > 2 * interval.toNanos() + WATCH_INTERVAL.toNanos()) {
            pool.holdClaims(true);
        }
        if (silent >= registry.nodeTimeout().toNanos()) {
            int stopped = pool.stopRuns(
                    null,
                    "no heartbeat for " + registry.nodeTimeout().toSeconds()
                            + " s, so its job may be running on another node now");
            if (stopped > 0) {
                LOG.log(System.Logger.Level.WARNING, stopped + " run(s) stopped: this node presumes its leases lost");
            }
        }
    }

    @Override
    public void close() {
        if (watching != null) {
            watching.close();
        }
        if (beating != null) {
            beating.close();
        }
    }
}
