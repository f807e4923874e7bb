package dev.bulletproof.daemon.media;

/**
 * When a long encode is cut into segments and how long they are (docs/segmented-encoding.md).
 *
 * @param thresholdSeconds inputs longer than this are segmented when their profile allows a seamless join;
 *     0 turns segmented encoding off
 * @param segmentSeconds the length of a video segment; the last one takes what is left
 */
public record SegmentSettings(double thresholdSeconds, double segmentSeconds) {

    public static final double DEFAULT_THRESHOLD_SECONDS = 300;
    public static final double DEFAULT_SEGMENT_SECONDS = 60;

    public static SegmentSettings defaults() {
        return new SegmentSettings(DEFAULT_THRESHOLD_SECONDS, DEFAULT_SEGMENT_SECONDS);
    }

    public static SegmentSettings off() {
        return new SegmentSettings(0, DEFAULT_SEGMENT_SECONDS);
    }

    public SegmentSettings {
        if (thresholdSeconds < 0 || segmentSeconds <= 0) {
            throw new IllegalArgumentException(
                    "segment settings out of range: threshold " + thresholdSeconds + ", segment " + segmentSeconds);
        }
    }

    public boolean enabled() {
        return thresholdSeconds > 0;
    }
}
