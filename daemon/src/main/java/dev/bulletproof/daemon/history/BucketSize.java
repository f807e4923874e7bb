package dev.bulletproof.daemon.history;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The widths a history chart can be drawn in; both are whole UTC hours or days, so buckets never drift. */
public enum BucketSize {
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    BucketSize(ChronoUnit unit) {
        this.unit = unit;
    }

    /** Accepts "hour" or "day" in any case. */
    public static BucketSize parse(String name) {
        if (name != null) {
            for (BucketSize size : values()) {
                if (size.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return size;
                }
            }
        }
        throw new InvalidHistoryQueryException("bucket must be one of "
                + Arrays.stream(values()).map(BucketSize::wireName).collect(Collectors.joining(", "))
                + ", not \"" + name + "\"");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Duration width() {
        return unit.getDuration();
    }

    /** The start of the bucket that holds {@code instant}. */
    public Instant floor(Instant instant) {
        return instant.truncatedTo(unit);
    }
}
