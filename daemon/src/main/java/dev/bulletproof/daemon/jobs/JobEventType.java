package dev.bulletproof.daemon.jobs;

/** Why a job's row in the history changed; stored by name in {@code job_events.type}. */
public enum JobEventType {
    CREATED,
    /** A settled file became ready (waiting to queued). */
    QUEUED,
    STARTED,
    PAUSED,
    RESUMED,
    COMPLETED,
    FAILED,
    CANCELLED,
    /** Back to the queue for another attempt, automatically after a failure or by hand. */
    RETRIED,
    /** Back to the queue because the daemon stopped while it ran; the attempt is not counted. */
    REQUEUED,
    /** Back to the queue (or failed) because the daemon found it running after an unexpected stop. */
    RECOVERED,
    PRIORITY_CHANGED
}
