package dev.bulletproof.daemon.jobs;

import java.util.Optional;

/**
 * What the jobs feature publishes on the event bus about individual jobs. The job events a client shows
 * carry everything it needs (the job as committed and its live progress), so a subscriber never has to
 * read the job back.
 */
public sealed interface JobEvent {

    /** Why a job's published state changed; finer than the stored history where a reader needs it. */
    enum Change {
        /** Created (waiting while its file settles, or queued at once). */
        CREATED,
        /** A visible field changed without a state change: the settling text. */
        UPDATED,
        /** Its file settled and matched a rule. */
        QUEUED,
        STARTED,
        PAUSED,
        /** A suspended run continues, or a held job goes back to the queue. */
        RESUMED,
        COMPLETED,
        /** Failed for good: no retry follows automatically. */
        FAILED,
        /** A run failed and the job goes back to the queue for another attempt after a delay. */
        RETRY_SCHEDULED,
        /** Back to the queue because a person asked for a retry. */
        RETRIED,
        /** Back to the queue because the daemon stopped while it ran. */
        REQUEUED,
        /** Found running after an unexpected stop of the daemon: back to the queue, or failed. */
        RECOVERED,
        CANCELLED,
        PRIORITY_CHANGED
    }

    /**
     * A job was created, changed state, or changed a visible field; carries the job as committed.
     *
     * @param rule which rule queued the job (for {@link Change#QUEUED} and a job created queued), else null
     * @param progress the latest progress of a job that is still running (processing or paused), else null
     */
    record Changed(Job job, Change change, String rule, LiveProgress progress) implements JobEvent {
        public Changed(Job job, Change change, String rule) {
            this(job, change, rule, null);
        }

        public Changed(Job job, Change change) {
            this(job, change, null, null);
        }

        /** The same change, carrying the running job's latest progress. */
        Changed withProgress(Optional<LiveProgress> live) {
            return live.isEmpty() ? this : new Changed(job, change, rule, live.get());
        }

        public Optional<LiveProgress> live() {
            return Optional.ofNullable(progress);
        }
    }

    /**
     * A worker took a claimed job and starts running it.
     *
     * @param worker the worker slot, 1 to the pool's size
     */
    record RunStarted(Job job, int worker) implements JobEvent {}

    /**
     * A run ended, before its outcome is recorded (the {@link Changed} event that records it follows).
     *
     * @param result null when the executor threw or the worker was interrupted
     */
    record RunEnded(Job job, int worker, ExecutionResult result) implements JobEvent {}

    /**
     * A progress tick of a running job; not coalesced here.
     *
     * @param job the running job as last committed; null only for a tick whose job is not known (in tests)
     */
    record Progress(Job job, LiveProgress progress) implements JobEvent {
        public Progress(LiveProgress progress) {
            this(null, progress);
        }
    }

    /** A finished job was deleted. */
    record Deleted(long jobId) implements JobEvent {}
}
