package dev.bulletproof.daemon.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable job store. Every status change is checked against the command table ({@link JobCommand}), written with
 * an optimistic version check, and recorded in the job's history in the same transaction.
 *
 * <p>Methods taking a job id throw {@link JobNotFoundException} for an unknown id and
 * {@link IllegalTransitionException} when the job's state does not allow the change.
 */
public interface JobRepository {

    /**
     * Creates a job for a file unless the same file version (path, size, mtime) already has one in any
     * state: finished files are not processed again after a restart, and failed or cancelled ones only
     * when someone retries them. A changed file (new size or mtime) gets a new job.
     */
    Registration registerFile(NewFile file);

    /** {@link #registerFile} for many files in one transaction; the folder scanner's path at start-up. */
    List<Registration> registerFiles(List<NewFile> files);

    /** Updates the settling text of a waiting job; not recorded in the history, it changes too often. */
    Job updateWaiting(long id, String reason);

    /**
     * The whole profile the job was planned with (JSON, see {@code PlannedProfile}), or empty for a job
     * queued before plans were kept or added without one: it runs by its profile's name.
     */
    Optional<String> plannedProfile(long id);

    /** A waiting job's file settled and matched a rule: waiting to queued with its plan. */
    Job markQueued(long id, JobPlan plan);

    /**
     * Waiting jobs whose files settled, in one transaction: each takes the file's final size and mtime
     * (its identity for de-duplication) and its plan, and is queued. A job that is no longer waiting is
     * skipped; one whose final file version already has another job is cancelled as a duplicate.
     *
     * @return the jobs changed
     */
    List<Job> markReady(List<ReadyFile> files);

    /**
     * Takes the next runnable job (queued, not held back by a retry delay; highest priority, then
     * oldest) and moves it to processing, counting an attempt. Safe against other claimers, in this
     * process or another one on the same file: a job is claimed at most once.
     */
    default Optional<Job> claimNext(Instant now) {
        return claimNext(now, job -> true);
    }

    /**
     * Like {@link #claimNext(Instant)}, passing over the candidates {@code admit} refuses (a job whose output
     * would not fit on its disk); {@code admit} is asked in claim order, inside the claim.
     */
    default Optional<Job> claimNext(Instant now, java.util.function.Predicate<Job> admit) {
        return claimNext(now, admit, ClaimFolders.ANY);
    }

    /**
     * Like {@link #claimNext(Instant, java.util.function.Predicate)}, taking only jobs of the watch folders
     * {@code folders} admits; the others are left out in the query itself (schedules per folder, decision
     * 0032), so a closed folder's queue neither uses up the candidates nor is locked by this claim.
     */
    Optional<Job> claimNext(Instant now, java.util.function.Predicate<Job> admit, ClaimFolders folders);

    /**
     * Like {@link #claimNext(Instant, java.util.function.Predicate)}, leaving out the jobs {@code passOver}
     * names before the candidates are chosen (jobs whose input this node cannot read, decision 0030), so
     * they neither use up the candidates nor are locked by this claim.
     */
    default Optional<Job> claimNext(
            Instant now, java.util.function.Predicate<Job> admit, java.util.Set<Long> passOver) {
        return claimNext(now, admit, passOver, ClaimFolders.ANY);
    }

    /** Both of the above: jobs {@code passOver} names and jobs of folders {@code folders} refuses are left out. */
    default Optional<Job> claimNext(
            Instant now, java.util.function.Predicate<Job> admit, java.util.Set<Long> passOver, ClaimFolders folders) {
        return claimNext(now, job -> !passOver.contains(job.id()) && admit.test(job), folders);
    }

    /**
     * Shows why a queued job does not start yet, in its status reason ("waiting for disk space: …"); not
     * recorded in the history. A job that is no longer queued is returned unchanged.
     */
    Job noteHeld(long id, String reason);

    /** The earliest future time at which a queued job becomes claimable, if some job waits for one. */
    Optional<Instant> nextNotBefore(Instant now);

    Job markCompleted(long id, ExecutionResult result);

    /**
     * Keeps what the probe learned about the job's input, in any state; not recorded in the history, it is
     * a fact about the file and no state change. Values already known (from a run) are not overwritten.
     */
    Job recordInputMedia(long id, InputMedia media);

