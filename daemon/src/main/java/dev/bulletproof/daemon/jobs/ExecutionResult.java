package dev.bulletproof.daemon.jobs;

/**
 * How an execution ended.
 *
 * @param outputPath the published output (after success); may differ from the planned one on a name collision
 * @param error what went wrong, in words, for FAILED and STALLED
 * @param verified whether the output passed verification; null when there was nothing to verify
 * @param retryable whether running it again may help (a crash or a stall may; an unreadable input will not)
 * @param outputSize the published output's size in bytes, or null when there is none or it is unknown
 */
public record ExecutionResult(
        Outcome outcome,
        String outputPath,
        String error,
        Boolean verified,
        Double mediaDurationSeconds,
        Long bitrate,
        String resolution,
        double processingSeconds,
        boolean retryable,
        Long outputSize) {

    public ExecutionResult(
            Outcome outcome,
            String outputPath,
            String error,
            Boolean verified,
            Double mediaDurationSeconds,
            Long bitrate,
            String resolution,
            double processingSeconds,
            boolean retryable) {
        this(
                outcome,
                outputPath,
                error,
                verified,
                mediaDurationSeconds,
                bitrate,
                resolution,
                processingSeconds,
                retryable,
                null);
    }

    public enum Outcome {
        SUCCEEDED,
        FAILED,
        CANCELLED,
        /** No progress for too long; the process was killed. */
        STALLED
    }

    public static ExecutionResult succeeded(String outputPath, boolean verified, double processingSeconds) {
        return new ExecutionResult(
                Outcome.SUCCEEDED, outputPath, null, verified, null, null, null, processingSeconds, false);
    }

    public static ExecutionResult failed(String error, boolean retryable, double processingSeconds) {
        return new ExecutionResult(Outcome.FAILED, null, error, null, null, null, null, processingSeconds, retryable);
    }

    public static ExecutionResult stalled(String error, double processingSeconds) {
        return new ExecutionResult(Outcome.STALLED, null, error, null, null, null, null, processingSeconds, true);
    }

    public static ExecutionResult cancelled(double processingSeconds) {
        return new ExecutionResult(Outcome.CANCELLED, null, null, null, null, null, null, processingSeconds, false);
    }
}
