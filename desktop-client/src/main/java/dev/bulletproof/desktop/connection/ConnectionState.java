package dev.bulletproof.desktop.connection;

/** What the status bar says about the link to the daemon. */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    /** The live updates dropped; they are being retried in the background, forever. */
    RECONNECTING,
    /** No daemon chosen, or the chosen one was given up on by the user. */
    DISCONNECTED
}
