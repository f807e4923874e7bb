package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.BulletproofException;

/** The API server cannot start: an unsafe address/auth combination, a port in use, an unreadable token. */
public class ApiStartException extends BulletproofException {

    public ApiStartException(String message) {
        super(message);
    }

    public ApiStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
