package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.config.LiveConfig;
import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.jobs.JobCommands;
import dev.bulletproof.daemon.jobs.JobQueries;
import dev.bulletproof.daemon.jobs.QueueControl;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Everything the routes need: the engine's parts, and the server's own access rules, feed and options.
 *
 * @param access null-safe: with auth "none" its token is null and every request is authorised
 */
public record ApiContext(
        Engine engine, AccessRules access, Broadcaster broadcaster, ApiOptions options, Instant startedAt) {

    public Clock clock() {
        return options.clock();
    }

    JobQueries jobs() {
        return engine.jobs();
    }

    JobCommands jobCommands() {
        return engine.jobCommands();
    }

    QueueControl queue() {
        return engine.queue();
    }

    LiveConfig config() {
        return engine.config();
    }

    Supplier<History> history() {
        return engine.history();
    }

    ClusterNodes nodes() {
        return engine.nodes();
    }

    JsonBodies bodies() {
        return new JsonBodies(options.maxBodyBytes());
    }
}
