package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.OnSuccess;

/**
 * What the rules decided for a file, plus what the probe learned about it; fixed when a job is queued.
 *
 * @param onSuccess null means the global setting
 * @param mediaDurationSeconds null when unknown (probe failed or not run yet)
 */
public record JobPlan(
        String profile,
        String outputPath,
        OnSuccess onSuccess,
        int priority,
        Double mediaDurationSeconds,
        Long bitrate,
        String resolution) {

    public static JobPlan of(String profile, String outputPath, int priority) {
        return new JobPlan(profile, outputPath, null, priority, null, null, null);
    }
}
