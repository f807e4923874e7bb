package dev.bulletproof.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The life cycle of a job. The legal moves between these live in the daemon's transition table. */
public enum JobStatus {
    /** The file was seen and is still settling (being copied). */
    WAITING,
    QUEUED,
    PROCESSING,
    PAUSED,
    COMPLETED,
    FAILED,
    CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobStatus fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** True when no worker will touch the job again unless someone retries it. */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** True while a worker owns the job (an ffmpeg process exists for it). */
    public boolean isActive() {
        return this == PROCESSING || this == PAUSED;
    }
}
