package dev.bulletproof.daemon.bench;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Durability;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * Prints how fast the SQLite job store moves jobs through the queue on this machine: full
 * enqueue, claim, complete cycles per second, and the time to register a large folder of files in
 * batches, as the folder scanner does at start-up.
 *
 * <p>Cycles are measured two ways. "one by one": each file enqueued in its own transaction, so a cycle
 * is three durable commits; this is a file landing in the folder on its own. "burst": files enqueued
 * {@value #BURST} per transaction, as the intake thread does when many files become ready together (a
 * folder copied in, a card offloaded), then each claimed and completed on its own; two commits a job.
 *
 * <p>Arguments: {@code [cycles] [files] [folder]}; defaults 2000, 100000 and a new temporary folder.
 */
public final class QueueThroughputBench {

    private static final int SCAN_BATCH = 1_000;
    private static final int BURST = 100;

    private QueueThroughputBench() {}

    public static void main(String[] args) throws IOException {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path folder = args.length > 2
                ? Files.createDirectories(Path.of(args[2]))
                : Files.createTempDirectory("bulletproof-bench");
        System.out.printf(Locale.ROOT, "database folder: %s%n", folder);
        for (Durability durability : Durability.values()) {
            measureCycles(folder.resolve("cycles-" + durability + ".db"), durability, cycles);
        }
        for (Durability durability : Durability.values()) {
            measureRegistration(folder.resolve("register-" + durability + ".db"), durability, files);
        }
        deleteTree(folder);
    }

    private static void measureCycles(Path file, Durability durability, int cycles) {
        try (Database database = open(file, durability)) {
            JdbcJobRepository jobs = new JdbcJobRepository(database, Clock.systemUTC());
            runCycles(jobs, "warm-up", Math.min(200, cycles));
            long start = System.nanoTime();
            runCycles(jobs, "run", cycles);
            report(durability, "one by one", cycles, start);
            runBurstCycles(jobs, "burst-warm-up", Math.min(200, cycles));
            start = System.nanoTime();
            runBurstCycles(jobs, "burst", cycles);
            report(durability, "burst", cycles, start);
        }
    }

    private static void report(Durability durability, String how, int cycles, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "synchronous=%-6s enqueue->claim->complete, %-10s: %,d cycles in %.2f s = %,.0f cycles/s (%.2f ms per cycle)%n",
                durability,
                how,
                cycles,
                seconds,
                cycles / seconds,
                seconds * 1000 / cycles);
    }

    private static void runBurstCycles(JdbcJobRepository jobs, String label, int cycles) {
        for (int from = 0; from < cycles; from += BURST) {
            List<NewFile> burst = new ArrayList<>(BURST);
            for (int i = from; i < Math.min(cycles, from + BURST); i++) {
                String path = "/bench/" + label + "/" + i + ".mov";
                burst.add(NewFile.ready(path, 1_000_000 + i, i, JobPlan.of("bench", path + ".mp4", 0)));
            }
            jobs.registerFiles(burst);
            for (int i = 0; i < burst.size(); i++) {
                Job claimed = jobs.claimNext(Clock.systemUTC().instant()).orElseThrow();
                jobs.markCompleted(claimed.id(), ExecutionResult.succeeded(claimed.outputPath(), true, 0.01));
            }
        }
    }

    private static void runCycles(JdbcJobRepository jobs, String label, int cycles) {
        for (int i = 0; i < cycles; i++) {
            String path = "/bench/" + label + "/" + i + ".mov";
            jobs.registerFile(NewFile.ready(path, 1_000_000 + i, i, JobPlan.of("bench", path + ".mp4", 0)));
            Job claimed = jobs.claimNext(Clock.systemUTC().instant()).orElseThrow();
            jobs.markCompleted(claimed.id(), ExecutionResult.succeeded(claimed.outputPath(), true, 0.01));
        }
    }

    private static void measureRegistration(Path file, Durability durability, int files) {
        try (Database database = open(file, durability)) {
            JdbcJobRepository jobs = new JdbcJobRepository(database, Clock.systemUTC());
            long start = System.nanoTime();
            for (int from = 0; from < files; from += SCAN_BATCH) {
                List<NewFile> batch = new ArrayList<>(SCAN_BATCH);
                for (int i = from; i < Math.min(files, from + SCAN_BATCH); i++) {
                    batch.add(NewFile.settling(
                            "/watch/show-" + i + ".mov", 5_000_000L + i, 1_700_000_000_000L + i, "settling"));
                }
                jobs.registerFiles(batch);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "synchronous=%-6s register %,d files in batches of %,d: %.2f s (%,.0f files/s)%n",
                    durability,
                    files,
                    SCAN_BATCH,
                    seconds,
                    files / seconds);
            measureRescanAndQueries(jobs, files);
        }
    }

    /** A rescan of the same folder must find every file already known, and lists must stay quick. */
    private static void measureRescanAndQueries(JdbcJobRepository jobs, int files) {
        long start = System.nanoTime();
        List<NewFile> batch = new ArrayList<>(SCAN_BATCH);
        for (int i = 0; i < Math.min(files, SCAN_BATCH); i++) {
            batch.add(
                    NewFile.settling("/watch/show-" + i + ".mov", 5_000_000L + i, 1_700_000_000_000L + i, "settling"));
        }
        long created =
                jobs.registerFiles(batch).stream().filter(r -> r.created()).count();
        double rescanMillis = (System.nanoTime() - start) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "  rescan of %,d known files: %.1f ms, %d new jobs%n",
                batch.size(),
                rescanMillis,
                created);
        time("  list newest 100", () -> jobs.list(JobFilter.all()).size());
        time(
                "  list waiting, newest 100",
                () -> jobs.list(JobFilter.all().withStatuses(Set.of(JobStatus.WAITING)))
                        .size());
        time(
                "  text search 'show-9999'",
                () -> jobs.list(JobFilter.all().withText("show-9999")).size());
        time("  count all", () -> (int) jobs.count(JobFilter.all()));
    }

    private static void time(String label, IntSupplier query) {
        query.getAsInt();
        long start = System.nanoTime();
        int rows = query.getAsInt();
        System.out.printf(Locale.ROOT, "%s: %.2f ms (%,d)%n", label, (System.nanoTime() - start) / 1e6, rows);
    }

    private static Database open(Path file, Durability durability) {
        Database database = Database.open(file, durability);
        Migrations.fromClasspath().apply(database);
        return database;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
