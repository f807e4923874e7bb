package dev.bulletproof.daemon.media;

import java.util.Locale;

/** How much of an output is decoded before it may be published. */
public enum Verification {
    /** Streams, codecs, duration and frame count from the container, and the last seconds decoded. */
    STANDARD,
    /** Everything {@link #STANDARD} checks, and the whole output decoded: slower, for masters and archives. */
    THOROUGH;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "standard" or "thorough". */
    public static Verification fromConfigName(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
