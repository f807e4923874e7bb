package dev.bulletproof.daemon.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.cluster.jdbc.NodeRegistry;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.CrashRecovery;
import dev.bulletproof.daemon.jobs.IdleWorkerPool;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.PublishIntent;
import dev.bulletproof.daemon.jobs.PublishingJobRepository;
import dev.bulletproof.daemon.jobs.WorkerPool;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.daemon.jobs.jdbc.JdbcPublishIntentStore;
import dev.bulletproof.daemon.media.EncodeRegistry;
import dev.bulletproof.daemon.media.OutputFingerprint;
import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that ended when the database could not take its outcome leaves its job held by a live node with an
 * unfinished publish: no rescuer may touch it (its output may carry the final name already) and nothing
 * would queue it again. The node's own heartbeat finishes that publish, as start-up recovery would, so the
 * job completes once instead of waiting for a restart.
 */
class OrphanPublishTest {

    @TempDir
    Path root;

    private SqlDatabase database;

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void on_postgresql_the_heartbeat_finishes_the_publish_of_a_run_whose_outcome_was_never_recorded() throws Exception {
        database = PostgresDatabaseFixture.create().open();
        finishesTheOrphansPublish(true);
    }

    /** A single machine's database: its disk was full when the outcome was written, say. */
    @Test
    void on_sqlite_the_heartbeat_finishes_the_publish_of_a_run_whose_outcome_was_never_recorded() throws Exception {
        database = Database.open(root.resolve("bulletproof.db"));
        Migrations.fromClasspath().apply(database);
        finishesTheOrphansPublish(false);
    }

    private void finishesTheOrphansPublish(boolean shared) throws Exception {
        Clock clock = Clock.systemUTC();
        JdbcJobRepository store = new JdbcJobRepository(database, clock, "node-a");
        JdbcPublishIntentStore intents = new JdbcPublishIntentStore(database, clock);
        Path input = Files.writeString(root.resolve("cue 1.mov"), "source");
        Path output = root.resolve("out").resolve("cue 1.mov");
        Files.createDirectories(output.getParent());
        store.registerFile(
                NewFile.ready(input.toString(), Files.size(input), 1, JobPlan.of("live-qlab", output.toString(), 0)));
        Job claimed = store.claimNext(Instant.now()).orElseThrow();
        // What the run left: its verified temporary output and the intent to rename it; then its outcome
        // write failed, so the job is still processing under this node's lease.
        Path temp = Files.writeString(OutputPaths.tempFor(output), "verified output");
        intents.record(
                PublishIntent.beforeRename(
                        claimed.id(), temp, output, Files.size(temp), OutputFingerprint.of(temp), 1.5),
                claimed.leaseHeld());

        PublishingJobRepository jobs = new PublishingJobRepository(store, new EventBus());
        WorkerPool pool = IdleWorkerPool.over(jobs);
        CrashRecovery recovery = new CrashRecovery(
                jobs,
                intents,
                new EncodeRegistry(Files.createDirectories(root.resolve("encodes"))),
                DaemonConfig.defaults(root),
                shared ? "node-a" : null);
        NodeIdentity node = new NodeIdentity("node-a", "node-a", "test", 1, List.of());
        Heartbeat heartbeat = new Heartbeat(
                new NodeRegistry(database, Duration.ofSeconds(20)),
                node,
                pool,
                jobs,
                Duration.ofSeconds(1),
                shared,
                3,
                recovery::finishPublishOf);
        new NodeRegistry(database, Duration.ofSeconds(20)).register(node);

        heartbeat.beatOnce();

        Job after = store.get(claimed.id());
        assertThat(after.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(after.outputPath()).isEqualTo(output.toString());
        assertThat(output).hasContent("verified output");
        assertThat(temp).doesNotExist();
        assertThat(intents.all()).isEmpty();
        assertThat(store.events(claimed.id()))
                .filteredOn(event -> event.to() == JobStatus.COMPLETED)
                .hasSize(1);

        heartbeat.beatOnce();
        assertThat(store.get(claimed.id()).status())
                .as("nothing more happens to it")
                .isEqualTo(JobStatus.COMPLETED);
    }
}
