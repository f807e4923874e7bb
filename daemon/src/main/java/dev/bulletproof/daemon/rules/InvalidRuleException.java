package dev.bulletproof.daemon.rules;

import dev.bulletproof.daemon.BulletproofException;

/** A rule pattern or output template that cannot be used; the message says why. */
public class InvalidRuleException extends BulletproofException {

    public InvalidRuleException(String message) {
        super(message);
    }
}
