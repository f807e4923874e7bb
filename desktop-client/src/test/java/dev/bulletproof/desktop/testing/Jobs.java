package dev.bulletproof.desktop.testing;

import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.time.Instant;

/** Job values for view-model tests. */
public final class Jobs {

    private Jobs() {}

    public static JobModel job(String id, String filename, JobStatus status, String profile) {
        return finished(id, filename, status, profile, null, null, null);
    }

    public static JobModel finished(
            String id,
            String filename,
            JobStatus status,
            String profile,
            Instant completedAt,
            Double mediaSeconds,
            Double processingSeconds) {
        return new JobModel(
                id,
                filename,
                status,
                status == JobStatus.COMPLETED ? 1 : 0.5,
                null,
                completedAt,
                null,
                profile,
                mediaSeconds,
                null,
                null,
                "/in/" + filename,
                null,
                0,
                1,
                Instant.parse("2026-03-01T09:00:00Z"),
                processingSeconds,
                null,
                null,
                null,
                null,
                null,
                java.util.List.of());
    }
}
