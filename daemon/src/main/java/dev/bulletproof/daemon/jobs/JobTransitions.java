package dev.bulletproof.daemon.jobs;

import static dev.bulletproof.model.JobStatus.CANCELLED;
import static dev.bulletproof.model.JobStatus.COMPLETED;
import static dev.bulletproof.model.JobStatus.FAILED;
import static dev.bulletproof.model.JobStatus.PAUSED;
import static dev.bulletproof.model.JobStatus.PROCESSING;
import static dev.bulletproof.model.JobStatus.QUEUED;
import static dev.bulletproof.model.JobStatus.WAITING;

import dev.bulletproof.model.JobStatus;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one table of legal job state changes. Every write to a job's status goes through {@link #require}.
 *
 * <p>Decisions worth knowing: a queued job may be paused, which holds it out of the queue until it is
 * resumed (back to queued); a paused job may fail, because crash recovery fails a paused job whose
 * attempts are used up; nothing moves back to waiting, since the settling check happens only once.
 */
public final class JobTransitions {

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = new EnumMap<>(JobStatus.class);

    static {
        ALLOWED.put(WAITING, EnumSet.of(QUEUED, CANCELLED, FAILED));
        ALLOWED.put(QUEUED, EnumSet.of(PROCESSING, PAUSED, CANCELLED));
        ALLOWED.put(PROCESSING, EnumSet.of(PAUSED, COMPLETED, FAILED, CANCELLED, QUEUED));
        ALLOWED.put(PAUSED, EnumSet.of(PROCESSING, QUEUED, CANCELLED, FAILED));
        ALLOWED.put(COMPLETED, EnumSet.of(QUEUED));
        ALLOWED.put(FAILED, EnumSet.of(QUEUED));
        ALLOWED.put(CANCELLED, EnumSet.of(QUEUED));
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
                : "only " + describe(sources) + " jobs can be " + verb(to);
        throw new IllegalTransitionException(jobId, from, "job " + jobId + " is " + from.wireName() + "; " + rule);
    }

    /** Only finished jobs may be deleted: deleting a live job would orphan its worker and output. */
    public static void requireDeletable(long jobId, JobStatus current) {
        if (!current.isFinished()) {
            throw new IllegalTransitionException(
                    jobId,
                    current,
                    "job " + jobId + " is " + current.wireName()
                            + "; only completed, failed or cancelled jobs can be deleted");
        }
    }

    static List<JobStatus> sourcesOf(JobStatus to) {
        return Arrays.stream(JobStatus.values())
                .filter(from -> isAllowed(from, to))
                .toList();
    }

    private static String describe(List<JobStatus> states) {
        List<String> names = states.stream().map(JobStatus::wireName).toList();
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
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
