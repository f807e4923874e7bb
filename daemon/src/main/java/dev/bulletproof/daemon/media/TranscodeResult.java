package dev.bulletproof.daemon.media;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How an encode ended.
 *
 * @param output the published file, null unless {@link Outcome#SUCCEEDED}
 * @param error the meaningful ffmpeg stderr lines or a plain reason; null on success
 * @param input the probed input, null when it could not be probed
 * @param outputInfo the probed output, null unless verified
 * @param failureKind whether a retry may help; null unless {@link Outcome#FAILED} or {@link Outcome#STALLED}
 */
public record TranscodeResult(
        Outcome outcome,
        Path output,
        String error,
        MediaInfo input,
        MediaInfo outputInfo,
        boolean verified,
        Duration elapsed,
        FailureKind failureKind) {

    public enum Outcome {
        SUCCEEDED,
        FAILED,
        CANCELLED,
        STALLED
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }

    static TranscodeResult failed(String error, FailureKind kind, MediaInfo input, Duration elapsed) {
        return new TranscodeResult(Outcome.FAILED, null, error, input, null, false, elapsed, kind);
    }
}
