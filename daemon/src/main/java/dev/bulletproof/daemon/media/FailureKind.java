package dev.bulletproof.daemon.media;

import java.util.List;
import java.util.Locale;

/**
 * Why an encode failed, which decides whether running it again can help. A source that is not media, a
 * still image, or a file cut short fails the same way every time: it fails at once, with what to do. An
 * encoder that was killed or stalled, a full disk or an I/O error may be gone on the next attempt.
 */
public enum FailureKind {
    /** The source file is at fault; retrying cannot help. */
    INPUT,
    /** Something around the encode went wrong (killed, stalled, disk full, I/O error); retried with backoff. */
    TRANSIENT;

    public boolean retryable() {
        return this == TRANSIENT;
    }

    /** What ffmpeg prints when it reads a source it cannot make sense of. */
    private static final List<String> SOURCE_ERRORS = List.of(
            "invalid data found when processing input",
            "moov atom not found",
            "error while decoding",
            "error reading header",
            "does not contain any stream",
            "invalid nal unit",
            "truncat",
            "corrupt");

    /** What ffmpeg prints when the machine, not the source, is the problem. */
    private static final List<String> MACHINE_ERRORS =
            List.of("no space left on device", "input/output error", "cannot allocate memory", "disk quota exceeded");

    /**
     * Classifies an encode that ended with a non-zero exit from what ffmpeg printed. A machine error wins
     * (a full disk can make a healthy source look unreadable); an exit without a known source error is
     * assumed transient, since a retry costs little and a wrong "your file is broken" would mislead.
     */
    static FailureKind ofEncoderError(String stderr) {
        String text = stderr.toLowerCase(Locale.ROOT);
        if (MACHINE_ERRORS.stream().anyMatch(text::contains)) {
            return TRANSIENT;
        }
        return SOURCE_ERRORS.stream().anyMatch(text::contains) ? INPUT : TRANSIENT;
    }
}
