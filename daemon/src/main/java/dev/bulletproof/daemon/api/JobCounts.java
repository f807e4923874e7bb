package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobQueries;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The X-Total-Count of job lists. Counting a large history costs a scan per request, yet the answer only
 * changes when a job is created, changes state or is deleted, so counts are kept until the next such
 * event. Progress ticks do not touch the database and do not clear them.
 */
final class JobCounts implements AutoCloseable {

    private static final int MAX_ENTRIES = 256;

    private final JobQueries jobs;
    private final Map<JobFilter, Long> counts = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final List<AutoCloseable> subscriptions;
    private volatile boolean closed;

    JobCounts(JobQueries jobs, EventBus bus) {
        this.jobs = jobs;
        this.subscriptions = List.of(
                bus.subscribe(JobEvent.Changed.class, changed -> invalidate()),
                bus.subscribe(JobEvent.Deleted.class, deleted -> invalidate()));
    }

    long count(JobFilter filter) {
        JobFilter key = filter.page(1, 0);
        if (closed) {
            return jobs.count(key);
        }
        Long cached = counts.get(key);
        if (cached != null) {
            return cached;
        }
        // A change that lands while counting bumps the generation, and the now stale count is not kept.
        long before = generation.get();
        long counted = jobs.count(key);
        if (generation.get() == before && counts.size() < MAX_ENTRIES) {
            counts.put(key, counted);
            if (generation.get() != before) {
                counts.remove(key);
            }
        }
        return counted;
    }

    /** Stops listening to the bus; counts are then no longer cached. */
    @Override
    public void close() {
        closed = true;
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException("an event bus subscription cannot fail to close", e);
            }
        }
        invalidate();
    }

    private void invalidate() {
        generation.incrementAndGet();
        counts.clear();
    }
}
