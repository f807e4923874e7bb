package dev.bulletproof.daemon.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.cluster.jdbc.NodeRegistry;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.InputMedia;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.Lease;
import dev.bulletproof.daemon.jobs.LeaseLostException;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.PublishIntent;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.daemon.jobs.jdbc.JdbcPublishIntentStore;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, each with its own connection pool, on one real PostgreSQL database: claims record the node and
 * a new lease, a dead node's jobs are rescued and its later writes refused, and start-up recovery leaves
 * other nodes' jobs alone. A node is made "dead" by moving its last heartbeat back in the database, the
 * one fault injected here.
 */
class ClusterLeasesOnPostgresTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_ATTEMPTS = 3;

    private final Clock clock = Clock.systemUTC();
    private final List<SqlDatabase> opened = new ArrayList<>();
    private SqlDatabase database;
    private JdbcJobRepository nodeA;
    private JdbcJobRepository nodeB;
    private NodeRegistry registry;

    @BeforeEach
    void twoNodes() {
        PostgresDatabaseFixture fixture = PostgresDatabaseFixture.create();
        database = opened(fixture.open());
        nodeA = new JdbcJobRepository(database, clock, "node-a");
        nodeB = new JdbcJobRepository(opened(fixture.open()), clock, "node-b");
        registry = new NodeRegistry(database, TIMEOUT);
        registry.register(identity("node-a"));
        registry.register(identity("node-b"));
    }

    @AfterEach
    void close() {
        opened.forEach(SqlDatabase::close);
    }

    @Test
    void a_claim_records_the_node_and_a_new_lease_each_time() {
        register("/watch/a.mov");

        Job first = nodeA.claimNext(Instant.now()).orElseThrow();
        assertThat(first.nodeId()).isEqualTo("node-a");
        nodeA.scheduleRetry(first.leaseHeld(), Instant.now(), "again", "boom", 1.0);
        Job second = nodeB.claimNext(Instant.now()).orElseThrow();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.nodeId()).isEqualTo("node-b");
        assertThat(second.lease()).isGreaterThan(first.lease());
    }

    @Test
    void the_jobs_of_a_dead_node_are_rescued_and_those_of_a_live_one_are_not() {
        register("/watch/a.mov");
        register("/watch/b.mov");
        Job onA = nodeA.claimNext(Instant.now()).orElseThrow();
        Job onB = nodeB.claimNext(Instant.now()).orElseThrow();

        assertThat(nodeB.rescueJobsOfDeadNodes(TIMEOUT, MAX_ATTEMPTS))
                .as("nobody is dead yet")
                .isEmpty();
        silence("node-a");
        List<Job> rescued = nodeB.rescueJobsOfDeadNodes(TIMEOUT, MAX_ATTEMPTS);

        assertThat(rescued).extracting(Job::id).containsExactly(onA.id());
        Job again = nodeA.get(onA.id());
        assertThat(again.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(again.nodeId()).isNull();
        assertThat(again.attempts()).as("the interrupted attempt stays counted").isEqualTo(1);
        assertThat(again.lease()).isGreaterThan(onA.lease());
        assertThat(nodeA.get(onB.id()).status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(registry.nodes())
                .extracting(Node::id, Node::alive)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("node-a", false),
                        org.assertj.core.groups.Tuple.tuple("node-b", true));
    }

    @Test
    void a_node_whose_job_was_rescued_can_write_nothing_more_for_it() {
        register("/watch/a.mov");
        Job onA = nodeA.claimNext(Instant.now()).orElseThrow();
        silence("node-a");
        nodeB.rescueJobsOfDeadNodes(TIMEOUT, MAX_ATTEMPTS);
        Job onB = nodeB.claimNext(Instant.now()).orElseThrow();
        Lease stale = onA.leaseHeld();
        JdbcPublishIntentStore intentsOfA = new JdbcPublishIntentStore(database, clock);

        boolean recorded = intentsOfA.record(
                PublishIntent.beforeRename(onA.id(), Path.of("/out/.a.tmp"), Path.of("/out/a.mov"), 10, "f", 1.0),
                stale);
        assertThat(recorded).as("the publish intent of the old lease").isFalse();
        assertThatThrownBy(() -> nodeA.markCompleted(stale, ExecutionResult.succeeded("/out/a.mov", true, 1.0)))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> nodeA.markFailed(stale, "boom", 1.0)).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> nodeA.scheduleRetry(stale, Instant.now(), "r", "e", 1.0))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> nodeA.requeueAfterStop(stale)).isInstanceOf(LeaseLostException.class);

        Job now = nodeB.get(onA.id());
        assertThat(now.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(now.nodeId()).isEqualTo("node-b");
        assertThat(intentsOfA.all()).isEmpty();
        assertThat(nodeB.markCompleted(onB.leaseHeld(), ExecutionResult.succeeded("/out/a.mov", true, 1.0))
                        .status())
                .as("the new owner's lease still writes")
                .isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void the_heartbeat_reports_a_node_that_was_taken_for_dead() {
        assertThat(registry.beat("node-a", 0, 1)).isTrue();
        silence("node-a");

        assertThat(registry.beat("node-a", 0, 1))
                .as("too late: it must stop what it runs first")
                .isFalse();
        registry.register(identity("node-a"));
        assertThat(registry.beat("node-a", 0, 1)).isTrue();
    }

    @Test
    void start_up_recovery_takes_only_this_nodes_own_jobs() {
        register("/watch/a.mov");
        register("/watch/b.mov");
        Job onA = nodeA.claimNext(Instant.now()).orElseThrow();
        Job onB = nodeB.claimNext(Instant.now()).orElseThrow();

        List<Job> recovered = nodeA.recoverAfterCrash(MAX_ATTEMPTS);

        assertThat(recovered).extracting(Job::id).containsExactly(onA.id());
        assertThat(nodeA.get(onB.id()).status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(nodeA.get(onB.id()).lease()).isEqualTo(onB.lease());
    }

    @Test
    void a_rescued_job_out_of_attempts_fails() {
        register("/watch/a.mov");
        Job onA = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            onA = nodeA.claimNext(Instant.now()).orElseThrow();
            if (attempt < MAX_ATTEMPTS) {
                nodeA.scheduleRetry(onA.leaseHeld(), Instant.now(), "again", "boom", 1.0);
            }
        }
        silence("node-a");

        List<Job> rescued = nodeB.rescueJobsOfDeadNodes(TIMEOUT, MAX_ATTEMPTS);

        assertThat(rescued).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).contains("node node-a stopped answering").contains("no attempts left");
        });
        assertThat(onA).isNotNull();
    }

    @Test
    void a_job_with_an_unfinished_publish_is_left_to_its_node() {
        register("/watch/a.mov");
        Job onA = nodeA.claimNext(Instant.now()).orElseThrow();
        new JdbcPublishIntentStore(database, clock)
                .record(
                        PublishIntent.beforeRename(
                                onA.id(), Path.of("/out/.a.tmp"), Path.of("/out/a.mov"), 10, "f", 1.0),
                        onA.leaseHeld());
        silence("node-a");

        assertThat(nodeB.rescueJobsOfDeadNodes(TIMEOUT, MAX_ATTEMPTS)).isEmpty();
        assertThat(nodeB.get(onA.id()).status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void a_job_held_while_queued_is_not_rescued() {
        register("/watch/a.mov");
        Job onA = nodeA.claimNext(Instant.now()).orElseThrow();
        nodeA.scheduleRetry(onA.leaseHeld(), Instant.now(), "again", "boom", 1.0);
        nodeA.pause(onA.id());
        silence("node-a");

        assertThat(nodeB.rescueJobsOfDeadNodes(TIMEOUT, MAX_ATTEMPTS)).isEmpty();
        assertThat(nodeB.get(onA.id()).status()).isEqualTo(JobStatus.PAUSED);
    }

    @Test
    void a_node_releases_its_own_jobs_that_it_no_longer_runs() {
        register("/watch/a.mov");
        Job onA = nodeA.claimNext(Instant.now()).orElseThrow();
        assertThat(nodeA.leasesHeld()).containsExactly(onA.leaseHeld());
        assertThat(nodeB.leasesHeld()).isEmpty();

        assertThat(nodeB.recoverOrphans(List.of(onA.leaseHeld()), MAX_ATTEMPTS))
                .as("not node b's job")
                .isEmpty();
        List<Job> released = nodeA.recoverOrphans(List.of(onA.leaseHeld()), MAX_ATTEMPTS);

        assertThat(released).extracting(Job::status).containsExactly(JobStatus.QUEUED);
        assertThat(nodeA.leasesHeld()).isEmpty();
    }

    @Test
    void a_runs_outcome_is_recorded_while_another_node_keeps_changing_the_job() throws Exception {
        // Another node records what its probe learned about the input while this node finishes the job:
        // a write between the run's read of the job and its update must not pass for a lost lease.
        for (int round = 0; round < 40; round++) {
            register("/watch/round-" + round + ".mov");
            Job onA = nodeA.claimNext(Instant.now()).orElseThrow();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread prober = Thread.ofPlatform().start(() -> {
                while (!done.get()) {
                    nodeB.recordInputMedia(onA.id(), new InputMedia(2.0, 1000L, "320x180", null));
                }
            });
            try {
                Thread.sleep(2);
                Job completed = nodeA.markCompleted(
                        onA.leaseHeld(), ExecutionResult.succeeded("/out/round-" + round + ".mov", true, 1));
                assertThat(completed.status()).isEqualTo(JobStatus.COMPLETED);
            } finally {
                done.set(true);
                prober.join();
            }
        }
    }

    private void register(String path) {
        nodeA.registerFile(NewFile.ready(path, 1000, 42, JobPlan.of("live-qlab", path + ".out.mov", 0)));
    }

    /** The node's last heartbeat moved back past the timeout, as if it had stopped beating that long ago. */
    private void silence(String nodeId) {
        database.update(
                "UPDATE nodes SET last_heartbeat = last_heartbeat - ? WHERE id = ?",
                TIMEOUT.toMillis() + 1_000,
                nodeId);
    }

    private static NodeIdentity identity(String id) {
        return new NodeIdentity(id, id, "test", 1, List.of("libx264"));
    }

    private SqlDatabase opened(SqlDatabase opened) {
        this.opened.add(opened);
        return opened;
    }
}
