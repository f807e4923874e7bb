package dev.bulletproof.daemon.jobs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A verified output that is about to take, or has taken, its final name: the durable record that makes the
 * publish sequence exactly-once under a crash (see docs/decisions/0003-exactly-once-publish.md).
 *
 * @param size the verified temporary file's size in bytes
 * @param fingerprint identifies the verified bytes (see media.OutputFingerprint), so recovery can tell
 *     our output from another file that took the same name
 * @param processingSeconds the encode's wall time, recorded with the job when recovery completes it
 * @param disposal the input's on_success action once it is about to run; null before that
 * @param disposalTarget where the input is being moved, for {@link Disposal#MOVE}
 */
public record PublishIntent(
        long jobId,
        Path tempPath,
        Path finalPath,
        long size,
        String fingerprint,
        double processingSeconds,
        Disposal disposal,
        Path disposalTarget) {

    public enum Disposal {
        DELETE,
        MOVE
    }

    public PublishIntent {
        Objects.requireNonNull(tempPath, "tempPath");
        Objects.requireNonNull(finalPath, "finalPath");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (disposal == Disposal.MOVE && disposalTarget == null) {
            throw new IllegalArgumentException("a move needs its target");
        }
    }

    public static PublishIntent beforeRename(
            long jobId, Path tempPath, Path finalPath, long size, String fingerprint, double processingSeconds) {
        return new PublishIntent(jobId, tempPath, finalPath, size, fingerprint, processingSeconds, null, null);
    }
}
