package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.MediaFacts;
import dev.bulletproof.model.OnSuccess;
import java.time.Instant;

/**
 * One input file's trip through the queue, as stored.
 *
 * @param inputMtimeMillis the input's modification time when the job was created; with path and size it
 *     identifies the exact file version, so an unchanged file is never processed twice
 * @param statusReason why the job is in its state, in words a user understands
 * @param outputPath the wanted final output; after success, the path actually published
 * @param onSuccess what to do with the input after success; null means the global setting
 * @param priority higher runs first
 * @param attempts how many times a worker started this job since it was created or last retried by hand
 * @param notBefore a queued job waits until then before a worker may claim it (retry backoff); null = now
 * @param processingSeconds wall time of the last run
 * @param version bumped by every write; updates are conditional on it (optimistic locking)
 * @param mediaFacts codecs, frame rate and audio tracks from the probe at queue time; null until probed
 * @param outputSize the published output's size in bytes; null until completed
 * @param thumbnail whether a poster frame was made for this job
 * @param watchFolder the watched folder the file came from (its absolute path as configured then); null for
 *     a job added by hand and for jobs recorded before folders were
 * @param nodeId the node that claimed the job last (decision 0019); null if none has
 * @param lease the lease of that claim: bumped by every claim and every rescue, and checked by each write
 *     of the run's outcome, so a node whose job was taken over writes nothing (decision 0020)
 */
public record Job(
        long id,
        String inputPath,
        long inputSize,
        long inputMtimeMillis,
        String filename,
        JobStatus status,
        String statusReason,
        String profile,
        String outputPath,
        OnSuccess onSuccess,
        int priority,
        int attempts,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        Instant notBefore,
        Double mediaDurationSeconds,
        Long bitrate,
        String resolution,
        Boolean verified,
        Double processingSeconds,
        long version,
        MediaFacts mediaFacts,
        Long outputSize,
        boolean thumbnail,
        String watchFolder,
        String nodeId,
        long lease) {

    /** A job without a recorded watch folder that no node has claimed (or stored before either existed). */
    public Job(
            long id,
            String inputPath,
            long inputSize,
            long inputMtimeMillis,
            String filename,
            JobStatus status,
            String statusReason,
            String profile,
            String outputPath,
            OnSuccess onSuccess,
            int priority,
            int attempts,
            String error,
            Instant createdAt,
            Instant startedAt,
            Instant completedAt,
            Instant notBefore,
            Double mediaDurationSeconds,
            Long bitrate,
            String resolution,
            Boolean verified,
            Double processingSeconds,
            long version,
            MediaFacts mediaFacts,
            Long outputSize,
            boolean thumbnail) {
        this(
                id,
                inputPath,
                inputSize,
                inputMtimeMillis,
                filename,
                status,
                statusReason,
                profile,
                outputPath,
                onSuccess,
                priority,
                attempts,
                error,
                createdAt,
                startedAt,
                completedAt,
                notBefore,
                mediaDurationSeconds,
                bitrate,
                resolution,
                verified,
                processingSeconds,
                version,
                mediaFacts,
                outputSize,
                thumbnail,
                null,
                null,
                0);
    }

    /** A job as stored before media facts existed, or before its probe ran. */
    public Job(
            long id,
            String inputPath,
            long inputSize,
            long inputMtimeMillis,
            String filename,
            JobStatus status,
            String statusReason,
            String profile,
            String outputPath,
            OnSuccess onSuccess,
            int priority,
            int attempts,
            String error,
            Instant createdAt,
            Instant startedAt,
            Instant completedAt,
            Instant notBefore,
            Double mediaDurationSeconds,
            Long bitrate,
            String resolution,
            Boolean verified,
            Double processingSeconds,
            long version) {
        this(
                id,
                inputPath,
                inputSize,
                inputMtimeMillis,
                filename,
                status,
                statusReason,
                profile,
                outputPath,
                onSuccess,
                priority,
                attempts,
                error,
                createdAt,
                startedAt,
                completedAt,
                notBefore,
                mediaDurationSeconds,
                bitrate,
                resolution,
                verified,
                processingSeconds,
                version,
                null,
                null,
                false);
    }

    /** The lease this job was claimed under, for the writes of its run. */
    public Lease leaseHeld() {
        return new Lease(id, lease);
    }

    /** Input size over output size, or null until there is an output of known size. */
    public Double compressionRatio() {
        return outputSize == null || outputSize <= 0 ? null : (double) inputSize / outputSize;
    }
}
