package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three daemons as child processes on one PostgreSQL database, each with the same webhook: a node killed
 * mid-encode is announced once as {@code node.down} with the job it held, and a second death once more,
 * also when the rescue's lead moved between them (any of the three may have held it).
 */
class NodeDownWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path root;

    @Test
    void each_node_death_is_announced_once_cluster_wide_with_the_jobs_given_back() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(List.of(), 200);
                ClusterNodes cluster = new ClusterNodes(root, 1, 6)) {
            String webhook = """
                    monitor_folder: ./in
                    output_folder: ./out
                    processed_folder: ./processed
                    webhooks:
                      - url: %s
                        events: [node.down]
                        secret: node-down-secret
                        timeout_seconds: 5
                    """.formatted(receiver.url());
            Map<String, DaemonProcess> nodes = new HashMap<>();
            for (String name : List.of("one", "two", "three")) {
                nodes.put(name, cluster.start(name, webhook, ""));
            }
            ClusterNodes.await("three nodes alive", WAIT, () -> cluster.aliveNodes() == 3, cluster);
            Files.move(TestClips.hd(cluster.staging, "long.mkv", 20), cluster.in.resolve("long.mkv"));
            ClusterNodes.await(
                    "an encode under way",
                    WAIT,
                    () -> cluster.onlyJob()
                            .filter(job -> job.status() == JobStatus.PROCESSING)
                            .isPresent(),
                    cluster);
            Job running = cluster.onlyJob().orElseThrow();
            String first = nameOf(cluster, running.nodeId());

            ClusterNodes.signalTree("KILL", nodes.get(first).pid());
            ClusterNodes.await(
                    "the first death announced",
                    WAIT,
                    () -> announcements(receiver).size() == 1,
                    cluster);
            JsonNode announced = announcements(receiver).getFirst();
            assertThat(announced.at("/node/id").asText()).isEqualTo(running.nodeId());
            assertThat(announced.at("/node/name").asText()).isEqualTo(first);
            assertThat(announced.at("/node/requeued_jobs"))
                    .extracting(JsonNode::asText)
                    .containsExactly(Long.toString(running.id()));

            String second = List.of("one", "two", "three").stream()
                    .filter(name -> !name.equals(first))
                    .findFirst()
                    .orElseThrow();
            ClusterNodes.signalTree("KILL", nodes.get(second).pid());
            ClusterNodes.await(
                    "the second death announced",
                    WAIT,
                    () -> announcements(receiver).size() == 2,
                    cluster);
            // Many more rescue rounds (one a second), on whichever node leads now: nothing is announced again.
            Thread.sleep(5_000);

            List<JsonNode> all = announcements(receiver);
            assertThat(all).extracting(body -> body.at("/node/name").asText()).containsExactly(first, second);
            assertThat(all).extracting(body -> body.get("delivery_id").asText()).doesNotHaveDuplicates();
            assertThat(all)
                    .allSatisfy(body -> assertThat(body.get("event").asText()).isEqualTo("node.down"));
        }
    }

    private static List<JsonNode> announcements(WebhookReceiver receiver) {
        return receiver.received().stream()
                .map(request -> {
                    try {
                        return Json.mapper().readTree(request.body());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .filter(body -> body.get("event").asText().equals("node.down"))
                .toList();
    }

    private static String nameOf(ClusterNodes cluster, String nodeId) {
        for (String name : List.of("one", "two", "three")) {
            if (cluster.nodeIdOf(name).equals(nodeId)) {
                return name;
            }
        }
        throw new AssertionError("no node has id " + nodeId);
    }
}
