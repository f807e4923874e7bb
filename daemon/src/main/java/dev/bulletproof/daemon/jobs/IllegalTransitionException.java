package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.model.JobStatus;

/** The job's current state does not allow what was asked; the message says why, for the user. */
public class IllegalTransitionException extends BulletproofException {

    private final long jobId;
    private final JobStatus current;

    public IllegalTransitionException(long jobId, JobStatus current, String message) {
        super(message);
        this.jobId = jobId;
        this.current = current;
    }

    public long jobId() {
        return jobId;
    }

    public JobStatus current() {
        return current;
    }
}
