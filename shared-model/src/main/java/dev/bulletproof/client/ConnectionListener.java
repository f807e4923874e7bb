package dev.bulletproof.client;

/**
 * Hears about the live-update connection. Called on the connection's own thread; keep it short. After
 * {@link #reconnected()} updates may have been missed while the connection was down: reload over REST.
 */
public interface ConnectionListener {

    /** The first connection is open. */
    default void connected() {}

    /** The connection dropped or could not be opened; it is being retried in the background. */
    default void disconnected(String reason) {}

    /** A connection is open again after {@link #disconnected}. */
    default void reconnected() {}

    ConnectionListener NONE = new ConnectionListener() {};
}
