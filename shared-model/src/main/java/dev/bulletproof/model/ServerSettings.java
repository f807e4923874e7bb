package dev.bulletproof.model;

/**
 * Where the daemon's HTTP API listens and how it authenticates.
 *
 * @param auth "token" or "none" ("none" only on a loopback address)
 */
public record ServerSettings(String host, int port, String auth) {

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 8000, "token");
    }
}
