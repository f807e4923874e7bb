package dev.bulletproof.daemon.jobs;

import java.time.Duration;

/**
 * How the worker pool runs jobs.
 *
 * @param maxWorkers jobs running at once, 1..64; changeable live through the pool
 * @param maxAttempts runs of a job before a failure is final (a hand retry starts the count again)
 * @param retryBackoffBase delay before the second attempt; doubles for each further attempt
 * @param retryBackoffCap the longest delay between attempts
 */
public record WorkerSettings(int maxWorkers, int maxAttempts, Duration retryBackoffBase, Duration retryBackoffCap) {

    public static final int MIN_WORKERS = 1;
    public static final int MAX_WORKERS = 64;

    public WorkerSettings {
        requireWorkerCount(maxWorkers);
        if (maxAttempts < 1) {
            throw new InvalidPoolSettingException("max attempts must be at least 1, was " + maxAttempts);
        }
        if (retryBackoffBase.isNegative() || retryBackoffCap.compareTo(retryBackoffBase) < 0) {
            throw new InvalidPoolSettingException("retry backoff must be positive and below its cap, was "
                    + retryBackoffBase + " capped at " + retryBackoffCap);
        }
    }

    public static WorkerSettings defaults() {
        return new WorkerSettings(2, 3, Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    /** The wait before attempt {@code failedAttempts + 1}: base, 2 x base, 4 x base ..., capped. */
    public Duration backoffAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = retryBackoffBase.multipliedBy(1L << doublings);
        return delay.compareTo(retryBackoffCap) > 0 ? retryBackoffCap : delay;
    }

    static void requireWorkerCount(int workers) {
        if (workers < MIN_WORKERS || workers > MAX_WORKERS) {
            throw new InvalidPoolSettingException(
                    "max workers must be between " + MIN_WORKERS + " and " + MAX_WORKERS + ", was " + workers);
        }
    }
}
