package dev.bulletproof.model;

import java.time.Instant;
import java.util.List;

/**
 * One job as the API shows it: the seed's JobModel ({@code id, filename, status, progress, started_at,
 * completed_at, error, profile, duration}) plus the extended fields of the architecture.
 *
 * @param progress 0..1
 * @param duration the input's media duration in seconds (not the processing time)
 * @param bitrate the input's overall bitrate in bits per second
 * @param resolution the input's video size as {@code WIDTHxHEIGHT}
 * @param statusReason why the job is in its state, in words (for example "settling: 3.1 MB, unchanged for 1.2 s")
 * @param elapsedSeconds processing wall time so far (or in total, once finished)
 * @param verified whether the output passed verification; null until there is an output to verify
 * @param allowedActions what the daemon accepts for this job in its state: clients offer exactly these
 * @param inputSize the input file's size in bytes when the job was created
 * @param media codecs, frame rate and audio tracks from the probe at queue time; null until probed
 * @param outputSize the published output's size in bytes; null until the job completed
 * @param compressionRatio input size divided by output size (2.0 = half the size); null until completed
 * @param thumbnail whether GET /api/jobs/{id}/thumbnail has a poster frame for this job
 * @param node the name of the node that runs or ran the job; null while no node has claimed it
 * @param watchFolder the watched folder the file came from, as its path (what {@code GET /api/jobs?folder=}
 *     takes); null for a job added by hand or recorded before folders were
 */
public record JobModel(
        String id,
        String filename,
        JobStatus status,
        double progress,
        Instant startedAt,
        Instant completedAt,
        String error,
        String profile,
        Double duration,
        Long bitrate,
        String resolution,
        String inputPath,
        String outputPath,
        int priority,
        int attempts,
        Instant createdAt,
        Double elapsedSeconds,
        Double fps,
        Double speed,
        Double etaSeconds,
        Boolean verified,
        String statusReason,
        List<JobAction> allowedActions,
        Long inputSize,
        MediaFacts media,
        Long outputSize,
        Double compressionRatio,
        boolean thumbnail,
        String node,
        String watchFolder) {

    public JobModel {
        allowedActions = allowedActions == null ? List.of() : List.copyOf(allowedActions);
    }

    /** A job no node has claimed and without a recorded watch folder (or from an older daemon). */
    public JobModel(
            String id,
            String filename,
            JobStatus status,
            double progress,
            Instant startedAt,
            Instant completedAt,
            String error,
            String profile,
            Double duration,
            Long bitrate,
            String resolution,
            String inputPath,
            String outputPath,
            int priority,
            int attempts,
            Instant createdAt,
            Double elapsedSeconds,
            Double fps,
            Double speed,
            Double etaSeconds,
            Boolean verified,
            String statusReason,
            List<JobAction> allowedActions,
            Long inputSize,
            MediaFacts media,
            Long outputSize,
            Double compressionRatio,
            boolean thumbnail) {
        this(
                id,
                filename,
                status,
                progress,
                startedAt,
                completedAt,
                error,
                profile,
                duration,
                bitrate,
                resolution,
                inputPath,
                outputPath,
                priority,
                attempts,
                createdAt,
                elapsedSeconds,
                fps,
                speed,
                etaSeconds,
                verified,
                statusReason,
                allowedActions,
                inputSize,
                media,
                outputSize,
                compressionRatio,
                thumbnail,
                null,
                null);
    }

    /** A job without the media facts of its input and output (before the probe, or from an older daemon). */
    public JobModel(
            String id,
            String filename,
            JobStatus status,
            double progress,
            Instant startedAt,
            Instant completedAt,
            String error,
            String profile,
            Double duration,
            Long bitrate,
            String resolution,
            String inputPath,
            String outputPath,
            int priority,
            int attempts,
            Instant createdAt,
            Double elapsedSeconds,
            Double fps,
            Double speed,
            Double etaSeconds,
            Boolean verified,
            String statusReason,
            List<JobAction> allowedActions) {
        this(
                id,
                filename,
                status,
                progress,
                startedAt,
                completedAt,
                error,
                profile,
                duration,
                bitrate,
                resolution,
                inputPath,
                outputPath,
                priority,
                attempts,
                createdAt,
                elapsedSeconds,
                fps,
                speed,
                etaSeconds,
                verified,
                statusReason,
                allowedActions,
                null,
                null,
                null,
                null,
                false);
    }
}
