package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.daemon.testing.TestClips;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /ws/updates with a real daemon: job life cycles, ping, channel filters and authentication. */
class UpdatesEndpointTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

    @RegisterExtension
    final ApiFixture api = ApiFixture.perTest("");

    @Test
    void clientSeesAJobGoFromQueuedThroughProcessingToCompletedThenStats() {
        try (WsClient client = WsClient.connect(api)) {
            client.await(WsClient.type("queue_update"), SHORT);

            ApiFixture.moveInto(api.in, TestClips.hd(api.staging, "clip.mp4", 6), "clip.mp4");

            JsonNode queued = client.await(jobStatus("queued"), ApiFixture.ENCODES);
            JsonNode processing = client.await(jobStatus("processing"), ApiFixture.ENCODES);
            JsonNode completed = client.await(jobStatus("completed"), ApiFixture.ENCODES);
            JsonNode stats = client.await(WsClient.type("stats_update"), SHORT);

            assertThat(queued.get("job").get("filename").asText()).isEqualTo("clip.mp4");
            assertThat(processing.get("job").get("id"))
                    .isEqualTo(completed.get("job").get("id"));
            assertThat(completed.get("job").get("progress").asDouble()).isEqualTo(1.0);
            assertThat(stats.get("stats").get("successful").asLong()).isEqualTo(1);
            List<Double> progress = progressOf(client);
            assertThat(progress)
                    .as("progress while processing")
                    .hasSizeGreaterThan(2)
                    .isSorted();
            assertThat(progress.getLast()).isGreaterThan(progress.getFirst());
            assertThat(indexOfStatus(client, "completed")).isGreaterThan(indexOfStatus(client, "processing"));
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (WsClient client = WsClient.connect(api)) {
            client.await(WsClient.type("queue_update"), SHORT);

            client.send("{\"type\":\"ping\"}");

            client.await(WsClient.type("pong"), SHORT);
        }
    }

    @Test
    void subscribeLimitsTheChannelsASessionReceives() {
        try (WsClient jobsOnly = WsClient.connect(api);
                WsClient everything = WsClient.connect(api)) {
            jobsOnly.await(WsClient.type("queue_update"), SHORT);
            everything.await(WsClient.type("queue_update"), SHORT);
            jobsOnly.send("{\"type\":\"subscribe\",\"channels\":[\"jobs\"]}");
            jobsOnly.send("{\"type\":\"ping\"}");
            jobsOnly.await(WsClient.type("pong"), SHORT);

            api.post("/api/queue/pause", "");
            everything.await(WsClient.type("queue_update"), SHORT);
            api.daemon.bus().publish(new JobEvent.Progress(new LiveProgress(1, 0.5, 25.0, 1.0, 1.0, 1.0)));
            api.post("/api/queue/resume", "");
            everything.await(
                    m -> m.path("type").asText().equals("queue_update")
                            && !m.get("paused").asBoolean(),
                    SHORT);
            jobsOnly.send("{\"type\":\"ping\"}");
            jobsOnly.await(WsClient.type("pong"), SHORT);

            assertThat(jobsOnly.all)
                    .extracting(r -> r.message().get("type").asText())
                    .doesNotContain("stats_update")
                    .containsOnlyOnce("queue_update");
        }
    }

    @Test
    void upgradeWithoutTokenOrFromAForeignOriginIsRefused() {
        assertThatThrownBy(() -> WsClient.connect(api, null)).isInstanceOf(CompletionException.class);
        assertThatThrownBy(() -> WsClient.connect(api, "wrong")).isInstanceOf(CompletionException.class);

        String noToken = api.raw(upgrade(api, null, null));
        String foreignOrigin = api.raw(upgrade(api, api.token, "http://evil.example"));
        String ownOrigin = api.raw(upgrade(api, api.token, "http://127.0.0.1:" + api.server.port()));

        assertThat(noToken).startsWith("HTTP/1.1 401");
        assertThat(foreignOrigin).startsWith("HTTP/1.1 403");
        assertThat(ownOrigin).startsWith("HTTP/1.1 101");
    }

    private static String upgrade(ApiFixture api, String token, String origin) {
        return "GET /ws/updates HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "\r\n";
    }

    private static java.util.function.Predicate<JsonNode> jobStatus(String status) {
        return m -> m.path("type").asText().equals("job_update")
                && m.get("job").get("status").asText().equals(status);
    }

    private static List<Double> progressOf(WsClient client) {
        List<Double> values = new ArrayList<>();
        for (WsClient.Received r : client.all) {
            JsonNode m = r.message();
            if (m.path("type").asText().equals("job_update")
                    && m.get("job").get("status").asText().equals("processing")) {
                values.add(m.get("job").get("progress").asDouble());
            }
        }
        return values;
    }

    private static int indexOfStatus(WsClient client, String status) {
        for (int i = 0; i < client.all.size(); i++) {
            if (jobStatus(status).test(client.all.get(i).message())) {
                return i;
            }
        }
        return -1;
    }
}
