package dev.bulletproof.daemon.logging;

import java.util.logging.Level;

/** The levels a user picks with {@code --log-level}, named as people and log shippers name them. */
public enum LogLevel {
    ERROR(Level.SEVERE),
    WARN(Level.WARNING),
    INFO(Level.INFO),
    DEBUG(Level.FINE),
    TRACE(Level.FINEST);

    private final Level julLevel;

    LogLevel(Level julLevel) {
        this.julLevel = julLevel;
    }

    Level julLevel() {
        return julLevel;
    }

    /** The name printed in a record: java.util.logging's SEVERE/FINE... become ERROR/DEBUG... */
    static String nameOf(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }
}
