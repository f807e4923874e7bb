package dev.bulletproof.daemon.jobs;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The pool's handle on one claimed job. Control requests that arrive before the executor has returned
 * its {@link Execution} are remembered and applied when it is attached. Guarded by the pool's lock.
 */
final class RunningJob {

    final Job job;
    /** The job as last committed while it runs (paused, resumed, its priority changed); not guarded by the lock. */
    volatile Job latest;
    /** The worker slot it runs in, 1 to the pool's size; free again when the run ends. */
    final int worker;

    Thread thread;
    Execution execution;
    /** Written under the pool's lock; volatile so that counting busy workers needs no lock. */
    volatile boolean suspended;

    boolean cancelRequested;
    boolean stopRequested;
    /** Set when stop() gave up waiting and requeued the job itself; whatever the run reports later is stale. */
    boolean abandoned;
    /**
     * Set when the job's lease is gone or must be presumed gone (decision 0020): its encoder is stopped and
     * nothing of this run is recorded or published. Volatile: the node's heartbeat sets it.
     */
    volatile boolean leaseLost;

    /** Set, under this object's monitor, when the run ended; no progress of it is published after that. */
    private boolean ended;

    /** Released once the execution has ended and its outcome is recorded (its files are cleaned up). */
    private final CountDownLatch finished = new CountDownLatch(1);

    RunningJob(Job job, int worker) {
        this.job = job;
        this.latest = job;
        this.worker = worker;
    }

    synchronized void markEnded() {
        ended = true;
    }

    /** Runs {@code publish} unless the run has ended; the end waits for a publish under way. */
    synchronized void unlessEnded(Runnable publish) {
        if (!ended) {
            publish.run();
        }
    }

    void markFinished() {
        finished.countDown();
    }

    boolean awaitFinished(Duration limit) {
        try {
            return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    long id() {
        return job.id();
    }

    void attach(Execution started) {
        execution = started;
        if (cancelRequested || stopRequested || leaseLost) {
            started.cancel();
        } else if (suspended) {
            started.suspend();
        }
    }

    void suspend() {
        suspended = true;
        if (execution != null) {
            execution.suspend();
        }
    }

    void resume() {
        suspended = false;
        if (execution != null) {
            execution.resume();
        }
    }

    void cancel() {
        cancelRequested = true;
        if (execution != null) {
            execution.cancel();
        }
    }

    void loseLease() {
        leaseLost = true;
        if (execution != null) {
            execution.cancel();
        }
    }

    void stop() {
        stopRequested = true;
        if (execution != null) {
            execution.cancel();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
