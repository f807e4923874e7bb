package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.testing.TestClips;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a machine of its own the daemon is the cluster's one node: /api/nodes, the node of each job, node pause. */
class NodesApiTest {

    @RegisterExtension
    final ApiFixture api = ApiFixture.perTest(1, "");

    @Test
    void theDaemonIsTheOneNodeUnderTheIdKeptInItsDataFolder() throws IOException {
        HttpResponse<String> response = api.get("/api/nodes");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode nodes = ApiFixture.json(response);
        assertThat(nodes).hasSize(1);
        JsonNode node = nodes.get(0);
        String id = Files.readString(api.data.resolve("node-id")).strip();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(node.get("id").asText()).isEqualTo(id);
        assertThat(node.get("name").asText())
                .isEqualTo(InetAddress.getLocalHost().getHostName());
        assertThat(node.get("status").asText()).isEqualTo("alive");
        assertThat(node.get("version").asText())
                .isEqualTo(
                        ApiFixture.json(api.get("/api/health")).get("version").asText());
        assertThat(node.get("max_workers").asInt()).isEqualTo(1);
        assertThat(node.get("busy_workers").asInt()).isZero();
        assertThat(node.get("current_jobs")).isEmpty();
        assertThat(node.get("paused").asBoolean()).isFalse();
        assertThat(node.get("encoders"))
                .extracting(JsonNode::asText)
                .contains("libx264", "prores_ks", "aac")
                .doesNotContain("copy");
        Instant started = Instant.parse(node.get("started_at").asText());
        Instant heartbeat = Instant.parse(node.get("last_heartbeat").asText());
        assertThat(heartbeat).isAfterOrEqualTo(started);
        assertThat(ApiFixture.json(api.get("/api/nodes/" + id)).get("name")).isEqualTo(node.get("name"));
    }

    @Test
    void theNodeIdSurvivesARestart() throws IOException {
        String before = ApiFixture.json(api.get("/api/nodes")).at("/0/id").asText();

        api.close();
        api.start();

        assertThat(ApiFixture.json(api.get("/api/nodes")).at("/0/id").asText()).isEqualTo(before);
        assertThat(Files.readString(api.data.resolve("node-id"))).isEqualTo(before + "\n");
    }

    @Test
    void aJobHasNoNodeUntilItStartsAndThenTheNodeThatRanIt() {
        JsonNode node = ApiFixture.json(api.get("/api/nodes")).get(0);
        String nodeId = node.get("id").asText();
        String name = node.get("name").asText();
        assertThat(api.post("/api/nodes/" + nodeId + "/pause", "").statusCode()).isEqualTo(200);
        // Long enough (ProRes of 720p) that the job is seen while it runs.
        String id = enqueue(TestClips.hd(api.staging, "long.mov", 6));

        JsonNode queued = job(id);
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        assertThat(queued.get("node").isNull()).as(queued.toString()).isTrue();

        api.post("/api/nodes/" + nodeId + "/resume", "");
        JsonNode running = awaitJob(id, job -> job.get("status").asText().equals("processing"));
        JsonNode whileRunning = ApiFixture.json(api.get("/api/nodes")).get(0);
        JsonNode listed = ApiFixture.json(api.get("/api/jobs")).get(0);
        JsonNode done = awaitJob(id, job -> job.get("status").asText().equals("completed"));
        JsonNode afterwards = ApiFixture.json(api.get("/api/nodes")).get(0);

        assertThat(running.get("node").asText()).isEqualTo(name);
        assertThat(listed.get("node").asText()).isEqualTo(name);
        assertThat(whileRunning.get("current_jobs"))
                .extracting(JsonNode::asText)
                .containsExactly(id);
        assertThat(whileRunning.get("busy_workers").asInt()).isEqualTo(1);
        assertThat(done.get("node").asText()).isEqualTo(name);
        assertThat(afterwards.get("current_jobs")).isEmpty();
        assertThat(afterwards.get("busy_workers").asInt()).isZero();
    }

