package dev.bulletproof.daemon.jobs;

/** A running job's work, controlled by the pool. Every method may be called from any thread. */
public interface Execution {

    /** Freezes the work (SIGSTOP for ffmpeg) without losing what was done. */
    void suspend();

    void resume();

    /** Stops the work and removes its partial output; {@link #await()} then returns CANCELLED. */
    void cancel();

    ExecutionResult await() throws InterruptedException;
}
