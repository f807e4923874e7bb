package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.media.SegmentSettings;
import java.util.Map;
import java.util.Set;

/**
 * The config file's {@code segment_threshold_seconds} and {@code segment_seconds}
 * (docs/segmented-encoding.md). Read from the file only, when the daemon starts: a segmented job's plan is
 * kept in the database, and settings changing under a running job would only make it start over.
 */
final class SegmentSection {

    static final String THRESHOLD = "segment_threshold_seconds";
    static final String LENGTH = "segment_seconds";
    static final Set<String> KEYS = Set.of(THRESHOLD, LENGTH);

    /** A segment shorter than this costs more in start-up and join than it can save. */
    static final double MIN_SEGMENT_SECONDS = 10;

    static final double MAX_SECONDS = 86_400;

    private SegmentSection() {}

    /** Reads both keys from the file's top level; every problem goes into {@code problems} by field. */
    static SegmentSettings read(ObjectNode root, Map<String, String> problems) {
        if (root == null) {
            return SegmentSettings.defaults();
        }
        double threshold = seconds(
                root.get(THRESHOLD),
                THRESHOLD,
                SegmentSettings.DEFAULT_THRESHOLD_SECONDS,
                0,
                "must be a number of seconds from 0 (never segment) to 86400",
                problems);
        double length = seconds(
                root.get(LENGTH),
                LENGTH,
                SegmentSettings.DEFAULT_SEGMENT_SECONDS,
                MIN_SEGMENT_SECONDS,
                "must be a number of seconds from 10 to 86400",
                problems);
        if (threshold > 0 && length > threshold && !problems.containsKey(LENGTH)) {
            problems.put(LENGTH, "must not be longer than " + THRESHOLD + " (" + format(threshold) + " s)");
        }
        return problems.containsKey(THRESHOLD) || problems.containsKey(LENGTH)
                ? SegmentSettings.defaults()
                : new SegmentSettings(threshold, length);
    }

    private static double seconds(
            JsonNode node, String field, double fallback, double min, String rule, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > MAX_SECONDS) {
            problems.put(field, rule);
            return fallback;
        }
        return node.asDouble();
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
