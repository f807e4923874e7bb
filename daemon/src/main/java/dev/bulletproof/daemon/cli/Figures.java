package dev.bulletproof.daemon.cli;

import dev.bulletproof.format.Formats;

/**
 * The console's figures: the shared rule of {@link Formats} (the same text the desktop and web clients show),
 * with a plain "-" for unknown values so columns stay ASCII on any terminal, plus the progress bar.
 */
final class Figures {

    /** What an unknown figure reads as on the console. */
    static final String UNKNOWN = "-";

    private Figures() {}

    /** 312 B, 820 kB, 1.4 MB (decimal units, as file managers show them). */
    static String size(long bytes) {
        return ascii(Formats.size(bytes));
    }

    /** 4.2 s, 45 s, 3 min 07 s, 1 h 02 min. */
    static String duration(Double seconds) {
        return ascii(Formats.duration(seconds));
    }

    /** 0.85x, 12.5x: times real time, as ffmpeg writes it. */
    static String speed(Double timesRealtime) {
        return ascii(Formats.speed(timesRealtime));
    }

    static String bar(double fraction, int width) {
        int filled = (int) Math.floor(clamp(fraction) * width);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }

    /** "  7 %", " 42 %", "100 %": always five characters, so the text after it does not move. */
    static String percent(double fraction) {
        String text = Formats.percent(fraction);
        return " ".repeat(Math.max(0, 5 - text.length())) + text;
    }

    private static String ascii(String figure) {
        return Formats.UNKNOWN.equals(figure) ? UNKNOWN : figure;
    }

    private static double clamp(double fraction) {
        return Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }
}
