package dev.bulletproof.desktop.connection;

import java.net.URI;
import java.util.Objects;

/**
 * A daemon to connect to.
 *
 * @param token null when the daemon runs without authentication or the token is read from its data folder
 */
public record DaemonAddress(URI url, String token) {

    public DaemonAddress {
        Objects.requireNonNull(url, "url");
        token = token == null || token.isBlank() ? null : token.strip();
    }

    /** True for a daemon on this machine, whose token can be read from the local data folder. */
    public boolean isLocal() {
        String host = url.getHost();
        return "127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host) || "[::1]".equals(host);
    }
}
