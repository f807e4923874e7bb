package dev.bulletproof.daemon.jobs;

/**
 * A progress tick of a running job; kept in memory and published, never written to the database.
 *
 * @param fraction 0..1
 * @param fps null when unknown; likewise speed and etaSeconds
 */
public record LiveProgress(
        long jobId, double fraction, Double fps, Double speed, Double etaSeconds, double elapsedSeconds) {}
