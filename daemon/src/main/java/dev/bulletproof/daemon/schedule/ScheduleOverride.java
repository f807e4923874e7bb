package dev.bulletproof.daemon.schedule;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's exception to the schedule until a given instant: "run now for 2 h" or "hold until tomorrow
 * 07:00". It ends by itself at {@code until}; it is stored, so a restart keeps it.
 *
 * @param setAt when it was asked for, for the clients and the log
 */
public record ScheduleOverride(Mode mode, Instant until, Instant setAt) {

    public enum Mode {
        /** Jobs run as inside a window (with the config's max_workers), whatever the windows say. */
        RUN,
        /** Jobs wait as outside the windows (the schedule's outside action), whatever the windows say. */
        HOLD;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ScheduleOverride {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(setAt, "setAt");
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }
}
