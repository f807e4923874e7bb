package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.OnSuccess;

/**
 * What the rules decided for a file, plus what the probe learned about it; fixed when a job is queued.
 *
 * @param onSuccess null means the global setting
 * @param mediaDurationSeconds null when unknown (probe failed or not run yet)
 * @param rule which rule chose the profile, in words ("rule 2 (*.mov)"), for the daemon's log; null when
 *     no rule was involved (a job added by hand)
 * @param plannedProfile the whole profile as JSON (see {@code PlannedProfile}), kept in the job row so
 *     every node runs the job with the same definition; null runs it by the profile's name
 */
public record JobPlan(
        String profile,
        String outputPath,
        OnSuccess onSuccess,
        int priority,
        Double mediaDurationSeconds,
        Long bitrate,
        String resolution,
        String rule,
        String plannedProfile) {

    public JobPlan(
            String profile,
            String outputPath,
            OnSuccess onSuccess,
            int priority,
            Double mediaDurationSeconds,
            Long bitrate,
            String resolution) {
        this(profile, outputPath, onSuccess, priority, mediaDurationSeconds, bitrate, resolution, null, null);
    }

    /** This plan with the profile's whole definition, as {@code PlannedProfile.toJson} wrote it. */
    public JobPlan withPlannedProfile(String json) {
        return new JobPlan(
                profile, outputPath, onSuccess, priority, mediaDurationSeconds, bitrate, resolution, rule, json);
    }

    /** This plan with another output path (a node's own mount of the same share, say). */
    public JobPlan withOutputPath(String path) {
        return new JobPlan(
                profile, path, onSuccess, priority, mediaDurationSeconds, bitrate, resolution, rule, plannedProfile);
    }

    public static JobPlan of(String profile, String outputPath, int priority) {
        return new JobPlan(profile, outputPath, null, priority, null, null, null);
    }
}
