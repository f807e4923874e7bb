package dev.bulletproof.daemon.jobs;

/** Starts the real work for a claimed job (ffmpeg, verification, publishing); the pool's only view of media. */
@FunctionalInterface
public interface JobExecutor {

    /** Starts the job and returns at once; the work runs until {@link Execution#await()} returns. */
    Execution start(Job job, ExecutionListener listener);
}
