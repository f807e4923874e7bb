package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BulletproofException;

/**
 * A write of a run found that its lease is no longer the job's: the job was rescued (its node was taken
 * for dead) and may be running on another node. The run must stop, keep nothing it made and publish nothing.
 */
public final class LeaseLostException extends BulletproofException {

    private final Lease lease;

    public LeaseLostException(Lease lease) {
        super("job " + lease.jobId() + " is no longer held by this node (lease " + lease.token()
                + " was taken over); its run stops and publishes nothing");
        this.lease = lease;
    }

    public Lease lease() {
        return lease;
    }
}
