package dev.bulletproof.daemon.media;

import dev.bulletproof.daemon.BulletproofException;

/** An encode option (resolution, sample rate, keyframe interval, speed) has an impossible value. */
public class InvalidEncodeOptionsException extends BulletproofException {
    public InvalidEncodeOptionsException(String message) {
        super(message);
    }
}
