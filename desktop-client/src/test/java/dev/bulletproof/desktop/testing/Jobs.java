package dev.bulletproof.desktop.testing;

import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.time.Instant;
import java.util.List;

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
                List.of());
    }

    /** {@code base} with another id and file name. */
    public static JobModel renamed(JobModel base, String id, String filename) {
        return new JobModel(
                id,
                filename,
                base.status(),
                base.progress(),
                base.startedAt(),
                base.completedAt(),
                base.error(),
                base.profile(),
                base.duration(),
                base.bitrate(),
                base.resolution(),
                base.inputPath(),
                base.outputPath(),
                base.priority(),
                base.attempts(),
                base.createdAt(),
                base.elapsedSeconds(),
                base.fps(),
                base.speed(),
                base.etaSeconds(),
                base.verified(),
                base.statusReason(),
                base.allowedActions());
    }

    /** A job in {@code status} that the daemon says allows exactly {@code actions}. */
    public static JobModel withActions(JobStatus status, List<JobAction> actions) {
        JobModel base = finished("9", "cue.mov", status, "live-qlab", null, 2.0, null);
        return new JobModel(
                base.id(),
                base.filename(),
                base.status(),
                base.progress(),
                base.startedAt(),
                base.completedAt(),
                base.error(),
                base.profile(),
                base.duration(),
                base.bitrate(),
                base.resolution(),
                base.inputPath(),
                base.outputPath(),
                base.priority(),
                base.attempts(),
                base.createdAt(),
                base.elapsedSeconds(),
                base.fps(),
                base.speed(),
                base.etaSeconds(),
                base.verified(),
                base.statusReason(),
                actions);
    }
}
