package dev.bulletproof.daemon.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a person writes the end of a schedule override on the command line: a length ("2h", "90m",
 * "1h30m") or a time in this machine's zone ("07:00" is the next 07:00, "tomorrow 07:00",
 * "2026-12-24T18:00", or an instant with its offset).
 */
final class OverrideTimes {

    private static final Pattern LENGTH =
            Pattern.compile("(?:(\\d+)\\s*d)?\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m(?:in)?)?\\s*(?:(\\d+)\\s*s)?");
    private static final Pattern CLOCK = Pattern.compile("(today|tomorrow)?\\s*(\\d{1,2}:\\d{2})");

    private OverrideTimes() {}

    /** @throws IllegalArgumentException with a sentence a person can act on */
    static Duration length(String text) {
        Matcher matcher = LENGTH.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || text.isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not a length; write it like 2h, 90m or 1h30m");
        }
        Duration length = Duration.ZERO;
        length = length.plusDays(number(matcher.group(1)));
        length = length.plusHours(number(matcher.group(2)));
        length = length.plusMinutes(number(matcher.group(3)));
        length = length.plusSeconds(number(matcher.group(4)));
        if (length.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is no time at all; write it like 2h or 90m");
        }
        return length;
    }

    /** @throws IllegalArgumentException with a sentence a person can act on */
    static Instant until(String text, Instant now, ZoneId zone) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher clock = CLOCK.matcher(trimmed);
        if (clock.matches()) {
            LocalTime time = parseTime(clock.group(2), text);
            LocalDate today = LocalDate.ofInstant(now, zone);
            if ("tomorrow".equals(clock.group(1))) {
                return today.plusDays(1).atTime(time).atZone(zone).toInstant();
            }
            Instant todayAt = today.atTime(time).atZone(zone).toInstant();
            // "07:00" said at 23:00 means the coming morning, unless "today" insists.
            return todayAt.isAfter(now) || "today".equals(clock.group(1))
                    ? todayAt
                    : today.plusDays(1).atTime(time).atZone(zone).toInstant();
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not a time; write it like 07:00, \"tomorrow 07:00\" or 2026-12-24T18:00");
            }
        }
    }

    private static LocalTime parseTime(String hhmm, String text) {
        try {
            return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day; write it like 07:00");
        }
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