    @Test
    void pausingTheNodePausesTheQueueAndResumingItResumesIt() {
        String nodeId = ApiFixture.json(api.get("/api/nodes")).at("/0/id").asText();

        HttpResponse<String> paused = api.post("/api/nodes/" + nodeId + "/pause", "");

        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(ApiFixture.json(paused).get("paused").asBoolean()).isTrue();
        assertThat(ApiFixture.json(api.get("/api/queue")).get("paused").asBoolean())
                .isTrue();
        assertThat(ApiFixture.json(api.get("/api/nodes")).at("/0/paused").asBoolean())
                .isTrue();

        HttpResponse<String> resumed = api.post("/api/nodes/" + nodeId + "/resume", "{}");

        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(ApiFixture.json(resumed).get("paused").asBoolean()).isFalse();
        assertThat(api.daemon.pool().isQueuePaused()).isFalse();

        api.post("/api/queue/pause", "");
        assertThat(ApiFixture.json(api.get("/api/nodes")).at("/0/paused").asBoolean())
                .as("the queue's pause is the node's")
                .isTrue();
    }

    @Test
    void pausingTheWholeClusterOnASingleMachinePausesItsQueue() {
        HttpResponse<String> paused = api.post("/api/nodes/pause", "");

        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(ApiFixture.json(paused).at("/0/paused").asBoolean()).isTrue();
        assertThat(api.daemon.pool().isQueuePaused()).isTrue();

        HttpResponse<String> resumed = api.post("/api/nodes/resume", "");

        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(ApiFixture.json(resumed).at("/0/paused").asBoolean()).isFalse();
        assertThat(api.daemon.pool().isQueuePaused()).isFalse();
    }

    @Test
    void anUnknownNodeIdIsA404AndChangesNothing() {
        String stranger = UUID.randomUUID().toString();

        for (HttpResponse<String> response : new HttpResponse[] {
            api.get("/api/nodes/" + stranger),
            api.post("/api/nodes/" + stranger + "/pause", ""),
            api.post("/api/nodes/not-a-node/resume", ""),
        }) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(ApiFixture.json(response).get("error").asText()).isEqualTo("node_not_found");
        }
        assertThat(api.daemon.pool().isQueuePaused()).isFalse();
    }

    @Test
    void theNodesNeedTheToken() {
        String nodeId = ApiFixture.json(api.get("/api/nodes")).at("/0/id").asText();

        HttpResponse<String> list =
                api.send(HttpRequest.newBuilder(api.uri("/api/nodes")).GET().build());
        HttpResponse<String> pause = api.send(HttpRequest.newBuilder(api.uri("/api/nodes/" + nodeId + "/pause"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer wrong")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(pause.statusCode()).isEqualTo(401);
        assertThat(api.daemon.pool().isQueuePaused()).isFalse();
    }

    @Test
    void theFeedSendsTheNodeListAndItsChanges() {
        String nodeId = ApiFixture.json(api.get("/api/nodes")).at("/0/id").asText();
        try (WsClient client = WsClient.connect(api)) {
            JsonNode first = client.await(WsClient.type("nodes_update"), Duration.ofSeconds(10));
            assertThat(first.at("/nodes/0/id").asText()).isEqualTo(nodeId);
            assertThat(first.at("/nodes/0/paused").asBoolean()).isFalse();

            api.post("/api/nodes/" + nodeId + "/pause", "");

            client.await(
                    message -> message.path("type").asText().equals("nodes_update")
                            && message.at("/nodes/0/paused").asBoolean(),
                    Duration.ofSeconds(10));
        }
    }

    private String enqueue(Path clip) {
        HttpResponse<String> created =
                api.post("/api/jobs", "{\"path\": \"" + clip + "\", \"profile\": \"live-qlab\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiFixture.json(created).get("id").asText();
    }

    private JsonNode job(String id) {
        return ApiFixture.json(api.get("/api/jobs/" + id));
    }

    private JsonNode awaitJob(String id, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        ApiFixture.await("job " + id + " to match", ApiFixture.ENCODES, () -> {
            last[0] = job(id);
            return condition.test(last[0]);
        });
        return last[0];
    }
}
