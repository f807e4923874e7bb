package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.config.DaemonConfig;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * /api/config. A POST changes only the keys it carries (mappings such as {@code server} merge key by key):
 * the seed's three-key body must not reset the rules, profiles and everything else to their defaults. The
 * config package decides what a request may change and keeps the user's file as they wrote it.
 */
final class ConfigService implements HttpService {

    private final ApiContext context;

    ConfigService(ApiContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/config", this::get).post("/api/config", this::update).delete("/api/config/reset", this::reset);
    }

    private void get(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, context.config().config().toModel());
    }

    private void update(ServerRequest request, ServerResponse response) {
        ObjectNode changes = context.bodies().object(request);
        if (changes.isEmpty()) {
            get(request, response);
            return;
        }
        DaemonConfig applied = context.config().update(changes);
        JsonBodies.send(response, applied.toModel());
    }

    private void reset(ServerRequest request, ServerResponse response) {
        context.bodies().none(request); // a reset takes no body; one sent by mistake must not reset anything
        DaemonConfig applied = context.config().reset();
        JsonBodies.send(response, applied.toModel());
    }
}
