package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.model.Json;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The API's real routing ({@link ApiServer#setup}) served on a free port over stand-ins for the engine,
 * with auth "none" on loopback, so handler tests speak real HTTP without starting the engine.
 */
final class HandlerServer implements AutoCloseable {

    final StandInEngine engine;
    private final Broadcaster broadcaster;
    private final WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    HandlerServer(StandInEngine engine) {
        this.engine = engine;
        Engine parts = engine.engine();
        this.broadcaster =
                new Broadcaster(parts.bus(), parts.queue(), parts.history(), parts.schedule(), parts.nodes());
        ApiContext context = new ApiContext(
                parts,
                new AccessRules(null, "127.0.0.1"),
                broadcaster,
                new ApiOptions(0, ApiOptions.DEFAULT_MAX_BODY_BYTES, "test", StandInEngine.CLOCK),
                StandInEngine.CLOCK.instant());
        WebServerConfig.Builder builder =
                WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false);
        ApiServer.setup(builder, context);
        broadcaster.start();
        this.server = builder.build().start();
    }

    int port() {
        return server.port();
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> delete(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        broadcaster.close();
        server.stop();
    }
}
