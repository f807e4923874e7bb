package dev.bulletproof.daemon.jobs;

/** Starts the real work for a claimed job (ffmpeg, verification, publishing); the pool's only view of media. */
@FunctionalInterface
public interface JobExecutor {

    /** Starts the job and returns at once; the work runs until {@link Execution#await()} returns. */
    Execution start(Job job, ExecutionListener listener);

    /**
     * {@link #start(Job, ExecutionListener)} on the pool's worker {@code worker} (1..max_workers), for an
     * executor that records which worker did which part of a job.
     */
    default Execution start(Job job, int worker, ExecutionListener listener) {
        return start(job, listener);
    }
}
