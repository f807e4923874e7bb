package dev.bulletproof.daemon.media;

import java.util.Locale;

/** How a profile places keyframes. */
public enum KeyframeMode {
    /** Every frame is a keyframe (ProRes): any frame can be cued. */
    INTRA_ONLY,
    /** Keyframes exactly on an N-second grid and nowhere else, so cue points land predictably. */
    FIXED,
    /** Keyframes on an N-second grid plus wherever the encoder sees a scene cut. */
    FIXED_WITH_SCENE_CUTS,
    /** Whatever the encoder decides. */
    ENCODER_DEFAULT;

    /** The spelling used in config files: "intra_only", "fixed", ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static KeyframeMode fromConfigName(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
