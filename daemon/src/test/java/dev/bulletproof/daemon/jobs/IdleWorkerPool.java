package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.events.EventBus;
import java.time.Clock;
import java.time.Duration;

/** A worker pool that is never started, for tests of what reads the pool (the heartbeat): it runs nothing. */
public final class IdleWorkerPool {

    private IdleWorkerPool() {}

    public static WorkerPool over(JobRepository jobs) {
        return new WorkerPool(
                jobs,
                (job, listener) -> {
                    throw new AssertionError("the pool is not started: it runs nothing here");
                },
                new EventBus(),
                Clock.systemUTC(),
                new WorkerSettings(1, 3, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
