package dev.bulletproof.model;

import java.time.Instant;

/**
 * One bar of {@code GET /api/stats/history}: jobs that finished in {@code [start, start + bucket)}.
 *
 * @param avgProcessingSeconds mean processing wall time of the bucket's completed jobs; 0 when none
 * @param mediaSecondsProcessed total media duration of the bucket's completed jobs
 */
public record HistoryBucketModel(
        Instant start, long completed, long failed, double avgProcessingSeconds, double mediaSecondsProcessed) {}
