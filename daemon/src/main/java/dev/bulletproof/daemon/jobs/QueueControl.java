package dev.bulletproof.daemon.jobs;

/** Whether new jobs start, and how many run at once. */
public interface QueueControl {

    boolean isQueuePaused();

    int maxWorkers();

    /** Jobs a worker holds right now (processing or paused). */
    int runningCount();

    /** Stops starting new jobs; running ones continue. */
    void pauseQueue();

    void resumeQueue();
}
