package dev.bulletproof.daemon.bench;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills a daemon's database with a long job history, as years of use would leave it, for the API
 * benchmarks. Run on its own ({@code daemon/bench/api-external.sh} does) it seeds a data folder that a
 * real daemon process then opens.
 *
 * <p>Arguments: {@code DATABASE_FILE [jobs (100000)]}.
 */
public final class JobHistorySeed {

    private JobHistorySeed() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long start = System.nanoTime();
        fill(file, jobs);
        System.out.printf(
                Locale.ROOT, "history: %d jobs inserted in %.1f s%n", jobs, (System.nanoTime() - start) / 1e9);
    }

    /** Queued jobs registered in batches, then spread over every status with SQL. */
    static void fill(Path file, int count) {
        try (Database database = Database.open(file)) {
            fill(database, count);
        }
    }

    /** The same history in any database the daemon can use (SQLite or PostgreSQL), migrated first. */
    static void fill(SqlDatabase database, int count) {
        Migrations.fromClasspath().apply(database);
        JdbcJobRepository repository = new JdbcJobRepository(database, Clock.systemUTC());
        for (int start = 0; start < count; start += 1000) {
            List<NewFile> batch = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + 1000); i++) {
                batch.add(NewFile.ready(
                        "/media/in/clip-" + i + ".mov",
                        1000 + i,
                        i,
                        JobPlan.of("live-qlab", "/media/out/clip-" + i + ".mov", 0)));
            }
            repository.registerFiles(batch);
        }
        long now = System.currentTimeMillis();
        database.update(
                "UPDATE jobs SET status = 'COMPLETED', started_at = ? - (id * 60000), completed_at = ? - (id * 60000) + 30000,"
                        + " processing_seconds = 30 + (id % 50), verified = ? WHERE id % 10 < 8",
                now, now, true);
        database.update(
                "UPDATE jobs SET status = 'FAILED', completed_at = ? - (id * 60000), error = 'ffmpeg exited with 1' WHERE id % 10 = 8",
                now);
        database.update("UPDATE jobs SET status = 'CANCELLED', completed_at = ? - (id * 60000) WHERE id % 20 = 9", now);
    }
}
