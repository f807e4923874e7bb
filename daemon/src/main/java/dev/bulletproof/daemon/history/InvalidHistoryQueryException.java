package dev.bulletproof.daemon.history;

import dev.bulletproof.daemon.BulletproofException;

/** A statistics request that cannot be answered as asked: an empty or reversed range, an unknown bucket size. */
public class InvalidHistoryQueryException extends BulletproofException {

    public InvalidHistoryQueryException(String message) {
        super(message);
    }
}
