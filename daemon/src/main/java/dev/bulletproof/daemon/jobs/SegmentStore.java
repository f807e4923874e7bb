package dev.bulletproof.daemon.jobs;

import java.util.List;

/**
 * The units of work of segmented encodes (docs/decisions/0027-segmented-encoding.md). Every write of a run
 * names the lease its job was claimed with and is made only while the job is running under that lease
 * (decision 0020); otherwise it writes nothing and throws {@link LeaseLostException}. Each write is durable
 * when it returns.
 */
public interface SegmentStore {

    /**
     * Records the plan of a segmented run and returns the job's segments. A plan already recorded for the job
     * (an earlier run that a crash or a restart interrupted) is kept as it is when it has the same units of
     * work, so what was done stays done; a different one (the settings changed in between) replaces it.
     *
     * @throws LeaseLostException when the job is no longer running under {@code lease}
     */
    List<JobSegment> plan(Lease lease, List<JobSegment.Planned> segments);

    /**
     * A segment's encode starts on {@code nodeId}'s worker {@code worker}: it is running and its attempt
     * counted.
     *
     * @throws LeaseLostException when the job is no longer running under {@code lease}
     */
    JobSegment start(Lease lease, JobSegment.Kind kind, int index, String nodeId, int worker);

    /**
     * A segment's file was verified: it is done, with the file's size and SHA-256, and its piece on disk.
     *
     * @throws LeaseLostException when the job is no longer running under {@code lease}
     */
    JobSegment finish(Lease lease, JobSegment.Kind kind, int index, long sizeBytes, String sha256);

    /**
     * A segment must be encoded again (its encode failed, or its file is missing or no longer the one
     * recorded): it is queued, its size and checksum forgotten; its attempts stay counted.
     *
     * @throws LeaseLostException when the job is no longer running under {@code lease}
     */
    JobSegment requeue(Lease lease, JobSegment.Kind kind, int index);

    /** The job's segments, video in time order and then the audio; empty for a job run as one piece. */
    List<JobSegment> of(long jobId);

    /**
     * The pieces of the job's segments were removed from beside the output (after the join, when the job was
     * cancelled, or by start-up clean-up). The rows stay, as the record of how the output was made.
     */
    void piecesRemoved(long jobId);

    /** Jobs that are completed, failed or cancelled whose pieces are still on disk: what start-up cleans up. */
    List<Long> finishedJobsWithPiecesOnDisk();
}
