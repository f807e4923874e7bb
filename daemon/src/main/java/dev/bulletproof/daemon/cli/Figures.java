package dev.bulletproof.daemon.cli;

import java.util.Locale;

/** The few number formats the console output shares: sizes, durations, speeds, progress bars. */
final class Figures {

    private Figures() {}

    /** 1.4 MB, 820 kB, 312 B (powers of 1000, as file managers show them). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    /** 4.2 s under a minute, else 3:07 or 1:02:03. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        long hours = whole / 3600;
        long minutes = whole / 60 % 60;
        long rest = whole % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    /** An estimate: whole seconds, minutes:seconds past a minute. */
    static String eta(double seconds) {
        return seconds < 60 ? Math.round(seconds) + " s" : duration(seconds);
    }

    static String speed(double timesRealtime) {
        return String.format(Locale.ROOT, "%.2fx", timesRealtime);
    }

    static String bar(double fraction, int width) {
        int filled = (int) Math.floor(clamp(fraction) * width);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%3d%%", (int) Math.floor(clamp(fraction) * 100));
    }

    private static double clamp(double fraction) {
        return Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }
}
