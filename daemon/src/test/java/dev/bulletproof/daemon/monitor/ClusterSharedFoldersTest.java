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
 * Three daemons on one PostgreSQL database and one shared folder that each mounts somewhere else (decision
 * 0030): node a at the folder itself, node b through a symbolic link at another path, node c at a mount that
 * does not exist. Every clip is one job named by its cluster-wide path, encoded and published once, by a or
 * b; c, which cannot see the share, never claims one.
 */
class ClusterSharedFoldersTest {

    private static final String SHARE = "/bp-cluster-share";
    private static final int CLIPS = 4;

    @TempDir
    Path root;

    @Test
    void nodes_mounting_one_share_at_different_paths_encode_each_clip_once_and_a_blind_node_claims_nothing()
            throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(root, 2, 10)) {
            Path mountB = Files.createSymbolicLink(root.resolve("mount of b"), root);
            cluster.start("a", folders(root), pathMap(root));
            cluster.start("b", folders(mountB), pathMap(mountB));
            cluster.start(
                    "c",
                    "monitor_folder: ./c-in\noutput_folder: ./c-out\nprocessed_folder: ./c-processed\n",
                    pathMap(root.resolve("not mounted")));
            ClusterNodes.await("three nodes alive", Duration.ofSeconds(120), () -> cluster.aliveNodes() == 3, cluster);

            for (int i = 0; i < CLIPS; i++) {
                String name = "clip é " + i + ".mkv";
                Files.move(TestClips.sized(cluster.staging, name, 2, "640x360"), cluster.in.resolve(name));
            }
            ClusterNodes.await(
                    "every clip to finish",
                    Duration.ofSeconds(240),
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
                    .as("the jobs spread over the two nodes that see the share")
                    .containsExactlyInAnyOrder(cluster.nodeIdOf("a"), cluster.nodeIdOf("b"));
            assertThat(cluster.aliveNodes()).as("node c ran all along").isEqualTo(3);

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
