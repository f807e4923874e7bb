package dev.bulletproof.daemon.jobs;

import java.nio.file.Path;
import java.util.List;

/**
 * The publish journal. Each write is durable when it returns; the row of a job is removed by the same
 * transaction that records it as completed ({@link JobRepository#markCompleted}), so a row found at start
 * always belongs to a publish sequence that a crash interrupted.
 */
public interface PublishIntentStore {

    /**
     * Records that {@code intent}'s verified temporary file is about to be renamed to its final name.
     *
     * @return false, recording nothing, when the job may no longer publish (it was cancelled a moment ago)
     */
    boolean record(PublishIntent intent);

    /**
     * {@link #record(PublishIntent)} by the run holding {@code lease}: false, recording nothing, also when the
     * job was given to another node since (decision 0020), so the run discards its output unpublished.
     */
    boolean record(PublishIntent intent, Lease lease);

    /** The final name was taken by someone else just before the rename; the next free one is used. */
    void retarget(long jobId, Path finalPath);

    /** The input's on_success action is about to run ({@code target} is where a move puts it). */
    void recordDisposal(long jobId, PublishIntent.Disposal disposal, Path target);

    /** Nothing was published (the rename failed, or recovery rolled the sequence back). */
    void discard(long jobId);

    /** Every interrupted publish sequence, oldest job first. */
    List<PublishIntent> all();
}
