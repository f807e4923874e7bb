package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.bulletproof.testing.Await;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/webhooks on the real daemon: the delivery history, the test event, and what the API may not set. */
class WebhooksApiTest {

    private static final String SECRET = "never-shown-secret";

    @TempDir
    Path root;

    @Test
    void testEventIsDeliveredAndTheHistoryShowsItWithoutSecretOrQuery() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            events.add(exchange.getRequestHeaders().getFirst("X-Bulletproof-Event"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?key=in-the-query";
        try (ApiFixture api = new ApiFixture(root, """
                webhooks:
                  - url: "%s"
                    events: [job.failed]
                    secret: %s
                """.formatted(url, SECRET)).start()) {
            HttpResponse<String> queued = api.post("/api/webhooks/test", "");

            assertThat(queued.statusCode()).isEqualTo(200);
            JsonNode first = ApiFixture.json(queued).get(0);
            assertThat(first.get("event").asText()).isEqualTo("webhook.test");
            assertThat(first.get("status").asText()).isEqualTo("pending");
            assertThat(first.get("url").asText())
                    .isEqualTo("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?…");

            Await.until(
                    "the test event delivered",
                    Duration.ofSeconds(15),
                    () -> ApiFixture.json(api.get("/api/webhooks/deliveries"))
                            .get(0)
                            .get("status")
                            .asText()
                            .equals("delivered"));
            HttpResponse<String> history = api.get("/api/webhooks/deliveries?limit=5");
            JsonNode delivered = ApiFixture.json(history).get(0);
            assertThat(delivered.get("id").asText()).isEqualTo(first.get("id").asText());
            assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivered.get("last_status_code").asInt()).isEqualTo(204);
            assertThat(delivered.get("next_attempt_at").isNull()).isTrue();
            assertThat(events).containsExactly("webhook.test");
            assertThat(history.body() + queued.body() + api.get("/api/config").body())
                    .doesNotContain(SECRET)
                    .doesNotContain("in-the-query");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theHistoryNeedsTheToken() throws Exception {
        try (ApiFixture api = ApiFixture.started(root)) {
            HttpResponse<String> anonymous = api.send(HttpRequest.newBuilder(api.uri("/api/webhooks/deliveries"))
                    .GET()
                    .build());
            HttpResponse<String> test = api.send(HttpRequest.newBuilder(api.uri("/api/webhooks/test"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(test.statusCode()).isEqualTo(401);
            assertThat(ApiFixture.json(api.get("/api/webhooks/deliveries"))).isEmpty();
        }
    }

    @Test
    void theConfigApiRefusesWebhooksHooksAndTheFreeSpaceThreshold() throws Exception {
        try (ApiFixture api = ApiFixture.started(root)) {
            for (String body : List.of(
                    "{\"webhooks\": [{\"url\": \"http://169.254.169.254/\", \"events\": [\"job.completed\"]}]}",
                    "{\"hooks\": [{\"command\": [\"/bin/sh\", \"-c\", \"id\"]}]}",
                    "{\"min_free_space\": \"0\"}")) {
                HttpResponse<String> response = api.post("/api/config", body);
                String key = dev.bulletproof.model.Json.mapper()
                        .readTree(body)
                        .fieldNames()
                        .next();

                assertThat(response.statusCode()).as(body).isEqualTo(422);
                assertThat(ApiFixture.json(response).at("/fields/" + key).asText())
                        .isEqualTo("set this in the config file; it cannot be changed over the API");
            }
        }
    }
}
