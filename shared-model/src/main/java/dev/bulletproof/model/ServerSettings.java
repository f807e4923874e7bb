package dev.bulletproof.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the daemon's HTTP API listens and how it authenticates.
 *
 * @param auth "token" or "none" ("none" only on a loopback address)
 * @param allowedHosts further host names the API answers to, besides loopback names, {@code host} and the
 *     address a request arrived on: the LAN names of this machine (for example {@code ingest.local}) when it
 *     is bound to 0.0.0.0. Any other name in a request's Host header is refused, which is what stops DNS
 *     rebinding. Never null.
 */
public record ServerSettings(String host, int port, String auth, List<String> allowedHosts) {

    public ServerSettings {
        // Not List.copyOf: a null entry from a hand-written file must reach the validator, not throw here.
        allowedHosts = allowedHosts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(allowedHosts));
    }

    public ServerSettings(String host, int port, String auth) {
        this(host, port, auth, List.of());
    }

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 8000, "token");
    }
}
