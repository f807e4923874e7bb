package dev.bulletproof.daemon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons as child processes on a PostgreSQL server of this test's own, which is stopped and started
 * again (same data folder, same port) while they encode: they reconnect by themselves and every job
 * completes once.
 */
class DatabaseRestartTest {

    private static final int CLIPS = 3;

    @TempDir
    Path root;

    @Test
    void the_nodes_reconnect_after_a_database_restart_and_every_job_completes_once() throws Exception {
        int port = MonitorFixture.freePort();
        Path pgData = root.resolve("pgdata");
        EmbeddedPostgres server = start(pgData, port);
        try (ClusterNodes cluster = new ClusterNodes(
                Files.createDirectories(root.resolve("cluster")),
                3,
                20,
                server.getJdbcUrl(PostgresDatabaseFixture.USER, "postgres"))) {
            cluster.start("one");
            cluster.start("two");
            ClusterNodes.await("two nodes alive", Duration.ofSeconds(120), () -> cluster.aliveNodes() == 2, cluster);
            for (int i = 0; i < CLIPS; i++) {
                String name = "restart-" + i + ".mkv";
                Files.move(TestClips.hd(cluster.staging, name, 4), cluster.in.resolve(name));
            }
            ClusterNodes.await(
                    "an encode under way",
                    Duration.ofSeconds(120),
                    () -> cluster.jobs.list(JobFilter.all()).stream()
                            .anyMatch(job -> job.status() == JobStatus.PROCESSING),
                    cluster);

            server.close();
            Thread.sleep(6_000);
            server = start(pgData, port);

            ClusterNodes.await(
                    "every job to finish",
                    Duration.ofSeconds(300),
                    () -> {
                        List<Job> jobs = cluster.jobs.list(JobFilter.all());
                        return jobs.size() == CLIPS
                                && jobs.stream().allMatch(job -> job.status().isFinished());
                    },
                    cluster);
            List<Job> jobs = cluster.jobs.list(JobFilter.all());
            assertThat(jobs).as(cluster.logs()).allMatch(job -> job.status() == JobStatus.COMPLETED);
            assertThat(cluster.outputs())
                    .as("one output per job")
                    .containsExactlyInAnyOrderElementsOf(
                            jobs.stream().map(job -> Path.of(job.outputPath())).toList());
            assertThat(cluster.temporaries()).isEmpty();
            for (Job job : jobs) {
                assertThat(cluster.history(job.id()))
                        .filteredOn(event -> event.type() == JobEventType.COMPLETED)
                        .hasSize(1);
            }
            assertThat(cluster.aliveNodes()).as("both nodes beat again").isEqualTo(2);
        } finally {
            server.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }
}
