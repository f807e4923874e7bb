package dev.bulletproof.daemon.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-job adjustments on top of a profile; null fields keep the profile's value.
 *
 * @param resolution "W:H" (or "WxH") box the picture is scaled to fit inside, keeping its aspect
 * @param audioSampleRate in Hz
 * @param keyframeIntervalSeconds replaces the profile's keyframe grid (ignored by intra-only profiles)
 */
public record EncodeOptions(
        SpeedPreset preset, String resolution, Integer audioSampleRate, Double keyframeIntervalSeconds) {

    private static final Pattern RESOLUTION = Pattern.compile("(\\d{1,5})\\s*[:xX]\\s*(\\d{1,5})");

    public EncodeOptions {
        preset = preset == null ? SpeedPreset.NORMAL : preset;
        if (resolution != null) {
            resolution = normalizeResolution(resolution);
        }
        if (audioSampleRate != null && (audioSampleRate < 8000 || audioSampleRate > 384000)) {
            throw new InvalidEncodeOptionsException(
                    "audio sample rate " + audioSampleRate + " Hz is out of range (8000 to 384000)");
        }
        if (keyframeIntervalSeconds != null && !(keyframeIntervalSeconds >= 0.04 && keyframeIntervalSeconds <= 600)) {
            throw new InvalidEncodeOptionsException(
                    "keyframe interval " + keyframeIntervalSeconds + " s is out of range (0.04 to 600)");
        }
    }

    public static EncodeOptions defaults() {
        return new EncodeOptions(SpeedPreset.NORMAL, null, null, null);
    }

    /** "1920x1080" or "1920:1080" gives "1920:1080"; anything else is rejected with a clear message. */
    static String normalizeResolution(String text) {
        Matcher matcher = RESOLUTION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidEncodeOptionsException("resolution '" + text + "' is not W:H, for example 1920:1080");
        }
        int width = Integer.parseInt(matcher.group(1));
        int height = Integer.parseInt(matcher.group(2));
        if (width < 16 || height < 16 || width > 16384 || height > 16384) {
            throw new InvalidEncodeOptionsException("resolution '" + text + "' is out of range (16 to 16384 per side)");
        }
        return width + ":" + height;
    }
}
