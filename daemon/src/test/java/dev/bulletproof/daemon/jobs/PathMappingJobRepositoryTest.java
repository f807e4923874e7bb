package dev.bulletproof.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes on one PostgreSQL database that mount one share at different places: the store names each file by
 * its cluster-wide path, each node sees its own paths, and a node claims only files it can read.
 */
class PathMappingJobRepositoryTest {

    private static final String CANONICAL = "/bp-shared/media";

    @TempDir
    Path root;

    private final Clock clock = Clock.systemUTC();
    private final List<SqlDatabase> opened = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private PostgresDatabaseFixture fixture;
    private Path mountA;
    private Path mountB;

    @BeforeEach
    void share() throws Exception {
        fixture = PostgresDatabaseFixture.create();
        mountA = Files.createDirectories(root.resolve("node a/média"));
        mountB = Files.createSymbolicLink(root.resolve("node b"), mountA);
    }

    @AfterEach
    void close() {
        opened.forEach(SqlDatabase::close);
    }

    private JobRepository node(Path mount) {
        SqlDatabase database = fixture.open();
        opened.add(database);
        return new PathMappingJobRepository(
                new JdbcJobRepository(database, clock),
                PathMap.of(Map.of(CANONICAL, mount.toString())),
                true,
                nanos::get,
                Duration.ofSeconds(30));
    }

    private static NewFile ready(Path input) {
        return NewFile.ready(
                        input.toString(),
                        1000,
                        42,
                        JobPlan.of(
                                "live-qlab",
                                input.resolveSibling("out/" + input.getFileName())
                                        .toString(),
                                0))
                .in(input.getParent().toString());
    }

    @Test
    void one_file_seen_under_two_mounts_is_one_job_named_by_its_cluster_wide_path() throws Exception {
        JobRepository a = node(mountA);
        JobRepository b = node(mountB);
        Files.writeString(mountA.resolve("cue 1 été.mov"), "x");

        Registration byA = a.registerFile(ready(mountA.resolve("cue 1 été.mov")));
        Registration byB = b.registerFile(ready(mountB.resolve("cue 1 été.mov")));

        assertThat(byA.created()).isTrue();
        assertThat(byB.created())
                .as("the second node finds the first one's job")
                .isFalse();
        assertThat(byB.job().id()).isEqualTo(byA.job().id());
        assertThat(byA.job().inputPath())
                .isEqualTo(mountA.resolve("cue 1 été.mov").toString());
        assertThat(byB.job().inputPath())
                .isEqualTo(mountB.resolve("cue 1 été.mov").toString());
        assertThat(byB.job().outputPath())
                .isEqualTo(mountB.resolve("out/cue 1 été.mov").toString());
        assertThat(b.list(JobFilter.all().inFolder(mountB.toString()))).hasSize(1);
        Job stored = new JdbcJobRepository(opened(fixture.open()), clock)
                .get(byA.job().id());
        assertThat(stored.inputPath()).isEqualTo(CANONICAL + "/cue 1 été.mov");
        assertThat(stored.outputPath()).isEqualTo(CANONICAL + "/out/cue 1 été.mov");
        assertThat(stored.watchFolder()).isEqualTo(CANONICAL);
    }

    @Test
    void a_folder_left_out_of_a_claim_is_named_by_this_nodes_path_and_matched_by_its_cluster_wide_one()
            throws Exception {
        JobRepository a = node(mountA);
        JobRepository b = node(mountB);
        Files.writeString(mountA.resolve("a.mov"), "x");
        long id = a.registerFile(ready(mountA.resolve("a.mov"))).job().id();

        assertThat(b.claimNext(Instant.now(), job -> true, ClaimFolders.except(java.util.Set.of(mountB.toString()))))
                .as("node b's own name for the closed folder")
                .isEmpty();
        assertThat(b.claimNext(Instant.now(), job -> true, ClaimFolders.only(java.util.Set.of(mountB.toString()))))
                .map(Job::id)
                .hasValue(id);
    }

    @Test
    void a_node_that_cannot_read_the_input_leaves_the_job_queued_for_the_others() throws Exception {
        JobRepository blind = node(root.resolve("not mounted"));
        JobRepository b = node(mountB);
        Files.writeString(mountA.resolve("a.mov"), "x");
        long id = b.registerFile(ready(mountB.resolve("a.mov"))).job().id();

        assertThat(blind.claimNext(Instant.now())).isEmpty();
        assertThat(blind.get(id).status()).isEqualTo(dev.bulletproof.model.JobStatus.QUEUED);
        assertThat(blind.get(id).attempts()).as("not counted as an attempt").isZero();

        Job claimed = b.claimNext(Instant.now()).orElseThrow();
        assertThat(claimed.id()).isEqualTo(id);
        assertThat(claimed.inputPath()).isEqualTo(mountB.resolve("a.mov").toString());
    }

    @Test
    void a_job_this_node_could_not_read_is_looked_at_again_only_after_a_while() throws Exception {
        Path late = Files.createDirectories(root.resolve("late mount"));
        Files.delete(late);
        JobRepository c = node(late);
        JobRepository b = node(mountB);
        Files.writeString(mountA.resolve("a.mov"), "x");
        long id = b.registerFile(ready(mountB.resolve("a.mov"))).job().id();

        assertThat(c.claimNext(Instant.now())).isEmpty();
        Files.createSymbolicLink(late, mountA); // the share is mounted now
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(c.claimNext(Instant.now()))
                .as("within the while the file is not checked again")
                .isEmpty();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(c.claimNext(Instant.now())).map(Job::id).contains(id);
    }

    @Test
    void jobs_this_node_cannot_read_do_not_hide_a_later_one_it_can() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("other share"));
        JobRepository b = node(mountB);
        for (int i = 0; i < 12; i++) {
            // on a share node b does not mount: their paths are not under the map's canonical folder
            b.registerFile(ready(elsewhere.resolve("missing-" + i + ".mov")));
        }
        Files.writeString(mountA.resolve("mine.mov"), "x");
        long mine = b.registerFile(ready(mountB.resolve("mine.mov"))).job().id();

        assertThat(b.claimNext(Instant.now()))
                .as("the first candidates are all unreadable")
                .isEmpty();
        assertThat(b.claimNext(Instant.now()))
                .as("once left out, they no longer use up the candidates")
                .map(Job::id)
                .contains(mine);
        assertThat(b.list(JobFilter.all()))
                .filteredOn(job -> job.status() == dev.bulletproof.model.JobStatus.QUEUED)
                .hasSize(12);
    }

    @Test
    void on_one_machine_a_missing_input_is_claimed_and_fails_there_as_before() throws Exception {
        SqlDatabase database = opened(fixture.open());
        JobRepository single =
                new PathMappingJobRepository(new JdbcJobRepository(database, clock), PathMap.none(), false);
        long id = single.registerFile(ready(root.resolve("gone.mov"))).job().id();

        assertThat(single.claimNext(Instant.now())).map(Job::id).contains(id);
    }

    private SqlDatabase opened(SqlDatabase database) {
        opened.add(database);
        return database;
    }
}
