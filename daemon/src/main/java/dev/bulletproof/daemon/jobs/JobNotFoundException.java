package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BulletproofException;

/** No job has the given id (never existed, or was deleted). */
public class JobNotFoundException extends BulletproofException {

    private final long jobId;

    public JobNotFoundException(long jobId) {
        super("job " + jobId + " does not exist");
        this.jobId = jobId;
    }

    public long jobId() {
        return jobId;
    }
}
