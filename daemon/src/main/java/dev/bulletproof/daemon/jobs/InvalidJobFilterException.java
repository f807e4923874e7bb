package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BulletproofException;

/** A job list request out of range, such as a limit of 0 or a negative offset. */
public class InvalidJobFilterException extends BulletproofException {

    public InvalidJobFilterException(String message) {
        super(message);
    }
}
