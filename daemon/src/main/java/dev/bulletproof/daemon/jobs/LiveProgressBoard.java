package dev.bulletproof.daemon.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest progress tick of each running job. It lives in memory only: the worker pool writes the ticks
 * of this node's runs, the cluster's progress relay those of other nodes' runs, and job events and job
 * queries read them, so a job is always shown with the progress it has right now.
 *
 * <p>A tick from another node is forgotten {@link #REMOTE_TICK_LIFETIME} after it arrived unless a newer
 * one follows: a node that died mid-encode must not leave its job frozen at its last percentage.
 */
public final class LiveProgressBoard {

    public static final Duration REMOTE_TICK_LIFETIME = Duration.ofSeconds(10);

    private record RemoteTick(LiveProgress tick, long receivedNanos) {}

    private final Map<Long, LiveProgress> ticks = new ConcurrentHashMap<>();
    private final Map<Long, RemoteTick> remote = new ConcurrentHashMap<>();

    void record(LiveProgress tick) {
        ticks.put(tick.jobId(), tick);
    }

    void clear(long jobId) {
        ticks.remove(jobId);
    }

    /** A tick of a job another node runs, as the cluster relayed it. */
    public void recordRemote(LiveProgress tick) {
        remote.put(tick.jobId(), new RemoteTick(tick, System.nanoTime()));
    }

    public Optional<LiveProgress> of(long jobId) {
        LiveProgress local = ticks.get(jobId);
        if (local != null) {
            return Optional.of(local);
        }
        RemoteTick relayed = remote.get(jobId);
        if (relayed == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - relayed.receivedNanos() > REMOTE_TICK_LIFETIME.toNanos()) {
            remote.remove(jobId, relayed);
            return Optional.empty();
        }
        return Optional.of(relayed.tick());
    }
}
