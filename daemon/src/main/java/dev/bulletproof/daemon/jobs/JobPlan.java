package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.OnSuccess;

/**
 * What the rules decided for a file, plus what the probe learned about it; fixed when a job is queued.
 *
 * @param onSuccess null means the global setting
 * @param mediaDurationSeconds null when unknown (probe failed or not run yet)
 * @param rule which rule chose the profile, in words ("rule 2 (*.mov)"), for the daemon's log; null when
 *     no rule was involved (a job added by hand)
 */
public record JobPlan(
        String profile,
        String outputPath,
        OnSuccess onSuccess,
        int priority,
        Double mediaDurationSeconds,
        Long bitrate,
        String resolution,
        String rule) {

    public JobPlan(
            String profile,
            String outputPath,
            OnSuccess onSuccess,
            int priority,
            Double mediaDurationSeconds,
            Long bitrate,
            String resolution) {
        this(profile, outputPath, onSuccess, priority, mediaDurationSeconds, bitrate, resolution, null);
    }

    public static JobPlan of(String profile, String outputPath, int priority) {
        return new JobPlan(profile, outputPath, null, priority, null, null, null);
    }
}
