package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daemons as child processes on one PostgreSQL database and one shared folder: a node killed mid-encode has
 * its job running on another node within 30 seconds, and a node frozen past its lease never publishes.
 */
class ClusterFailoverTest {

    @TempDir
    Path root;

    @Test
    void a_job_of_a_node_killed_mid_encode_runs_on_another_node_within_30_seconds_and_completes_once()
            throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(root, 3, 20)) {
            Map<String, DaemonProcess> nodes = new HashMap<>();
            for (String name : List.of("one", "two", "three")) {
                nodes.put(name, cluster.start(name));
            }
            ClusterNodes.await("three nodes alive", Duration.ofSeconds(120), () -> cluster.aliveNodes() == 3, cluster);
            Files.move(TestClips.hd(cluster.staging, "failover.mkv", 8), cluster.in.resolve("failover.mkv"));

            Job running = awaitEncoding(cluster);
            String victim = nameOf(cluster, running.nodeId());
            // Every node's dashboard shows the encode's live progress, not only the node that runs it.
            String watcher = List.of("one", "two", "three").stream()
                    .filter(name -> !name.equals(victim))
                    .findFirst()
                    .orElseThrow();
            ClusterNodes.await(
                    "another node's API to show the encode's live progress",
                    Duration.ofSeconds(30),
                    () -> {
                        try {
                            var seen = cluster.api(watcher, "/api/jobs/" + running.id());
                            return seen.get("progress").asDouble() > 0 && seen.hasNonNull("fps");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    cluster);
            ClusterNodes.signalTree("KILL", nodes.get(victim).pid()); // the machine is gone: daemon and ffmpeg
            long killedAt = System.nanoTime();

            ClusterNodes.await(
                    "the job running on another node",
                    Duration.ofSeconds(60),
                    () -> cluster.onlyJob()
                            .filter(job -> job.status() == JobStatus.PROCESSING)
                            .filter(job -> job.nodeId() != null && !job.nodeId().equals(running.nodeId()))
                            .isPresent(),
                    cluster);
            Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);
            ClusterNodes.await(
                    "the job to complete",
                    Duration.ofSeconds(240),
                    () -> cluster.onlyJob()
                            .map(job -> job.status().isFinished())
                            .orElse(false),
                    cluster);

            assertThat(failover).as("from kill -9 to running elsewhere").isLessThanOrEqualTo(Duration.ofSeconds(30));
            // Any survivor's dashboard shows the whole cluster: the victim dead, the job on its new node.
            String survivor = List.of("one", "two", "three").stream()
                    .filter(name -> !name.equals(victim))
                    .findFirst()
                    .orElseThrow();
            var listed = cluster.api(survivor, "/api/nodes");
            assertThat(listed).hasSize(3);
            java.util.Map<String, String> statusByName = new HashMap<>();
            listed.forEach(node -> statusByName.put(
                    node.get("name").asText(), node.get("status").asText()));
            assertThat(statusByName).containsEntry(victim, "dead").hasSize(3);
            assertThat(statusByName.values()).filteredOn("alive"::equals).hasSize(2);
            Job done = cluster.onlyJob().orElseThrow();
            assertThat(done.status()).as(cluster.logs()).isEqualTo(JobStatus.COMPLETED);
            assertThat(done.nodeId()).isNotEqualTo(running.nodeId());
            assertThat(cluster.api(survivor, "/api/jobs/" + done.id())
                            .get("node")
                            .asText())
                    .isEqualTo(nameOf(cluster, done.nodeId()));
            assertThat(cluster.outputs()).containsExactly(Path.of(done.outputPath()));
            assertThat(cluster.temporaries()).as("no temporary file left").isEmpty();
            assertThat(cluster.history(done.id()))
                    .extracting(JobHistoryEntry::type)
                    .filteredOn(type -> type != JobEventType.CREATED && type != JobEventType.QUEUED)
                    .containsExactly(
                            JobEventType.STARTED, JobEventType.RECOVERED, JobEventType.STARTED, JobEventType.COMPLETED);
        }
    }

    @Test
    void a_node_frozen_past_its_lease_does_not_publish_after_another_node_took_its_job() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(root, 2, 8)) {
            Map<String, DaemonProcess> nodes = new HashMap<>();
            for (String name : List.of("one", "two")) {
                nodes.put(name, cluster.start(name));
            }
            ClusterNodes.await("two nodes alive", Duration.ofSeconds(120), () -> cluster.aliveNodes() == 2, cluster);
            Files.move(TestClips.hd(cluster.staging, "frozen.mkv", 8), cluster.in.resolve("frozen.mkv"));

            Job running = awaitEncoding(cluster);
            String frozen = nameOf(cluster, running.nodeId());
            long frozenPid = nodes.get(frozen).pid();
            ClusterNodes.signalTree("STOP", frozenPid);
            ClusterNodes.await(
                    "the job taken over by the other node",
                    Duration.ofSeconds(60),
                    () -> cluster.onlyJob()
                            .filter(job -> job.status() == JobStatus.PROCESSING)
                            .filter(job -> job.nodeId() != null && !job.nodeId().equals(running.nodeId()))
                            .isPresent(),
                    cluster);
            ClusterNodes.signalTree("CONT", frozenPid);

            ClusterNodes.await(
                    "the job to complete",
                    Duration.ofSeconds(240),
                    () -> cluster.onlyJob()
                            .map(job -> job.status().isFinished())
                            .orElse(false),
                    cluster);
            ClusterNodes.await(
                    "the woken node to stop its stale run",
                    Duration.ofSeconds(60),
                    () -> logOf(cluster, frozen).contains("is stopped on this node")
                            || logOf(cluster, frozen).contains("is no longer held by this node"),
                    cluster);
            Thread.sleep(3_000); // what the woken node could still do wrong, it would have done by now

            Job done = cluster.onlyJob().orElseThrow();
            assertThat(done.status()).as(cluster.logs()).isEqualTo(JobStatus.COMPLETED);
            assertThat(done.nodeId()).as("completed by the new owner").isNotEqualTo(running.nodeId());
            assertThat(cluster.outputs()).as("exactly one output").containsExactly(Path.of(done.outputPath()));
            assertThat(cluster.temporaries()).as("no temporary file left").isEmpty();
            assertThat(cluster.history(done.id()))
                    .extracting(JobHistoryEntry::type)
                    .filteredOn(type -> type == JobEventType.COMPLETED)
                    .hasSize(1);
            assertThat(nodes.get(frozen).isAlive())
                    .as("the woken node carries on")
                    .isTrue();
        }
    }

    /** Waits until one node runs the job's ffmpeg and its temporary output has bytes in it. */
    private static Job awaitEncoding(ClusterNodes cluster) throws InterruptedException {
        ClusterNodes.await(
                "an encode under way",
                Duration.ofSeconds(120),
                () -> cluster.onlyJob()
                                .filter(job -> job.status() == JobStatus.PROCESSING)
                                .isPresent()
                        && cluster.temporaries().stream().anyMatch(ClusterFailoverTest::hasBytes),
                cluster);
        return cluster.onlyJob().orElseThrow();
    }

    private static boolean hasBytes(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String nameOf(ClusterNodes cluster, String nodeId) {
        for (String name : List.of("one", "two", "three")) {
            if (Files.exists(cluster.root.resolve("data-" + name).resolve("node-id"))
                    && cluster.nodeIdOf(name).equals(nodeId)) {
                return name;
            }
        }
        throw new AssertionError("no node has id " + nodeId);
    }

    private static String logOf(ClusterNodes cluster, String name) {
        try {
            return Files.readString(cluster.root.resolve(name + ".log"))
                    + Files.readString(cluster.root.resolve("data-" + name).resolve("daemon.log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
