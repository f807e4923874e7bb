package dev.bulletproof.daemon.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest progress tick of each running job. It lives in memory only: the worker pool writes it, and
 * job events and job queries read it, so a job is always shown with the progress it has right now.
 */
public final class LiveProgressBoard {

    private final Map<Long, LiveProgress> ticks = new ConcurrentHashMap<>();

    void record(LiveProgress tick) {
        ticks.put(tick.jobId(), tick);
    }

    void clear(long jobId) {
        ticks.remove(jobId);
    }

    public Optional<LiveProgress> of(long jobId) {
        return Optional.ofNullable(ticks.get(jobId));
    }
}
