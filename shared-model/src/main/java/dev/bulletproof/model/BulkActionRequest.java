package dev.bulletproof.model;

import java.util.List;

/** The body of {@code POST /api/jobs/actions}: one action for several jobs at once. */
public record BulkActionRequest(JobAction action, List<Long> ids) {

    public BulkActionRequest {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
