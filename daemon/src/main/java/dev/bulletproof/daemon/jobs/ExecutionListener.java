package dev.bulletproof.daemon.jobs;

/** Receives live progress of one execution; called from the executor's threads, must be quick. */
@FunctionalInterface
public interface ExecutionListener {

    void onProgress(LiveProgress progress);
}
