package dev.bulletproof.model;

import java.time.Instant;

/**
 * One finished job of {@code GET /api/stats/timeline}, for the processing-time distribution chart.
 *
 * @param status "completed", "failed" or "cancelled"
 * @param processingSeconds wall time spent processing; null when the job never ran
 * @param mediaSeconds the input's media duration; null when unknown
 */
public record TimelinePointModel(
        String jobId,
        String filename,
        String profile,
        String status,
        Instant completedAt,
        Double processingSeconds,
        Double mediaSeconds) {}
