package dev.bulletproof.daemon.history.jdbc;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Durability;
import dev.bulletproof.daemon.db.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Prints how long the statistics queries take over a long history: the dashboard's summary cards, a
 * month of hourly buckets, and a week's timeline. The jobs are written straight into the table (the
 * statuses and times a real history has), since going through the queue 100,000 times measures the
 * queue, not the statistics.
 *
 * <p>Arguments: {@code [jobs] [runs]}; defaults 100000 and 200.
 */
public final class HistorySummaryBench {

    private static final String[] STATUSES = {"COMPLETED", "FAILED", "CANCELLED", "QUEUED", "WAITING"};
    private static final double[] SHARES = {0.90, 0.05, 0.03, 0.015, 0.005};

    private HistorySummaryBench() {}

    public static void main(String[] args) throws IOException {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path folder = Files.createTempDirectory("bulletproof-history-bench");
        Instant now = Instant.parse("2026-03-31T12:00:00Z");
        try (Database database = Database.open(folder.resolve("history.db"), Durability.NORMAL)) {
            Migrations.fromClasspath().apply(database);
            // Created first, so its triggers run during the seeding as they would over a daemon's life.
            JdbcHistory history = new JdbcHistory(database, Clock.fixed(now, ZoneOffset.UTC));
            long seeding = System.nanoTime();
            seed(database, jobs, now);
            System.out.printf(Locale.ROOT, "seeded %,d jobs in %.1f s%n", jobs, (System.nanoTime() - seeding) / 1e9);
            database.update("ANALYZE");
            measure("summary()", runs, history::summary);
            measure("buckets(30 days, hour)", runs, () -> history.buckets(now.minus(Duration.ofDays(30)), now, "hour"));
            measure("buckets(90 days, day)", runs, () -> history.buckets(now.minus(Duration.ofDays(90)), now, "day"));
            measure("timeline(7 days, 1000)", runs, () -> history.timeline(now.minus(Duration.ofDays(7)), now, 1000));
        } finally {
            deleteTree(folder);
        }
    }

    /** Jobs spread evenly over the 90 days before {@code now}, one transaction for all. */
    private static void seed(Database database, int jobs, Instant now) {
        Random random = new Random(42);
        long span = Duration.ofDays(90).toMillis();
        long start = now.toEpochMilli() - span;
        database.inTransaction(tx -> {
            for (int i = 0; i < jobs; i++) {
                String status = pick(random.nextDouble());
                long created = start + (long) ((double) i / jobs * span);
                boolean finished = !status.equals("QUEUED") && !status.equals("WAITING");
                double processing = 5 + random.nextDouble() * 120;
                tx.insert(
                        "INSERT INTO jobs (input_path, input_size, input_mtime, filename, status, profile, created_at,"
                                + " started_at, completed_at, media_duration_seconds, processing_seconds)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        "/in/clip-" + i + ".mov",
                        1_000_000L + i,
                        created,
                        "clip-" + i + ".mov",
                        status,
                        "live-qlab",
                        created,
                        finished ? created + 1_000 : null,
                        finished ? created + 1_000 + (long) (processing * 1000) : null,
                        30 + random.nextDouble() * 300,
                        status.equals("CANCELLED") || !finished ? null : processing);
            }
            return null;
        });
    }

    private static String pick(double draw) {
        double cumulative = 0;
        for (int i = 0; i < STATUSES.length; i++) {
            cumulative += SHARES[i];
            if (draw < cumulative) {
                return STATUSES[i];
            }
        }
        return STATUSES[0];
    }

    private static void measure(String name, int runs, Supplier<?> query) {
        for (int i = 0; i < Math.min(20, runs); i++) {
            query.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "%-24s median %.2f ms, p95 %.2f ms, max %.2f ms over %d runs%n",
                name,
                millis[runs / 2],
                millis[(int) (runs * 0.95)],
                millis[runs - 1],
                runs);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
