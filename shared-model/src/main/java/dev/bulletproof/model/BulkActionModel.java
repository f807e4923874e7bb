package dev.bulletproof.model;

import java.util.List;

/** The answer to {@code POST /api/jobs/actions}: one outcome per requested id, in the order they were sent. */
public record BulkActionModel(JobAction action, List<BulkActionOutcome> outcomes) {

    public BulkActionModel {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
