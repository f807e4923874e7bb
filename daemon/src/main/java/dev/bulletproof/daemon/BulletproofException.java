package dev.bulletproof.daemon;

/**
 * The root of every expected failure in the daemon: bad input, bad config, a failed encode, an unknown
 * job. The edges (CLI, HTTP) turn these into a clear message and an exit code or status; anything else
 * reaching an edge is a bug and is logged with its stack trace.
 */
public class BulletproofException extends RuntimeException {

    public BulletproofException(String message) {
        super(message);
    }

    public BulletproofException(String message, Throwable cause) {
        super(message, cause);
    }
}
