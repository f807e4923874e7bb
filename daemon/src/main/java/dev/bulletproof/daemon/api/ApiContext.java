package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.monitor.Monitor;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Everything the routes need from the running daemon.
 *
 * @param access null-safe: with auth "none" its token is null and every request is authorised
 */
public record ApiContext(
        Monitor monitor,
        Supplier<History> history,
        AccessRules access,
        Broadcaster broadcaster,
        ApiOptions options,
        Instant startedAt) {

    public Clock clock() {
        return options.clock();
    }

    JsonBodies bodies() {
        return new JsonBodies(options.maxBodyBytes());
    }
}
