package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.media.MediaInfo;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job row carries its whole plan: a file found by a node whose config defines a custom profile is run
 * by another node that has never heard of that profile, with the finder's definition of it.
 */
class ClusterPlannedProfileTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path root;

    @Test
    void a_node_runs_a_job_with_the_profile_it_was_planned_with_even_one_it_does_not_know() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(root, 1, 20)) {
            cluster.start("finder", """
                    watch_folders:
                      - path: ./in
                        output_folder: ./out
                        rules:
                          - { pattern: '*.mkv', profile: cue-proxy }
                    profiles:
                      - name: cue-proxy
                        description: "a proxy only the finder's config defines"
                        extension: mkv
                        video_codec: libx264
                        encoder_preset: ultrafast
                        crf: 30
                        resolution: "160:90"
                        audio_codec: aac
                        audio_bitrate: 96k
                    """, "");
            Files.createDirectories(root.resolve("elsewhere"));
            cluster.start("runner", "monitor_folder: ./elsewhere\noutput_folder: ./out\n", "");
            ClusterNodes.await("two nodes alive", WAIT, () -> cluster.aliveNodes() == 2, cluster);
            ClusterNodes.await("the finder's API", WAIT, () -> answers(cluster, "finder"), cluster);
            // The finder queues what it finds but runs nothing, so the runner takes the job.
            cluster.post("finder", "/api/queue/pause");

            Files.move(TestClips.videoWithAudio(cluster.staging, "cue 7.mkv", 1.0), cluster.in.resolve("cue 7.mkv"));

            ClusterNodes.await(
                    "the job to finish",
                    WAIT,
                    () -> cluster.onlyJob()
                            .map(job -> job.status().isFinished())
                            .orElse(false),
                    cluster);
            Job job = cluster.onlyJob().orElseThrow();
            assertThat(job.status()).as(cluster.logs()).isEqualTo(JobStatus.COMPLETED);
            assertThat(job.profile()).isEqualTo("cue-proxy");
            assertThat(job.nodeId()).as("run by the node without the profile").isEqualTo(cluster.nodeIdOf("runner"));
            MediaInfo output = new MediaProber(TestMedia.tools()).probe(Path.of(job.outputPath()));
            assertThat(output.resolution())
                    .as("the finder's definition: 160:90")
                    .isEqualTo("160x90");
            assertThat(cluster.jobs.list(JobFilter.all())).hasSize(1);
        }
    }

    private static boolean answers(ClusterNodes cluster, String name) {
        try {
            cluster.api(name, "/api/health");
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
