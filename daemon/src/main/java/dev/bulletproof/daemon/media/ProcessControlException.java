package dev.bulletproof.daemon.media;

import dev.bulletproof.daemon.BulletproofException;

/** Pausing or continuing the encoder process failed. */
public class ProcessControlException extends BulletproofException {
    public ProcessControlException(String message) {
        super(message);
    }
}
