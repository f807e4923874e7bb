package dev.bulletproof.daemon.api;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** /api/nodes: the daemons of the cluster, and pausing or resuming one of them or all of them. */
final class NodesService implements HttpService {

    private final ApiContext context;

    NodesService(ApiContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/nodes", this::list)
                .post("/api/nodes/pause", (request, response) -> all(request, response, true))
                .post("/api/nodes/resume", (request, response) -> all(request, response, false))
                .get("/api/nodes/{id}", this::one)
                .post("/api/nodes/{id}/pause", this::pause)
                .post("/api/nodes/{id}/resume", this::resume);
    }

    private void list(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, context.nodes().nodes());
    }

    private void all(ServerRequest request, ServerResponse response, boolean pause) {
        context.bodies().none(request);
        JsonBodies.send(response, context.nodes().pauseAll(pause));
    }

    private void one(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, context.nodes().node(nodeId(request)));
    }

    private void pause(ServerRequest request, ServerResponse response) {
        context.bodies().none(request);
        JsonBodies.send(response, context.nodes().pause(nodeId(request)));
    }

    private void resume(ServerRequest request, ServerResponse response) {
        context.bodies().none(request);
        JsonBodies.send(response, context.nodes().resume(nodeId(request)));
    }

    private static String nodeId(ServerRequest request) {
        return request.path().pathParameters().get("id");
    }
}
