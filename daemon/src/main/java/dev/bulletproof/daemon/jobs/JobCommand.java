package dev.bulletproof.daemon.jobs;

import static dev.bulletproof.model.JobStatus.CANCELLED;
import static dev.bulletproof.model.JobStatus.COMPLETED;
import static dev.bulletproof.model.JobStatus.FAILED;
import static dev.bulletproof.model.JobStatus.PAUSED;
import static dev.bulletproof.model.JobStatus.PROCESSING;
import static dev.bulletproof.model.JobStatus.QUEUED;
import static dev.bulletproof.model.JobStatus.WAITING;

import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one table of job commands: for each, the states it may start from, the state it leads to and the
 * history entry it writes. Every write of a job's status goes through {@link #require}; the legal state
 * graph ({@link JobTransitions}) and the actions a client may offer ({@link #allowedActions}) are derived
 * from it.
 *
 * <p>Decisions worth knowing: a queued job may be paused, which holds it out of the queue until it is
 * resumed (back to queued); a paused job may fail, because crash recovery fails a paused job whose attempts
 * are used up; nothing moves back to waiting, since the settling check happens only once.
 */
public enum JobCommand {
    /** A waiting job's settling text changes; its status does not. */
    UPDATE_SETTLING(EnumSet.of(WAITING), null, null, "settling"),
    QUEUE(EnumSet.of(WAITING), QUEUED, JobEventType.QUEUED, "queued"),
    /** The settled file is a version another job already handled. */
    DROP_DUPLICATE(EnumSet.of(WAITING), CANCELLED, JobEventType.CANCELLED, "dropped as a duplicate"),
    CLAIM(EnumSet.of(QUEUED), PROCESSING, JobEventType.STARTED, "started"),
    COMPLETE(EnumSet.of(PROCESSING), COMPLETED, JobEventType.COMPLETED, "completed"),
    FAIL(EnumSet.of(WAITING, PROCESSING, PAUSED), FAILED, JobEventType.FAILED, "marked failed"),
    SCHEDULE_RETRY(EnumSet.of(PROCESSING), QUEUED, JobEventType.RETRIED, "retried automatically"),
    REQUEUE_AFTER_STOP(EnumSet.of(PROCESSING, PAUSED), QUEUED, JobEventType.REQUEUED, "put back in the queue"),
    /** Start-up found it running: the previous daemon died. */
    RECOVER(EnumSet.of(PROCESSING, PAUSED), QUEUED, JobEventType.RECOVERED, "recovered"),
    RECOVER_EXHAUSTED(EnumSet.of(PROCESSING, PAUSED), FAILED, JobEventType.RECOVERED, "recovered"),
    PAUSE(EnumSet.of(QUEUED, PROCESSING), PAUSED, JobEventType.PAUSED, "paused"),
    /** A suspended encode continues. */
    RESUME_RUNNING(EnumSet.of(PAUSED), PROCESSING, JobEventType.RESUMED, "resumed"),
    /** A held job (or one whose encode is gone) goes back to the queue. */
    RELEASE(EnumSet.of(PAUSED), QUEUED, JobEventType.RESUMED, "resumed"),
    CANCEL(EnumSet.of(WAITING, QUEUED, PROCESSING, PAUSED), CANCELLED, JobEventType.CANCELLED, "cancelled"),
    RETRY(EnumSet.of(COMPLETED, FAILED, CANCELLED), QUEUED, JobEventType.RETRIED, "retried"),
    /** Only finished jobs: deleting a live job would orphan its worker and output. */
    DELETE(EnumSet.of(COMPLETED, FAILED, CANCELLED), null, null, "deleted"),
    SET_PRIORITY(EnumSet.allOf(JobStatus.class), null, JobEventType.PRIORITY_CHANGED, "reprioritised");

    private final Set<JobStatus> sources;
    private final JobStatus target;
    private final JobEventType event;
    private final String verb;

    JobCommand(Set<JobStatus> sources, JobStatus target, JobEventType event, String verb) {
        this.sources = sources;
        this.target = target;
        this.event = event;
        this.verb = verb;
    }

    public Set<JobStatus> sources() {
        return EnumSet.copyOf(sources);
    }

    /** The state the job ends in; null when the command leaves the status as it is (or deletes the job). */
    public JobStatus target() {
        return target;
    }

    /** The history entry written with the change; null when none is written. */
    public JobEventType event() {
        return event;
    }

    public boolean allowsFrom(JobStatus status) {
        return sources.contains(status);
    }

    /** Throws with a reason a user can act on ("job 12 is completed; only queued or processing jobs can be paused"). */
    public void require(long jobId, JobStatus current) {
        if (!allowsFrom(current)) {
            throw new IllegalTransitionException(
                    jobId,
                    current,
                    "job " + jobId + " is " + current.wireName() + "; only " + describe(sources) + " jobs can be "
                            + verb);
        }
    }

    /** The commands a person's action runs; resume is one of two, depending on whether the encode still exists. */
    static List<JobCommand> commandsOf(JobAction action) {
        return switch (action) {
            case PAUSE -> List.of(PAUSE);
            case RESUME -> List.of(RESUME_RUNNING, RELEASE);
            case CANCEL -> List.of(CANCEL);
            case RETRY -> List.of(RETRY);
            case DELETE -> List.of(DELETE);
            case PRIORITY -> List.of(SET_PRIORITY);
        };
    }

    /** What a client may offer for a job in {@code status}, in a stable order. */
    public static List<JobAction> allowedActions(JobStatus status) {
        return Arrays.stream(JobAction.values())
                .filter(action -> commandsOf(action).stream().anyMatch(command -> command.allowsFrom(status)))
                .toList();
    }

    /** "queued or processing", in the order of the states. */
    static String describe(Set<JobStatus> states) {
        List<String> names = states.stream().sorted().map(JobStatus::wireName).toList();
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
