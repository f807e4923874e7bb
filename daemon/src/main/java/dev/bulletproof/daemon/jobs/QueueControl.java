package dev.bulletproof.daemon.jobs;

/** Whether new jobs start, and how many run at once. */
public interface QueueControl {

    boolean isQueuePaused();

    int maxWorkers();

    /**
     * Busy workers: jobs running right now and not paused. A paused job's encoder is suspended and holds
     * no worker. /api/queue, /metrics and every client count busy workers with this one figure.
     */
    int runningCount();

    /** Stops starting new jobs; running ones continue. */
    void pauseQueue();

    void resumeQueue();
}
