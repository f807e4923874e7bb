package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BulletproofException;

/** A request for a new job names a file, profile or output that cannot be used; says which field. */
public final class InvalidJobRequestException extends BulletproofException {

    private final String field;
    private final String problem;

    public InvalidJobRequestException(String field, String problem) {
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
