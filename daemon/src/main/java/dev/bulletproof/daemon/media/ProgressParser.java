package dev.bulletproof.daemon.media;

import java.util.Optional;

/**
 * Parses ffmpeg's {@code -progress} output: blocks of {@code key=value} lines, each ending with
 * {@code progress=continue} or {@code progress=end}. Values may be "N/A" (early blocks, or when a muxer
 * cannot tell) and {@code speed} may carry a leading space; both are tolerated.
 */
final class ProgressParser {

    private final double totalSeconds;
    private double outTimeSeconds;
    private Double fps;
    private Double speed;

    /** @param totalSeconds the input's duration; 0 or less when unknown (fraction stays 0) */
    ProgressParser(double totalSeconds) {
        this.totalSeconds = totalSeconds;
    }

    /** Feeds one line; returns a report when the line closes a block. */
    Optional<TranscodeProgress> accept(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        switch (key) {
            case "out_time_us", "out_time_ms" -> {
                Double micros = number(value);
                if (micros != null && micros >= 0) {
                    outTimeSeconds = Math.max(outTimeSeconds, micros / 1_000_000.0);
                }
            }
            case "fps" -> fps = number(value);
            case "speed" -> speed = number(value.endsWith("x") ? value.substring(0, value.length() - 1) : value);
            case "progress" -> {
                return Optional.of(report(value.equals("end")));
            }
            default -> {}
        }
        return Optional.empty();
    }

    private TranscodeProgress report(boolean end) {
        double fraction = totalSeconds > 0 ? Math.clamp(outTimeSeconds / totalSeconds, 0.0, 1.0) : 0.0;
        if (end) {
            fraction = 1.0;
        }
        Double eta = null;
        if (end) {
            eta = 0.0;
        } else if (speed != null && speed > 0 && totalSeconds > 0) {
            eta = Math.max(0, totalSeconds - outTimeSeconds) / speed;
        }
        return new TranscodeProgress(fraction, outTimeSeconds, fps, speed, eta);
    }

    private static Double number(String value) {
        if (value.isEmpty() || value.equalsIgnoreCase("N/A")) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
