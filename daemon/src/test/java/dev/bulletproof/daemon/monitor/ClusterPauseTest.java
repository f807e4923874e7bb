package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons as child processes on one PostgreSQL database and one shared folder: one node's API pauses
 * the other node (which then starts nothing while the first runs every job), and pauses and resumes the
 * whole cluster.
 */
class ClusterPauseTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path root;

    @Test
    void one_nodes_dashboard_pauses_another_node_and_then_the_whole_cluster() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(root, 1, 20)) {
            cluster.start("one");
            cluster.start("two");
            ClusterNodes.await("two nodes alive", WAIT, () -> cluster.aliveNodes() == 2, cluster);
            ClusterNodes.await(
                    "both APIs answer", WAIT, () -> answers(cluster, "one") && answers(cluster, "two"), cluster);
            String two = cluster.nodeIdOf("two");

            JsonNode asked = cluster.post("one", "/api/nodes/" + two + "/pause");

            assertThat(asked.get("id").asText()).isEqualTo(two);
            assertThat(asked.get("paused").asBoolean()).as("answered as asked").isTrue();
            ClusterNodes.await(
                    "node two to pause its own queue at its next heartbeat",
                    WAIT,
                    () -> queuePaused(cluster, "two"),
                    cluster);
            assertThat(queuePaused(cluster, "one")).isFalse();
            assertThat(pausedAsSeenBy(cluster, "one", two))
                    .as("node one's list shows node two paused")
                    .isTrue();

            // Only node one starts work now.
            for (int i = 0; i < 3; i++) {
                Files.move(
                        TestClips.videoWithAudio(cluster.staging, "clip " + i + ".mkv", 0.5),
                        cluster.in.resolve("clip " + i + ".mkv"));
            }
            ClusterNodes.await("the three jobs to complete", WAIT, () -> completed(cluster) == 3, cluster);
            assertThat(cluster.jobs.list(JobFilter.all()))
                    .extracting(Job::nodeId)
                    .containsOnly(cluster.nodeIdOf("one"));

            JsonNode all = cluster.post("two", "/api/nodes/pause");
            assertThat(StreamSupport.stream(all.spliterator(), false)
                            .map(node -> node.get("paused").asBoolean())
                            .toList())
                    .containsExactly(true, true);
            ClusterNodes.await("node one paused too", WAIT, () -> queuePaused(cluster, "one"), cluster);

            cluster.post("two", "/api/nodes/resume");
            ClusterNodes.await(
                    "both nodes running again",
                    WAIT,
                    () -> !queuePaused(cluster, "one") && !queuePaused(cluster, "two"),
                    cluster);
            Files.move(TestClips.videoWithAudio(cluster.staging, "after.mkv", 0.5), cluster.in.resolve("after.mkv"));
            ClusterNodes.await("the job after the resume to complete", WAIT, () -> completed(cluster) == 4, cluster);
            assertThat(pausedAsSeenBy(cluster, "one", two)).isFalse();
        }
    }

    private static boolean answers(ClusterNodes cluster, String name) {
        try {
            return cluster.api(name, "/api/queue") != null;
        } catch (Exception e) {
            return false; // not listening yet
        }
    }

    private static boolean queuePaused(ClusterNodes cluster, String name) {
        try {
            return cluster.api(name, "/api/queue").get("paused").asBoolean();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pausedAsSeenBy(ClusterNodes cluster, String viewer, String nodeId) throws Exception {
        for (JsonNode node : cluster.api(viewer, "/api/nodes")) {
            if (node.get("id").asText().equals(nodeId)) {
                return node.get("paused").asBoolean();
            }
        }
        throw new AssertionError(viewer + " does not list node " + nodeId);
    }

    private static long completed(ClusterNodes cluster) {
        List<Job> jobs = cluster.jobs.list(JobFilter.all());
        return jobs.stream().filter(job -> job.status() == JobStatus.COMPLETED).count();
    }
}
