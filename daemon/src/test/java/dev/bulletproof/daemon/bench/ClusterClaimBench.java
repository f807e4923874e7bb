package dev.bulletproof.daemon.bench;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.history.jdbc.JdbcHistory;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Prints the job store's claim throughput with several nodes, without ffmpeg: jobs are enqueued in bursts
 * of {@value #BURST} (as the intake does), then claimed and completed under their leases by every node's
 * workers at once until the queue is empty. One cycle is enqueue, claim and complete of one job. The
 * totals triggers are in place and each node folds them, as in a running daemon.
 *
 * <p>PostgreSQL: an embedded server, each node with its own connection pool (as separate daemons have).
 * SQLite, for comparison: one file and one process, its workers sharing the one writer (nodes cannot share
 * a SQLite file).
 *
 * <p>Arguments: {@code [jobs] [nodes] [workers per node]}; defaults 5000, 3 and 4.
 */
public final class ClusterClaimBench {

    private static final int BURST = 100;

    private ClusterClaimBench() {}

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        System.out.printf(Locale.ROOT, "%d jobs, %d nodes x %d workers%n", jobs, nodes, workers);

        PostgresDatabaseFixture fixture = PostgresDatabaseFixture.create();
        List<SqlDatabase> pools = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            pools.add(fixture.open());
        }
        measure("PostgreSQL", pools, jobs, workers);
        pools.forEach(SqlDatabase::close);

        Path folder = Files.createTempDirectory("bulletproof-bench");
        Database sqlite = Database.open(folder.resolve("claims.db"));
        Migrations.fromClasspath().apply(sqlite);
        List<SqlDatabase> one = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            one.add(sqlite);
        }
        measure("SQLite (one process)", one, jobs, workers);
        sqlite.close();
        System.exit(0); // the embedded server's threads
    }

    private static void measure(String label, List<SqlDatabase> pools, int jobs, int workers) throws Exception {
        Clock clock = Clock.systemUTC();
        List<JdbcJobRepository> repositories = IntStream.range(0, pools.size())
                .mapToObj(i -> new JdbcJobRepository(pools.get(i), clock, "node-" + i))
                .toList();
        // As in the daemon: the totals triggers fire on every status change and each node folds them.
        List<BackgroundLoop> folds = pools.stream()
                .distinct()
                .map(pool -> new JdbcHistory(pool, clock).foldTotalsEvery(Duration.ofSeconds(2)))
                .toList();
        String run = label.substring(0, 2) + System.nanoTime();
        long start = System.nanoTime();
        for (int from = 0; from < jobs; from += BURST) {
            List<NewFile> burst = new ArrayList<>();
            for (int i = from; i < Math.min(jobs, from + BURST); i++) {
                String path = "/watch/" + run + "/clip-" + i + ".mov";
                burst.add(NewFile.ready(path, 1000, 42, JobPlan.of("live-qlab", path + ".out.mov", 0)));
            }
            repositories.get((from / BURST) % repositories.size()).registerFiles(burst);
        }
        long enqueued = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(repositories.size() * workers);
        List<Future<?>> all = new ArrayList<>();
        for (JdbcJobRepository node : repositories) {
            for (int w = 0; w < workers; w++) {
                all.add(threads.submit(() -> {
                    Optional<Job> next;
                    while ((next = node.claimNext(Instant.now())).isPresent()) {
                        Job job = next.get();
                        node.markCompleted(job.leaseHeld(), ExecutionResult.succeeded(job.outputPath(), true, 0.1));
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> each : all) {
            each.get();
        }
        long end = System.nanoTime();
        threads.shutdown();
        folds.forEach(fold -> fold.stop(Duration.ofSeconds(5)));
        if (done.get() != jobs) {
            throw new AssertionError(label + ": " + done.get() + " of " + jobs + " jobs completed");
        }
        double enqueueSeconds = (enqueued - start) / 1e9;
        double claimSeconds = (end - enqueued) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-22s enqueue %7.0f jobs/s | claim+complete %7.0f jobs/s | enqueue->claim->complete %7.0f cycles/s%n",
                label,
                jobs / enqueueSeconds,
                jobs / claimSeconds,
                jobs / (enqueueSeconds + claimSeconds));
    }
}
