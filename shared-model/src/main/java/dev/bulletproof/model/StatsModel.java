package dev.bulletproof.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The summary the dashboard's stats cards show: the seed's StatsModel plus queue counts.
 *
 * @param avgDuration the mean processing wall time of completed jobs, in seconds
 * @param last24h jobs finished (completed or failed) in the last 24 hours
 */
public record StatsModel(
        long totalJobs,
        long successful,
        long failed,
        double avgDuration,
        long inProgress,
        long queued,
        long cancelled,
        @JsonProperty("last_24h") long last24h) {

    /** The seed's five fields only; the queue counts start at zero. */
    public StatsModel(long totalJobs, long successful, long failed, double avgDuration, long inProgress) {
        this(totalJobs, successful, failed, avgDuration, inProgress, 0, 0, 0);
    }
}
