package dev.bulletproof.daemon.schedule;

import dev.bulletproof.daemon.BulletproofException;

/** An override that cannot be used (it ends in the past, or too far ahead); says which field. */
public final class InvalidOverrideException extends BulletproofException {

    private final String field;
    private final String problem;

    public InvalidOverrideException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
