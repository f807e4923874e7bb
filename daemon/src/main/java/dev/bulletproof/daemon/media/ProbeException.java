package dev.bulletproof.daemon.media;

import dev.bulletproof.daemon.BulletproofException;

/** A file could not be probed: missing, empty, unreadable or not media. The message says which. */
public class ProbeException extends BulletproofException {
    public ProbeException(String message) {
        super(message);
    }
}
