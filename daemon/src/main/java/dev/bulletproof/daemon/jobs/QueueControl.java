package dev.bulletproof.daemon.jobs;

import java.util.Set;

/** Whether new jobs start, and how many run at once. */
public interface QueueControl {

    boolean isQueuePaused();

    /** The limit in force: the open schedule window's when it sets one, else the config's max_workers. */
    int maxWorkers();

    /**
     * Busy workers: jobs running right now and not paused. A paused job's encoder is suspended and holds
     * no worker. /api/queue, /metrics and every client count busy workers with this one figure.
     */
    int runningCount();

    /** Stops starting new jobs; running ones continue. */
    void pauseQueue();

    void resumeQueue();

    /**
     * Finish the running jobs, then pause: nothing new starts from now on, and once no job is running the
     * queue is paused and {@link QueueDrained} is published. Resuming or pausing the queue ends a drain.
     */
    void drainQueue();

    /** A drain was asked for and some job it waits for is still running. */
    boolean isDraining();

    /** The schedule (outside its windows, or a hold override) keeps new jobs from starting. */
    boolean isHeldBySchedule();

    /** Jobs the schedule suspended (not a person): they continue when a window opens. */
    Set<Long> suspendedBySchedule();

    /**
     * Why no job can start any more in this process (its dispatcher ended by an unexpected error), if so;
     * the health check then fails so the daemon gets restarted.
     */
    java.util.Optional<String> stalledBecause();
}
