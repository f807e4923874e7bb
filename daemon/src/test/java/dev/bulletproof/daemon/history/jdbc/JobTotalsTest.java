package dev.bulletproof.daemon.history.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-status totals start from a count of the jobs that were there before the SQLite migration that
 * added them; how they follow each change afterwards is part of {@link HistoryContract}.
 */
class JobTotalsTest {

    private static final String RECOUNT = "SELECT"
            + " COUNT(*),"
            + " SUM(status = 'COMPLETED'),"
            + " SUM(status = 'FAILED'),"
            + " COALESCE((SELECT AVG(processing_seconds) FROM jobs WHERE status = 'COMPLETED'), 0),"
            + " SUM(status IN ('PROCESSING', 'PAUSED')),"
            + " SUM(status IN ('QUEUED', 'WAITING')),"
            + " SUM(status = 'CANCELLED')"
            + " FROM jobs";

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private Database database;
    private JdbcJobRepository jobs;
    private int files;

    @AfterEach
    void close() {
        database.close();
    }

    private void open(Migrations migrations) {
        database = Database.open(folder.resolve("bulletproof.db"));
        migrations.apply(database);
        jobs = new JdbcJobRepository(database, clock);
    }

    private Job queue() {
        files++;
        clock.advance(Duration.ofSeconds(1));
        return jobs.registerFile(NewFile.ready(
                        "/in/" + files + ".mov", files, files, JobPlan.of("live-qlab", "/out/" + files + ".mov", 0)))
                .job();
    }

    private Job run() {
        queue();
        return jobs.claimNext(clock.instant()).orElseThrow();
    }

    private StatsModel recount() {
        return database.queryOne(
                        RECOUNT,
                        row -> new StatsModel(
                                row.getLong(1),
                                row.getLong(2),
                                row.getLong(3),
                                row.getDouble(4),
                                row.getLong(5),
                                row.getLong(6),
                                row.getLong(7),
                                0))
                .orElseThrow();
    }

    private static StatsModel withoutLastDay(StatsModel stats) {
        return new StatsModel(
                stats.totalJobs(),
                stats.successful(),
                stats.failed(),
                stats.avgDuration(),
                stats.inProgress(),
                stats.queued(),
                stats.cancelled(),
                0);
    }

    @Test
    void theMigrationCountsJobsThatExistedBeforeIt() throws IOException {
        // The jobs table as it was before the totals (V002), with the publish journal, the media columns and the
        // node, lease, watch folder and planned profile columns the job store now writes to.
        open(new Migrations(List.of(
                new Migrations.Migration(1, "jobs", script("V001__jobs.sql")),
                new Migrations.Migration(3, "publish intents", script("V003__publish_intents.sql")),
                new Migrations.Migration(5, "media facts", script("V005__media_facts.sql")),
                new Migrations.Migration(6, "nodes and leases", script("V006__nodes_and_leases.sql")),
                new Migrations.Migration(7, "job watch folder", script("V007__job_watch_folder.sql")),
                new Migrations.Migration(12, "planned profile", script("V012__planned_profile.sql")))));
        Job completed = run();
        jobs.markCompleted(completed.id(), ExecutionResult.succeeded("/out/a.mov", true, 6.0));
        Job failed = run();
        jobs.markFailed(failed.id(), "exit 1", 1.0);
        queue();

        assertThat(Migrations.fromClasspath().apply(database)).contains(2).doesNotContain(1, 3, 5, 6, 12);

        StatsModel summary = new JdbcHistory(database, clock).summary();
        assertThat(withoutLastDay(summary)).isEqualTo(recount());
        assertThat(summary).isEqualTo(new StatsModel(3, 1, 1, 6.0, 0, 1, 0, 2));
    }

    private static String script(String name) throws IOException {
        try (InputStream in = JobTotalsTest.class.getResourceAsStream("/db/migration/sqlite/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
