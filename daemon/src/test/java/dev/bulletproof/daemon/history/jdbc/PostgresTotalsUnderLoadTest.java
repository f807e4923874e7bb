package dev.bulletproof.daemon.history.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three daemons' connection pools driving jobs round the whole cycle at once (claim, complete, retry) on
 * one PostgreSQL database with the totals triggers in place: no write may fail (a deadlock between two
 * transactions that move jobs in opposite directions through the status counters would), and the
 * counters must still equal a count over the jobs.
 */
class PostgresTotalsUnderLoadTest {

    private static final int NODES = 3;
    private static final int WORKERS = 4;
    private static final int JOBS = 40;
    private static final int ROUNDS_PER_WORKER = 120;

    private final List<SqlDatabase> opened = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(NODES * WORKERS);

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        opened.forEach(SqlDatabase::close);
    }

    @Test
    void jobs_moving_every_way_at_once_never_deadlock_and_the_totals_stay_exact() throws Exception {
        PostgresDatabaseFixture fixture = PostgresDatabaseFixture.create();
        List<JdbcJobRepository> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            SqlDatabase database = fixture.open();
            opened.add(database);
            new JdbcHistory(database, Clock.systemUTC()); // installs the totals triggers
            nodes.add(new JdbcJobRepository(database, Clock.systemUTC(), "node-" + i));
        }
        List<NewFile> files = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            String path = "/share/clip-" + i + ".mov";
            files.add(NewFile.ready(path, 1000, 42, JobPlan.of("live-qlab", path + ".out.mov", 0)));
        }
        nodes.getFirst().registerFiles(files);

        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Future<?>> workers = new ArrayList<>();
        for (JdbcJobRepository node : nodes) {
            for (int w = 0; w < WORKERS; w++) {
                workers.add(threads.submit(() -> {
                    for (int round = 0; round < ROUNDS_PER_WORKER; round++) {
                        try {
                            Optional<Job> claimed = node.claimNext(Instant.now());
                            if (claimed.isEmpty()) {
                                continue;
                            }
                            Job job = claimed.get();
                            node.markCompleted(job.leaseHeld(), ExecutionResult.succeeded(job.outputPath(), true, 0.1));
                            node.retry(job.id());
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }

        assertThat(failures).as("writes that failed").isEmpty();
        assertThat(totals(opened.getFirst())).isEqualTo(counts(opened.getFirst()));
    }

    private static Map<String, Long> totals(SqlDatabase database) {
        Map<String, Long> totals = new TreeMap<>();
        database
                .inTransaction(tx ->
                        tx.query(JdbcHistory.SELECT_STATUS_TOTALS, row -> Map.entry(row.getString(1), row.getLong(2))))
                .stream()
                .filter(entry -> entry.getValue() != 0)
                .forEach(entry -> totals.put(entry.getKey(), entry.getValue()));
        return totals;
    }

    private static Map<String, Long> counts(SqlDatabase database) {
        Map<String, Long> counts = new TreeMap<>();
        database.inTransaction(tx -> tx.query(
                        "SELECT status, COUNT(*) FROM jobs GROUP BY status",
                        row -> Map.entry(row.getString(1), row.getLong(2))))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }
}
