package dev.bulletproof.daemon.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One encode.
 *
 * @param output the wanted final name; if it is taken, the first free "-2", "-3"... variant is used
 * @param logFile where ffmpeg's stderr is appended, or null
 * @param stallTimeout how long ffmpeg may go without a progress report before it is killed
 * @param journal records the publish intent durably before the rename (see {@link OutputPublisher})
 */
public record TranscodeRequest(
        Path input,
        Path output,
        Profile profile,
        EncodeOptions options,
        Path logFile,
        Duration stallTimeout,
        PublishJournal journal) {

    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(120);

    public TranscodeRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(profile, "profile");
        options = options == null ? EncodeOptions.defaults() : options;
        stallTimeout = stallTimeout == null ? DEFAULT_STALL_TIMEOUT : stallTimeout;
        journal = journal == null ? PublishJournal.NONE : journal;
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new InvalidEncodeOptionsException("stall timeout must be positive, got " + stallTimeout);
        }
    }

    /** An encode whose publish needs no journal (a one-shot CLI transcode). */
    public TranscodeRequest(
            Path input, Path output, Profile profile, EncodeOptions options, Path logFile, Duration stallTimeout) {
        this(input, output, profile, options, logFile, stallTimeout, PublishJournal.NONE);
    }
}
