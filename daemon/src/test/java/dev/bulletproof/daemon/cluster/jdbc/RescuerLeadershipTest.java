package dev.bulletproof.daemon.cluster.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.cluster.Heartbeat;
import dev.bulletproof.daemon.cluster.NodeIdentity;
import dev.bulletproof.daemon.db.PostgresDatabase;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.IdleWorkerPool;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.PublishingJobRepository;
import dev.bulletproof.daemon.jobs.WorkerPool;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.model.JobStatus;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rescuer's leadership on a real PostgreSQL server: of several nodes one leads, a leader whose session
 * dies gives the lead up to another, and only the leader rescues.
 */
class RescuerLeadershipTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final PostgresDatabaseFixture fixture = PostgresDatabaseFixture.create();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : opened.reversed()) {
            each.close();
        }
    }

    @Test
    void one_node_leads_and_another_takes_over_when_its_session_dies() throws Exception {
        PostgresDatabase database = opened((PostgresDatabase) fixture.open());
        JdbcJobRepository jobs = new JdbcJobRepository(database, Clock.systemUTC(), "node-b");
        jobs.registerFile(NewFile.ready("/watch/a.mov", 1, 1, JobPlan.of("live-qlab", "/out/a.mov", 0)));
        Job stranded = new JdbcJobRepository(database, Clock.systemUTC(), "node-gone")
                .claimNext(Instant.now())
                .orElseThrow();
        Heartbeat alive = aliveHeartbeat(database, jobs, "node-b");
        AtomicReference<Connection> firstSession = new AtomicReference<>();
        Supplier<Connection> recording = () -> {
            Connection connection = database.dedicatedConnection();
            firstSession.compareAndSet(null, connection);
            return connection;
        };
        Rescuer first =
                opened(new Rescuer(recording, jobs, alive, TIMEOUT, Duration.ofSeconds(1), 3, null, down -> {}));
        Rescuer second = opened(new Rescuer(
                database::dedicatedConnection, jobs, alive, TIMEOUT, Duration.ofSeconds(1), 3, null, down -> {}));

        first.roundOnce();
        List<Job> bySecond = second.roundOnce();

        assertThat(first.isLeader()).isTrue();
        assertThat(second.isLeader()).isFalse();
        assertThat(bySecond).as("a follower rescues nothing").isEmpty();
        assertThat(jobs.get(stranded.id()).status())
                .as("node-gone never registered: it is dead")
                .isEqualTo(JobStatus.QUEUED);

        firstSession.get().close(); // as if its connection had been cut: PostgreSQL drops its lock
        second.roundOnce();
        first.roundOnce();

        assertThat(first.isLeader()).isFalse();
        assertThat(second.isLeader()).isTrue();
    }

    private Heartbeat aliveHeartbeat(SqlDatabase database, JdbcJobRepository store, String nodeId) {
        PublishingJobRepository jobs = new PublishingJobRepository(store, new EventBus());
        WorkerPool pool = IdleWorkerPool.over(jobs);
        Heartbeat heartbeat = new Heartbeat(
                new NodeRegistry(database, TIMEOUT),
                new NodeIdentity(nodeId, nodeId, "test", 1, List.of()),
                pool,
                jobs,
                Duration.ofSeconds(1),
                true,
                3,
                jobId -> Optional.empty());
        heartbeat.start();
        opened.add(heartbeat);
        return heartbeat;
    }

    private <T extends AutoCloseable> T opened(T resource) {
        opened.add(resource);
        return resource;
    }
}
