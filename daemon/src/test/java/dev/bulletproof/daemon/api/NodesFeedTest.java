package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.model.NodeStatus;
import dev.bulletproof.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSocket feed follows the node list it is given: a nodes_update when the list changes, and an alert
 * when a node dies. The list is set by hand because a node cannot die on one machine: this daemon answers.
 */
class NodesFeedTest {

    private static final Duration SHORT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private StandInEngine engine;
    private HandlerServer api;

    @BeforeEach
    void serve() {
        engine = new StandInEngine(root);
        engine.nodes.current = List.of(
                NodeDeathsTest.node("n-1", "encoder-1", NodeStatus.ALIVE),
                NodeDeathsTest.node("n-2", "encoder-2", NodeStatus.ALIVE, "4"));
        api = new HandlerServer(engine);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aNodeThatDiesIsSentAsANodesUpdateAndAnAlert() {
        try (WsClient client = WsClient.connect(api.port(), null, "127.0.0.1")) {
            JsonNode first = client.await(WsClient.type("nodes_update"), SHORT);
            assertThat(first.get("nodes")).hasSize(2);
            assertThat(first.at("/nodes/1/current_jobs/0").asText()).isEqualTo("4");

            engine.nodes.current = List.of(
                    NodeDeathsTest.node("n-1", "encoder-1", NodeStatus.ALIVE),
                    NodeDeathsTest.node("n-2", "encoder-2", NodeStatus.DEAD, "4"));

            // The alert and the list travel separately, so either may come first.
            Await.until(
                    "the alert and the new list",
                    SHORT,
                    () -> received(client, "alert") != null && received(client, "nodes_update", "dead") != null);
            JsonNode alert = received(client, "alert");
            JsonNode update = received(client, "nodes_update", "dead");
            assertThat(alert.get("level").asText()).isEqualTo("error");
            assertThat(alert.get("message").asText()).startsWith("node encoder-2 stopped answering");
            assertThat(alert.get("job_id").isNull()).isTrue();
            assertThat(update.at("/nodes/0/status").asText()).isEqualTo("alive");
        }
    }

    private static JsonNode received(WsClient client, String type) {
        return client.all.stream()
                .map(WsClient.Received::message)
                .filter(message -> message.path("type").asText().equals(type))
                .findFirst()
                .orElse(null);
    }

    private static JsonNode received(WsClient client, String type, String secondNodeStatus) {
        return client.all.stream()
                .map(WsClient.Received::message)
                .filter(message -> message.path("type").asText().equals(type)
                        && message.at("/nodes/1/status").asText().equals(secondNodeStatus))
                .findFirst()
                .orElse(null);
    }

    @Test
    void anUnchangedListIsNotSentAgain() throws Exception {
        try (WsClient client = WsClient.connect(api.port(), null, "127.0.0.1")) {
            client.await(WsClient.type("nodes_update"), SHORT);

            Thread.sleep(NodesFeed.INTERVAL.multipliedBy(2).plusMillis(500).toMillis());

            assertThat(client.all.stream()
                            .filter(received ->
                                    received.message().path("type").asText().equals("nodes_update")))
                    .hasSize(1);
        }
    }
}
