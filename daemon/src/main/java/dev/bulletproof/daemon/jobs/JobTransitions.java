package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.JobStatus;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legal job state changes, derived from {@link JobCommand}: a move is legal when some command makes it.
 * Kept as its own view because "which states can follow which" is how people read and test the state
 * machine; the writes themselves check the command ({@link JobCommand#require}).
 */
public final class JobTransitions {

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = new EnumMap<>(JobStatus.class);

    static {
        for (JobStatus from : JobStatus.values()) {
            ALLOWED.put(from, EnumSet.noneOf(JobStatus.class));
        }
        for (JobCommand command : JobCommand.values()) {
            if (command.target() != null) {
                command.sources().forEach(from -> ALLOWED.get(from).add(command.target()));
            }
        }
    }

    private JobTransitions() {}

    public static boolean isAllowed(JobStatus from, JobStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Throws with a reason a user can act on ("job 12 is completed; only queued or processing jobs can be paused"). */
    public static void require(long jobId, JobStatus from, JobStatus to) {
        if (isAllowed(from, to)) {
            return;
        }
        List<JobStatus> sources = sourcesOf(to);
        String rule = sources.isEmpty()
                ? "no job can be " + verb(to)
                : "only " + JobCommand.describe(EnumSet.copyOf(sources)) + " jobs can be " + verb(to);
        throw new IllegalTransitionException(jobId, from, "job " + jobId + " is " + from.wireName() + "; " + rule);
    }

    /** Only finished jobs may be deleted: deleting a live job would orphan its worker and output. */
    public static void requireDeletable(long jobId, JobStatus current) {
        JobCommand.DELETE.require(jobId, current);
    }

    static List<JobStatus> sourcesOf(JobStatus to) {
        return Arrays.stream(JobStatus.values())
                .filter(from -> isAllowed(from, to))
                .toList();
    }

    private static String verb(JobStatus to) {
        return switch (to) {
            case WAITING -> "put back to waiting";
            case QUEUED -> "queued";
            case PROCESSING -> "started or resumed";
            case PAUSED -> "paused";
            case COMPLETED -> "completed";
            case FAILED -> "marked failed";
            case CANCELLED -> "cancelled";
        };
    }
}
