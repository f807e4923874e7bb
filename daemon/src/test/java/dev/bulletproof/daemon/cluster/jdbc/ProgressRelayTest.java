package dev.bulletproof.daemon.cluster.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.PostgresDatabase;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.LiveJobs;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.daemon.jobs.LiveProgressBoard;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.testing.Await;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live progress between two nodes on a real PostgreSQL server, and the notification payload format. */
class ProgressRelayTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : opened.reversed()) {
            each.close();
        }
    }

    @Test
    void a_tick_of_one_node_reaches_the_other_nodes_board_and_bus_with_the_job() throws Exception {
        Nodes nodes = twoNodes();
        JdbcJobRepository firstJobs = nodes.firstJobs();
        EventBus firstBus = nodes.firstBus();
        LiveProgressBoard secondBoard = nodes.secondBoard();
        List<JobEvent.Progress> seenBySecond = new CopyOnWriteArrayList<>();
        nodes.secondBus().subscribe(JobEvent.Progress.class, seenBySecond::add);

        firstJobs.registerFile(NewFile.ready("/share/a.mov", 1, 1, JobPlan.of("live-qlab", "/out/a.mov", 0)));
        Job running = firstJobs.claimNext(Instant.now()).orElseThrow();
        LiveProgress tick = new LiveProgress(running.id(), 0.42, 50.0, 2.0, 12.0, 3.0);
        // Published as the worker pool does; sent again until the listener is surely subscribed.
        Await.until("node b to see node a's tick", () -> {
            firstBus.publish(new JobEvent.Progress(running, tick));
            return secondBoard.of(running.id()).isPresent();
        });

        assertThat(secondBoard.of(running.id()).orElseThrow()).isEqualTo(tick);
        JobEvent.Progress event = seenBySecond.getFirst();
        assertThat(event.job().id()).isEqualTo(running.id());
        assertThat(event.job().nodeId()).isEqualTo("node-a");
        assertThat(event.progress()).isEqualTo(tick);
    }

    @Test
    void a_tick_under_a_lease_the_database_no_longer_holds_is_ignored() throws Exception {
        Nodes nodes = twoNodes();
        JdbcJobRepository firstJobs = nodes.firstJobs();
        EventBus firstBus = nodes.firstBus();
        LiveProgressBoard secondBoard = nodes.secondBoard();

        firstJobs.registerFile(NewFile.ready("/share/s.mov", 1, 1, JobPlan.of("live-qlab", "/out/s.mov", 0)));
        firstJobs.registerFile(NewFile.ready("/share/t.mov", 1, 1, JobPlan.of("live-qlab", "/out/t.mov", 0)));
        Job stale = firstJobs.claimNext(Instant.now()).orElseThrow();
        Job current = firstJobs.claimNext(Instant.now()).orElseThrow();
        // The first run's lease is taken over (as the rescuer does for a frozen node): its ticks are stale.
        Job staleRun = new Job(
                stale.id(),
                stale.inputPath(),
                stale.inputSize(),
                stale.inputMtimeMillis(),
                stale.filename(),
                stale.status(),
                stale.statusReason(),
                stale.profile(),
                stale.outputPath(),
                stale.onSuccess(),
                stale.priority(),
                stale.attempts(),
                stale.error(),
                stale.createdAt(),
                stale.startedAt(),
                stale.completedAt(),
                stale.notBefore(),
                stale.mediaDurationSeconds(),
                stale.bitrate(),
                stale.resolution(),
                stale.verified(),
                stale.processingSeconds(),
                stale.version(),
                stale.mediaFacts(),
                stale.outputSize(),
                stale.thumbnail(),
                stale.watchFolder(),
                stale.nodeId(),
                stale.lease() - 1);

        Await.until("the current run's tick to arrive", () -> {
            firstBus.publish(new JobEvent.Progress(staleRun, new LiveProgress(stale.id(), 0.9, 1.0, 1.0, 1.0, 1.0)));
            firstBus.publish(new JobEvent.Progress(current, new LiveProgress(current.id(), 0.1, 1.0, 1.0, 1.0, 1.0)));
            return secondBoard.of(current.id()).isPresent();
        });
        assertThat(secondBoard.of(stale.id())).isEmpty();
    }

    @Test
    void ticks_travel_as_text_lines_split_under_postgresqls_payload_limit() {
        List<ProgressRelay.Tick> ticks = IntStream.range(0, 300)
                .mapToObj(i -> new ProgressRelay.Tick(
                        "3f2b9c1e-0000-4000-8000-00000000000" + (i % 10),
                        i + 1,
                        new LiveProgress(i, i / 300.0, i % 2 == 0 ? null : 25.0, 1.5, null, i)))
                .toList();

        List<String> payloads = ProgressRelay.payloads(ticks);

        assertThat(payloads).hasSizeGreaterThan(1).allMatch(p -> p.length() < ProgressRelay.MAX_PAYLOAD);
        List<ProgressRelay.Tick> back =
                payloads.stream().flatMap(p -> ProgressRelay.parse(p).stream()).toList();
        assertThat(back).hasSize(300);
        assertThat(back.get(7).progress().fps()).isEqualTo(25.0);
        assertThat(back.get(8).progress().fps()).isNull();
        assertThat(back.get(8).progress().etaSeconds()).isNull();
        assertThat(back.get(150).progress().fraction()).isEqualTo(0.5);
        assertThat(back.get(150).lease()).isEqualTo(151);
    }

    @Test
    void anything_that_is_not_a_tick_is_ignored() {
        assertThat(ProgressRelay.parse(null)).isEmpty();
        assertThat(ProgressRelay.parse("")).isEmpty();
        assertThat(ProgressRelay.parse("hello\nnode 1 2 x - - - 0\nnode 1 2 0.5 - - -"))
                .isEmpty();
        assertThat(ProgressRelay.parse("node 1 2 7.0 - - - 0")
                        .getFirst()
                        .progress()
                        .fraction())
                .as("clamped")
                .isEqualTo(1.0);
    }

    /** Node a's store and bus, node b's board and bus: two daemons' relays on one database. */
    private record Nodes(
            JdbcJobRepository firstJobs, EventBus firstBus, LiveProgressBoard secondBoard, EventBus secondBus) {}

    private Nodes twoNodes() {
        PostgresDatabaseFixture fixture = PostgresDatabaseFixture.create();
        PostgresDatabase first = (PostgresDatabase) opened(fixture.open());
        PostgresDatabase second = (PostgresDatabase) opened(fixture.open());
        JdbcJobRepository firstJobs = new JdbcJobRepository(first, Clock.systemUTC(), "node-a");
        JdbcJobRepository secondJobs = new JdbcJobRepository(second, Clock.systemUTC(), "node-b");
        Nodes nodes = new Nodes(firstJobs, new EventBus(), new LiveProgressBoard(), new EventBus());
        relay(
                first,
                "node-a",
                new LiveJobs(firstJobs, new LiveProgressBoard()),
                new LiveProgressBoard(),
                nodes.firstBus());
        relay(second, "node-b", new LiveJobs(secondJobs, nodes.secondBoard()), nodes.secondBoard(), nodes.secondBus());
        return nodes;
    }

    private void relay(PostgresDatabase database, String node, LiveJobs jobs, LiveProgressBoard board, EventBus bus) {
        ProgressRelay relay = new ProgressRelay(database::dedicatedConnection, database, node, jobs, board, bus);
        relay.start();
        opened.add(relay);
    }

    private SqlDatabase opened(SqlDatabase database) {
        opened.add(database::close);
        return database;
    }
}
