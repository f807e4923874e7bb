package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four daemons on one PostgreSQL database and one shared folder that each mounts somewhere else (decision
 * 0030): node a at the folder itself, nodes b and c through symbolic links at other paths, node d at a mount
 * that does not exist. Every clip is one job named by its cluster-wide path, encoded and published once, by
 * a, b or c, and every node's API lists them all with their nodes; d, which cannot see the share, never
 * claims one.
 */
class ClusterSharedFoldersTest {

    private static final String SHARE = "/bp-cluster-share";
    private static final int CLIPS = 30;

    @TempDir
    Path root;

    @Test
    void nodes_mounting_one_share_at_different_paths_encode_each_clip_once_and_a_blind_node_claims_nothing()
            throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(root, 2, 10)) {
            Path mountB = Files.createSymbolicLink(root.resolve("mount of b"), root);
            Path mountC = Files.createSymbolicLink(root.resolve("mount-c"), root);
            cluster.start("a", folders(root), pathMap(root));
            cluster.start("b", folders(mountB), pathMap(mountB));
            cluster.start("c", folders(mountC), pathMap(mountC));
            cluster.start(
                    "d",
                    "monitor_folder: ./d-in\noutput_folder: ./d-out\nprocessed_folder: ./d-processed\n",
                    pathMap(root.resolve("not mounted")));
            ClusterNodes.await("four nodes alive", Duration.ofSeconds(120), () -> cluster.aliveNodes() == 4, cluster);

            Path clip = TestClips.sized(cluster.staging, "clip.mkv", 1, "320x180");
            for (int i = 0; i < CLIPS; i++) {
                String name = "clip é " + i + ".mkv";
                Files.copy(clip, cluster.staging.resolve(name));
                Files.move(cluster.staging.resolve(name), cluster.in.resolve(name));
            }
            ClusterNodes.await(
                    "every clip to finish",
                    Duration.ofSeconds(400),
                    () -> {
                        List<Job> all = cluster.jobs.list(JobFilter.all());
                        return all.size() >= CLIPS
                                && all.stream().allMatch(job -> job.status().isFinished());
                    },
                    cluster);
            Thread.sleep(2_000); // a second registration or claim would have happened by now

            List<Job> jobs = cluster.jobs.list(JobFilter.all());
            assertThat(jobs)
                    .as("one job per file cluster-wide\n" + cluster.logs())
                    .hasSize(CLIPS);
            assertThat(jobs).extracting(Job::status).as(cluster.logs()).containsOnly(JobStatus.COMPLETED);
            assertThat(jobs)
                    .extracting(Job::inputPath)
                    .as("stored under the cluster-wide name")
                    .allMatch(path -> path.startsWith(SHARE + "/in/clip é "));
            assertThat(jobs).extracting(Job::outputPath).allMatch(path -> path.startsWith(SHARE + "/out/"));
            assertThat(jobs).extracting(Job::watchFolder).containsOnly(SHARE + "/in");
            for (Job job : jobs) {
                assertThat(cluster.history(job.id()))
                        .extracting(entry -> entry.type())
                        .filteredOn(type -> type == JobEventType.STARTED || type == JobEventType.COMPLETED)
                        .as("claimed and completed once: job " + job.id())
                        .containsExactly(JobEventType.STARTED, JobEventType.COMPLETED);
            }

            Set<String> workers = jobs.stream().map(Job::nodeId).collect(Collectors.toSet());
            assertThat(workers)
                    .as("the jobs spread over the three nodes that see the share")
                    .containsExactlyInAnyOrder(cluster.nodeIdOf("a"), cluster.nodeIdOf("b"), cluster.nodeIdOf("c"));
            assertThat(cluster.aliveNodes()).as("node d ran all along").isEqualTo(4);
            for (String viewer : List.of("a", "b", "c", "d")) {
                var listed = cluster.api(viewer, "/api/jobs?limit=50");
                assertThat(listed).as("node " + viewer + " lists every job").hasSize(CLIPS);
                listed.forEach(job -> assertThat(job.get("node").asText())
                        .as("node " + viewer + " names the node of job " + job.get("id"))
                        .isIn("a", "b", "c"));
            }

            assertThat(cluster.outputs())
                    .as("each output published once, where the canonical path says")
                    .hasSize(CLIPS)
                    .containsExactlyInAnyOrderElementsOf(jobs.stream()
                            .map(job -> root.resolve(Path.of(SHARE).relativize(Path.of(job.outputPath()))))
                            .toList());
            assertThat(cluster.temporaries()).isEmpty();
            assertThat(cluster.api("b", "/api/jobs/" + jobs.getFirst().id())
                            .get("input_path")
                            .asText())
                    .as("node b shows the file at its own mount")
                    .startsWith(mountB.resolve("in").toString());
        }
    }

    private static String folders(Path mount) {
        return "monitor_folder: \"%s\"\noutput_folder: \"%s\"\nprocessed_folder: \"%s\"\n"
                .formatted(mount.resolve("in"), mount.resolve("out"), mount.resolve("processed"));
    }

    private static String pathMap(Path mount) {
        return "  path_map: { \"%s\": \"%s\" }\n".formatted(SHARE, mount);
    }
}
