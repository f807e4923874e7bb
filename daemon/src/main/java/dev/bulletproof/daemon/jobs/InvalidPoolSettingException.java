package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BulletproofException;

/** A worker pool setting outside its range, such as a worker count of 0. */
public class InvalidPoolSettingException extends BulletproofException {

    public InvalidPoolSettingException(String message) {
        super(message);
    }
}
