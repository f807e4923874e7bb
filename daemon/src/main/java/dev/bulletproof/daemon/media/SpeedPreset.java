package dev.bulletproof.daemon.media;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The user's speed/quality trade-off. It shifts the x264/x265 preset of a profile; ProRes has no presets
 * and is unaffected. The three presets the built-ins use follow the original tool's table exactly
 * (fast: fast, fast, medium; slow: medium, slow, slower); other presets move one step along x264's ladder.
 */
public enum SpeedPreset {
    FAST,
    NORMAL,
    SLOW;

    private static final List<String> LADDER =
            List.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow");

    private static final Map<String, String> FAST_TABLE = Map.of("fast", "fast", "medium", "fast", "slow", "medium");
    private static final Map<String, String> SLOW_TABLE = Map.of("fast", "medium", "medium", "slow", "slow", "slower");

    /** The encoder preset to use for a profile whose preset at NORMAL speed is {@code profilePreset}. */
    public String apply(String profilePreset) {
        if (profilePreset == null || this == NORMAL) {
            return profilePreset;
        }
        Map<String, String> table = this == FAST ? FAST_TABLE : SLOW_TABLE;
        if (table.containsKey(profilePreset)) {
            return table.get(profilePreset);
        }
        int index = LADDER.indexOf(profilePreset);
        if (index < 0) {
            return profilePreset;
        }
        int shifted = Math.clamp(index + (this == FAST ? -1 : 1), 0, LADDER.size() - 1);
        return LADDER.get(shifted);
    }

    /** Parses "fast", "normal" or "slow" in any case. */
    public static SpeedPreset parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidEncodeOptionsException("unknown speed preset '" + text + "'; use fast, normal or slow");
        }
    }
}
