package dev.bulletproof.daemon.history;

import dev.bulletproof.model.StatsModel;
import java.time.Instant;
import java.util.List;

/** Statistics computed from the per-job history, so they can always be recomputed. */
public interface History {
    /** GET /api/stats: totals over all jobs; avg_duration = mean processing wall time of completed jobs; last_24h = jobs finished in the last 24 h. */
    StatsModel summary();
    /** GET /api/stats/history: buckets of [from, to) by "hour" or "day" (UTC), oldest first, empty buckets included. */
    List<HistoryBucket> buckets(Instant from, Instant to, String bucket);
    /** GET /api/stats/timeline: one point per finished job in [from, to), oldest first, at most `limit`. */
    List<TimelinePoint> timeline(Instant from, Instant to, int limit);

    record HistoryBucket(
            Instant start, long completed, long failed, double avgProcessingSeconds, double mediaSecondsProcessed) {}

    record TimelinePoint(
            long jobId,
            String filename,
            String profile,
            String status,
            Instant completedAt,
            Double processingSeconds,
            Double mediaSeconds) {}
}
