package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BulletproofException;

/** A new job was asked for a file version that already has one; the existing job is the one to retry. */
public final class DuplicateJobException extends BulletproofException {

    public DuplicateJobException(String message) {
        super(message);
    }
}
