package dev.bulletproof.daemon.schedule;

import java.util.Locale;

/** What a schedule does while no window is open. */
public enum OutsideAction {
    /** New jobs wait and running encodes are suspended (SIGSTOP), continuing when a window opens. */
    PAUSE,
    /** New jobs wait; running ones finish. */
    DRAIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutsideAction fromWire(String text) {
        for (OutsideAction action : values()) {
            if (action.wireName().equals(text)) {
                return action;
            }
        }
        throw new IllegalArgumentException("not pause or drain: " + text);
    }
}
