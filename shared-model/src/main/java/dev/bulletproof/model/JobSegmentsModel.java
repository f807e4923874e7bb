package dev.bulletproof.model;

import java.util.List;

/**
 * {@code GET /api/jobs/{id}/segments}: how a job is encoded, and its units of work when it is segmented
 * (docs/segmented-encoding.md).
 *
 * @param mode {@code segmented}, or {@code single} when the job runs (or ran) as one piece
 * @param segments the video segments in time order, then the audio; empty for a single piece
 */
public record JobSegmentsModel(String jobId, String mode, List<Segment> segments) {

    /**
     * One unit of work.
     *
     * @param kind {@code video} or {@code audio} (the audio is encoded once for the whole file)
     * @param state {@code queued}, {@code running} or {@code done} (verified and recorded)
     * @param sizeBytes the verified file's size; null until done
     * @param node the node that encoded it last; null until started
     * @param worker that node's worker number; null until started
     */
    public record Segment(
            String kind,
            int index,
            double startSeconds,
            double durationSeconds,
            long startFrame,
            long frameCount,
            String state,
            int attempts,
            Long sizeBytes,
            String node,
            Integer worker) {}
}