    /** Notes that the job's poster frame exists, so clients ask for it. */
    Job recordThumbnail(long id);

    /** Processing, paused or waiting (file vanished) to failed, with the error for the user. */
    Job markFailed(long id, String error, Double processingSeconds);

    /** Processing to queued after a failed attempt; claimable again from {@code notBefore}. */
    Job scheduleRetry(long id, Instant notBefore, String reason, String error, Double processingSeconds);

    /** Processing or paused to queued because the daemon is stopping; the interrupted attempt is not counted. */
    Job requeueAfterStop(long id);

    // The writes of a run, under the lease its claim gave it (decision 0020). Each throws
    // LeaseLostException, writing nothing, when the job has been given to another node since.

    /** {@link #markCompleted(long, ExecutionResult)} by the run holding {@code lease}. */
    Job markCompleted(Lease lease, ExecutionResult result);

    /** {@link #markFailed(long, String, Double)} by the run holding {@code lease}. */
    Job markFailed(Lease lease, String error, Double processingSeconds);

    /** {@link #scheduleRetry(long, Instant, String, String, Double)} by the run holding {@code lease}. */
    Job scheduleRetry(Lease lease, Instant notBefore, String reason, String error, Double processingSeconds);

    /** {@link #requeueAfterStop(long)} by the run holding {@code lease}. */
    Job requeueAfterStop(Lease lease);

    /** The leases of the jobs this store's node holds now (running or paused while running). */
    List<Lease> leasesHeld();

    /**
     * Re-queues the running jobs of every node whose last heartbeat is older than {@code nodeTimeout} by the
     * database's clock (or of no known node), as start-up recovery does for a node's own: the attempt stays
     * counted, and a job out of attempts fails. Each rescue bumps the job's lease, so the old node can write
     * nothing more for it. A job held while queued, and one with an unfinished publish, are left alone.
     *
     * @return the jobs changed
     */
    List<Job> rescueJobsOfDeadNodes(Duration nodeTimeout, int maxAttempts);

    /**
     * Re-queues, as a rescue would, this node's jobs under {@code orphans} that still hold those leases: jobs
     * whose runs this node stopped itself when it presumed its leases lost, but that no other node took.
     */
    List<Job> recoverOrphans(List<Lease> orphans, int maxAttempts);

    /** Queued to paused (held out of the queue) or processing to paused (suspended). */
    Job pause(long id);

    /** Paused to processing: the suspended execution continues. */
    Job resumeRunning(long id);

    /** Paused to queued: a held job (or one whose execution is gone) goes back to the queue. */
    Job release(long id);

    /** Waiting, queued, processing or paused to cancelled. */
    Job cancel(long id, String reason);

    /**
     * Completed, failed or cancelled to queued. The attempt count starts again from zero: a person
     * asked for a fresh try, and the earlier attempts stay visible in the job's history. The job keeps
     * the profile it was planned with.
     */
    default Job retry(long id) {
        return retry(id, null);
    }

    /**
     * {@link #retry(long)} with the profile planned again: {@code plannedProfile} (JSON, see
     * {@code PlannedProfile}) replaces the kept one in the same write, so a profile fixed in the config
     * after a job failed is the one its retry runs with; null keeps the kept one.
     */
    Job retry(long id, String plannedProfile);

    /** Deletes a finished job and its history; never touches files. */
    void delete(long id);

    Job setPriority(long id, int priority);

    Optional<Job> find(long id);

    /** Like {@link #find} but throws {@link JobNotFoundException}. */
    Job get(long id);

    /** Newest first. */
    List<Job> list(JobFilter filter);

    long count(JobFilter filter);

    /** The job's history, oldest first. */
    List<JobHistoryEntry> events(long jobId);

    /**
     * Run once at start, before any worker: a job found processing, or paused while it ran, was
     * interrupted by a crash or a stop (no process of ours can be alive). On a database shared by nodes,
     * only this node's own jobs: another node's are running there, or are the rescuer's. A job held while still queued
     * stays paused. It goes back to queued, its attempt counted, or to failed when
     * {@code maxAttempts} are used up. Returns the jobs changed, so their temporary outputs can be removed.
     */
    List<Job> recoverAfterCrash(int maxAttempts);
}
