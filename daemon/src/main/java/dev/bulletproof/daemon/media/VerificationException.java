package dev.bulletproof.daemon.media;

import dev.bulletproof.daemon.BulletproofException;

/** A finished encode is not what the profile promised (too short, wrong streams, empty). */
public class VerificationException extends BulletproofException {
    public VerificationException(String message) {
        super(message);
    }
}
