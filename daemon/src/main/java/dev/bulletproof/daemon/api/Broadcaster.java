package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.config.ConfigApplied;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.daemon.jobs.QueueControl;
import dev.bulletproof.daemon.jobs.QueueEvent;
import dev.bulletproof.daemon.schedule.ScheduleChanged;
import dev.bulletproof.daemon.schedule.ScheduleControl;
import dev.bulletproof.model.ws.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Turns the daemon's events into WebSocket messages for every connected client.
 *
 * <p>The event bus delivers on the engine's threads, so the subscribers here only record the event; a
 * dispatcher thread of its own builds each message once and offers it to every session's outbox. Progress
 * is coalesced per job (the latest tick wins, at most one update per job every {@link #PROGRESS_INTERVAL});
 * after job changes a stats_update follows, at most once per {@link #STATS_INTERVAL}.
 *
 * <p>Job events carry the job and its live progress, so nothing here reads a job back from the engine.
 *
 * <p>A deleted job produces no job_update (the contract's job messages always carry a whole job): clients
 * learn of it from the stats_update that follows and drop it when they next reload the list over REST.
 */
public final class Broadcaster implements AutoCloseable {

    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);
    static final Duration STATS_INTERVAL = Duration.ofSeconds(1);
    // A little under the interval: ticks published exactly every 250 ms would otherwise each miss the
    // window by microseconds and wait for the next dispatcher round.
    private static final long PROGRESS_GAP_NANOS = PROGRESS_INTERVAL.toNanos() * 9 / 10;
    private static final System.Logger LOG = System.getLogger(Broadcaster.class.getName());
    private static final Object WAKE = new Object();

    private final EventBus bus;
    private final QueueControl queue;
    private final ScheduleControl schedule;
    private final Supplier<History> history;
    private final ClusterNodes nodes;
    private final NodesFeed nodesFeed;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Map<Long, JobEvent.Progress> pendingProgress = new ConcurrentHashMap<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final AtomicBoolean statsRunning = new AtomicBoolean();
    private final Set<UpdateSession> sessions = new CopyOnWriteArraySet<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final Map<Long, Job> activeJobs = new HashMap<>();
    private final Map<Long, Long> lastProgressNanos = new HashMap<>();
    private boolean statsDirty;
    private long lastStatsNanos;
    private BackgroundLoop dispatcher;

    /**
     * @param queue read once per client, for the state it is greeted with
     * @param schedule read for each queue_update, which carries the schedule's state; null without one
     * @param nodes the cluster's nodes, for the node of each job and the nodes_update messages
     */
    public Broadcaster(
            EventBus bus, QueueControl queue, Supplier<History> history, ScheduleControl schedule, ClusterNodes nodes) {
        this.bus = bus;
        this.queue = queue;
        this.history = history;
        this.schedule = schedule;
        this.nodes = nodes;
        this.nodesFeed = new NodesFeed(nodes, bus, this::fanOut);
    }

    public synchronized void start() {
        subscriptions.add(bus.subscribe(JobEvent.Progress.class, this::onProgress));
        subscriptions.add(bus.subscribe(JobEvent.Changed.class, events::add));
        subscriptions.add(bus.subscribe(JobEvent.Deleted.class, events::add));
        subscriptions.add(bus.subscribe(QueueEvent.class, events::add));
        subscriptions.add(bus.subscribe(ScheduleChanged.class, events::add));
        subscriptions.add(bus.subscribe(ConfigApplied.class, events::add));
        subscriptions.add(bus.subscribe(Alert.class, events::add));
        // A failure on one event is logged and the next round goes on; the round itself waits on the queue.
        dispatcher = BackgroundLoop.start("ws-broadcaster", this::dispatchOnce, Duration.ZERO, failure -> {});
        nodesFeed.start();
    }

    /** Called on the engine's thread: records the latest tick and wakes the dispatcher, nothing more. */
    private void onProgress(JobEvent.Progress progress) {
        pendingProgress.put(progress.progress().jobId(), progress);
        if (wakePending.compareAndSet(false, true)) {
            events.add(WAKE);
        }
    }

    void add(UpdateSession session) {
        sessions.add(session);
    }

    void remove(UpdateSession session) {
        sessions.remove(session);
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** The message a client gets on connecting, so it knows the connection works. */
    UpdateSession.Outgoing greeting() {
        return new UpdateSession.Outgoing("queue", "queue", json(ScheduleViews.queueUpdate(queue, schedule)));
    }

    private void dispatchOnce() throws InterruptedException {
        long waitMillis = pendingProgress.isEmpty() && !statsDirty ? 500 : 20;
        Object event = events.poll(waitMillis, TimeUnit.MILLISECONDS);
        while (event != null) {
            if (event == WAKE) {
                wakePending.set(false);
            } else {
                handle(event);
            }
            event = events.poll();
        }
        emitDueProgress(System.nanoTime());
        emitStatsIfDue(System.nanoTime());
    }

    private void handle(Object event) {
        switch (event) {
            case JobEvent.Changed changed -> jobChanged(changed);
            case JobEvent.Deleted deleted -> {
                activeJobs.remove(deleted.jobId());
                pendingProgress.remove(deleted.jobId());
                statsDirty = true;
            }
            // The state now, not the event's: a queue and a schedule change arriving together give one picture.
            case QueueEvent changed ->
                fanOut(new UpdateSession.Outgoing("queue", "queue", json(ScheduleViews.queueUpdate(queue, schedule))));
            case ScheduleChanged changed ->
                fanOut(new UpdateSession.Outgoing("queue", "queue", json(ScheduleViews.queueUpdate(queue, schedule))));
            case ConfigApplied applied ->
                fanOut(new UpdateSession.Outgoing(
                        "config",
                        "config",
                        json(new ServerMessage.ConfigUpdate(applied.config().toModel()))));
            case Alert alert ->
                fanOut(UpdateSession.Outgoing.unique(
                        "alerts",
                        json(new ServerMessage.Alert(
                                alert.level(),
                                alert.message(),
                                alert.jobId() == null ? null : alert.jobId().toString()))));
            default -> LOG.log(System.Logger.Level.DEBUG, "ignored event " + event);
        }
    }

    private void jobChanged(JobEvent.Changed changed) {
        Job job = changed.job();
        if (job.status().isActive()) {
            activeJobs.put(job.id(), job);
        } else {
            // A tick recorded before the job finished must not follow its final state to the clients.
            activeJobs.remove(job.id());
            pendingProgress.remove(job.id());
            lastProgressNanos.remove(job.id());
        }
        fanOut(jobUpdate(job, job.status().isActive() ? changed.live() : Optional.empty()));
        statsDirty = true;
    }

    private void emitDueProgress(long now) {
        for (JobEvent.Progress tick : List.copyOf(pendingProgress.values())) {
            long jobId = tick.progress().jobId();
            Long last = lastProgressNanos.get(jobId);
            if (last != null && now - last < PROGRESS_GAP_NANOS) {
                continue;
            }
            pendingProgress.remove(jobId, tick);
            // The job as the changes seen here left it; the tick's own copy for a job that started before this
            // broadcaster did.
            Job job = activeJobs.computeIfAbsent(jobId, id -> tick.job());
            if (job == null || !job.status().isActive()) {
                activeJobs.remove(jobId);
                continue;
            }
            lastProgressNanos.put(jobId, now);
            fanOut(jobUpdate(job, Optional.of(tick.progress())));
        }
    }

    /**
     * Statistics are computed on their own thread: a slow query over a long history must not hold up the
     * job updates behind it. One computation at a time; changes meanwhile are picked up by the next one.
     */
    private void emitStatsIfDue(long now) {
        if (!statsDirty
                || now - lastStatsNanos < STATS_INTERVAL.toNanos()
                || !statsRunning.compareAndSet(false, true)) {
            return;
        }
        statsDirty = false;
        lastStatsNanos = now;
        Thread.ofVirtual().name("ws-stats").start(() -> {
            try {
                fanOut(new UpdateSession.Outgoing(
                        "stats",
                        "stats",
                        json(new ServerMessage.StatsUpdate(history.get().summary()))));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot compute the statistics for WebSocket clients", e);
            } finally {
                statsRunning.set(false);
            }
        });
    }

    /**
     * Keyed by job and status: a newer progress tick replaces an unsent older one, but a state change is
     * never merged away, so every client sees each job go through queued, processing and completed.
     */
    private UpdateSession.Outgoing jobUpdate(Job job, Optional<LiveProgress> live) {
        return new UpdateSession.Outgoing(
                "jobs",
                "job:" + job.id() + ":" + job.status().wireName(),
                json(new ServerMessage.JobUpdate(JobViews.of(job, live, nodes))));
    }

    /** Offers a message to every session; one that overflows is dropped, the others never wait for it. */
    void fanOut(UpdateSession.Outgoing message) {
        for (UpdateSession session : sessions) {
            if (!session.offer(message)) {
                sessions.remove(session);
            }
        }
    }

    static String json(ServerMessage message) {
        try {
            return JsonBodies.MAPPER.writerFor(ServerMessage.class).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message, e);
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "while unsubscribing: " + e);
            }
        }
        subscriptions.clear();
        nodesFeed.close();
        if (dispatcher != null) {
            dispatcher.stop(Duration.ofSeconds(2));
        }
        sessions.forEach(UpdateSession::close);
        sessions.clear();
    }
}
