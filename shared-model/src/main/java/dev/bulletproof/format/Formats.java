package dev.bulletproof.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers read wherever Bulletproof shows them: the desktop client, the command line and (in its own
 * TypeScript copy, web-ui/src/format.ts) the web dashboard. Both copies run the same table of cases,
 * shared-model/src/test/resources/format-cases.json, so they cannot drift apart.
 *
 * <p>The rule for every figure: round to the precision the figure is shown with first, then pick the form
 * from the rounded value. So 59.5 s is "1 min 00 s", never "60 s", and 999.96 kB is "1.0 MB", never "1000 kB".
 * Rounding is half up on the binary value, done with integer arithmetic that Java and JavaScript share; the
 * platform formatters are not used because they round some halves differently (Java's {@code %.2f} gives
 * 1.01 for 1.005, JavaScript's {@code toFixed} 1.00).
 *
 * <p>Sizes use decimal units (1 kB = 1000 B), as file managers and drive labels show them. Separators are
 * English, as the rest of the interface text is.
 */
public final class Formats {

    /** What an unknown figure reads as. */
    public static final String UNKNOWN = "–";

    private static final String[] SIZE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};
    private static final String[] BITRATE_UNITS = {"b/s", "kb/s", "Mb/s", "Gb/s"};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter HOUR_BUCKET = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_BUCKET = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private Formats() {}

    /**
     * A span of time: "4.2 s" under 10 s, "45 s" under a minute, "1 min 05 s" under an hour, "1 h 00 min"
     * beyond (hours keep counting past a day: "26 h 40 min").
     */
    public static String duration(Double seconds) {
        if (!known(seconds) || seconds < 0) {
            return UNKNOWN;
        }
        long tenths = Math.round(seconds * 10);
        if (tenths < 100) {
            return decimal(tenths, 1) + " s";
        }
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return whole / 60 + " min " + twoDigits(whole % 60) + " s";
        }
        long minutes = Math.round(seconds / 60);
        return minutes / 60 + " h " + twoDigits(minutes % 60) + " min";
    }

    /** A file size in decimal units: "512 B", "3.1 MB", "42 MB", "1.0 GB". */
    public static String size(Long bytes) {
        if (bytes == null || bytes < 0) {
            return UNKNOWN;
        }
        return scaled(bytes, SIZE_UNITS);
    }

    /** A bit rate in decimal units: "850 kb/s", "4.2 Mb/s"; unknown when zero, as ffprobe reports a missing one. */
    public static String bitrate(Long bitsPerSecond) {
        if (bitsPerSecond == null || bitsPerSecond <= 0) {
            return UNKNOWN;
        }
        return scaled(bitsPerSecond, BITRATE_UNITS);
    }

    /**
     * Encoding speed as a multiple of real time, as ffmpeg writes it: "0.85x", "12.5x", "150x". Zero is
     * unknown: ffmpeg reports it before it has measured anything.
     */
    public static String speed(Double timesRealtime) {
        if (!known(timesRealtime) || timesRealtime <= 0) {
            return UNKNOWN;
        }
        long hundredths = Math.round(timesRealtime * 100);
        if (hundredths < 1000) {
            return decimal(hundredths, 2) + "x";
        }
        long tenths = Math.round(timesRealtime * 10);
        if (tenths < 1000) {
            return decimal(tenths, 1) + "x";
        }
        return Math.round(timesRealtime) + "x";
    }

    /** Frames per second: "2.5 fps" under 10, "24 fps" above; zero is unknown, as with speed. */
    public static String fps(Double framesPerSecond) {
        if (!known(framesPerSecond) || framesPerSecond <= 0) {
            return UNKNOWN;
        }
        long tenths = Math.round(framesPerSecond * 10);
        return tenths < 100 ? decimal(tenths, 1) + " fps" : Math.round(framesPerSecond) + " fps";
    }

    /**
     * Progress as a whole percentage, rounded down so that "100 %" means done: "99 %" for 0.996. Outside
     * 0..1 it is clamped; unknown reads as 0 %.
     */
    public static String percent(double fraction) {
        return wholePercent(fraction) + " %";
    }

    /** The whole percentage {@link #percent} shows, for bars and columns that need the number. */
    public static int wholePercent(double fraction) {
        double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        // The small allowance keeps 0.29 (28.999999999999996 after multiplying) at 29.
        return (int) Math.floor(clamped * 100 + 1e-9);
    }

    /** A count of things with thousands grouped: "7", "1,234". */
    public static String count(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return (value < 0 ? "-" : "") + grouped;
    }

    /**
     * How long ago something was heard from, in whole seconds, minutes or hours (rounded to the second
     * first): "just now" under half a second (and for a moment a little in the future, a clock apart),
     * "3 s ago", "2 min ago", "25 h ago".
     */
    public static String ago(Double seconds) {
        if (seconds == null || !Double.isFinite(seconds)) {
            return UNKNOWN;
        }
        long whole = Math.round(seconds);
        if (whole < 1) {
            return "just now";
        }
        if (whole < 60) {
            return whole + " s ago";
        }
        if (whole < 3600) {
            return whole / 60 + " min ago";
        }
        return whole / 3600 + " h ago";
    }

    /** A moment in the viewer's time zone, 24-hour clock: "2026-03-29 03:00:00". */
    public static String dateTime(Instant at, ZoneId zone) {
        return at == null ? UNKNOWN : DATE_TIME.format(at.atZone(zone));
    }

    /** The label of a chart bucket: "03-29 14:00" for an hour, "2026-03-29" for a day. */
    public static String bucketStart(Instant at, ZoneId zone, boolean hourly) {
        return (hourly ? HOUR_BUCKET : DAY_BUCKET).format(at.atZone(zone));
    }

    /**
     * The unit a chart axis of durations is drawn in, chosen from the largest value on it so the tick labels
     * are small whole-ish numbers: seconds under 2 minutes, minutes under 2 hours, hours beyond.
     */
    public static TimeUnit axisUnit(double largestSeconds) {
        if (!(largestSeconds >= 120)) {
            return TimeUnit.SECONDS;
        }
        return largestSeconds < 7200 ? TimeUnit.MINUTES : TimeUnit.HOURS;
    }

    /** A unit for chart axes of durations. */
    public enum TimeUnit {
        SECONDS("seconds", 1),
        MINUTES("minutes", 60),
        HOURS("hours", 3600);

        private final String label;
        private final double seconds;

        TimeUnit(String label, double seconds) {
            this.label = label;
            this.seconds = seconds;
        }

        /** The axis name: "seconds", "minutes" or "hours". */
        public String label() {
            return label;
        }

        /** How many seconds one unit is. */
        public double seconds() {
            return seconds;
        }

        /** {@code seconds} expressed in this unit. */
        public double of(double seconds) {
            return seconds / this.seconds;
        }
    }

    /** One decimal under 10, whole numbers under 1000, then the next unit up (base 1000). */
    private static String scaled(double value, String[] units) {
        int unit = 0;
        double shown = value;
        while (true) {
            long tenths = Math.round(shown * 10);
            if (unit > 0 && tenths < 100) {
                return decimal(tenths, 1) + " " + units[unit];
            }
            long whole = Math.round(shown);
            if (whole < 1000 || unit == units.length - 1) {
                return whole + " " + units[unit];
            }
            unit++;
            shown = value / Math.pow(1000, unit);
        }
    }

    /** {@code scaled} / 10^digits, written with exactly {@code digits} decimals. */
    private static String decimal(long scaled, int digits) {
        long factor = digits == 1 ? 10 : 100;
        String fraction = Long.toString(scaled % factor);
        return scaled / factor + "." + "0".repeat(digits - fraction.length()) + fraction;
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }

    private static boolean known(Double value) {
        return value != null && Double.isFinite(value);
    }
}
