package dev.bulletproof.desktop;

import java.util.Locale;

/** How numbers about jobs read on screen: short, unit-bearing, and the same in every view. */
public final class JobFormat {

    private JobFormat() {}

    /** 75 s as "1:15", an hour and more as "1:02:03"; a dash when unknown. */
    public static String duration(Double seconds) {
        if (seconds == null || seconds.isNaN() || seconds < 0) {
            return "–";
        }
        long total = Math.round(seconds);
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long rest = total % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", Math.max(0, Math.min(1, fraction)) * 100);
    }

    public static String fps(Double fps) {
        return fps == null ? "–" : String.format(Locale.ROOT, "%.0f fps", fps);
    }

    public static String speed(Double speed) {
        return speed == null ? "–" : String.format(Locale.ROOT, "%.2fx", speed);
    }
}
