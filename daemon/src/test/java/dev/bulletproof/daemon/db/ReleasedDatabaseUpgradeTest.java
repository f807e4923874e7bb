package dev.bulletproof.daemon.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.history.jdbc.JdbcHistory;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.daemon.jobs.jdbc.JdbcPublishIntentStore;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database written by release 0.1 opens with today's code and nothing is applied to it again. The
 * scripts of that release are kept in the test resources ({@code db/release-0.1/}) exactly as it shipped
 * them, and the database is built here the way that release built it: its bookkeeping table, its scripts
 * with their rows in {@code schema_version}, the totals triggers its history store created, and jobs.
 */
class ReleasedDatabaseUpgradeTest {

    private static final List<String> RELEASE_0_1_SCRIPTS =
            List.of("V001__jobs.sql", "V002__history_totals.sql", "V003__publish_intents.sql");

    /** The triggers as release 0.1's history store created them, word for word. */
    private static final String ADD_NEW = "UPDATE job_totals SET jobs = jobs + 1,"
            + " processing_count = processing_count + (NEW.processing_seconds IS NOT NULL),"
            + " processing_sum = processing_sum + COALESCE(NEW.processing_seconds, 0)"
            + " WHERE status = NEW.status;";

    private static final String REMOVE_OLD = "UPDATE job_totals SET jobs = jobs - 1,"
            + " processing_count = processing_count - (OLD.processing_seconds IS NOT NULL),"
            + " processing_sum = processing_sum - COALESCE(OLD.processing_seconds, 0)"
            + " WHERE status = OLD.status;";

    private static final List<String> RELEASE_0_1_TRIGGERS = List.of(
            "CREATE TRIGGER job_totals_after_insert AFTER INSERT ON jobs BEGIN " + ADD_NEW + " END",
            "CREATE TRIGGER job_totals_after_delete AFTER DELETE ON jobs BEGIN " + REMOVE_OLD + " END",
            "CREATE TRIGGER job_totals_after_update AFTER UPDATE OF status, processing_seconds ON jobs"
                    + " WHEN OLD.status IS NOT NEW.status"
                    + " OR OLD.processing_seconds IS NOT NEW.processing_seconds"
                    + " BEGIN " + REMOVE_OLD + " " + ADD_NEW + " END");

    private record SchemaObject(String type, String name, String sql) {}

    private record Applied(int version, String description, long appliedAt) {}

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

    @Test
    void aDatabaseOfRelease01OpensWithNothingAppliedAgainAndKeepsWorking() throws IOException {
        Path file = folder.resolve("bulletproof.db");
        try (Database old = Database.open(file)) {
            buildAsRelease01(old);
        }

        try (Database database = Database.open(file)) {
            List<SchemaObject> schemaBefore = schema(database);
            List<Applied> bookkeepingBefore = bookkeeping(database);

            List<Integer> applied = Migrations.fromClasspath().apply(database);
            JdbcJobRepository jobs = new JdbcJobRepository(database, clock);
            JdbcHistory history = new JdbcHistory(database, clock);
            JdbcPublishIntentStore intents = new JdbcPublishIntentStore(database, clock);

            assertThat(applied)
                    .as("only the scripts that came after the release")
                    .allMatch(version -> version > RELEASE_0_1_SCRIPTS.size());
            assertThat(bookkeeping(database)).startsWith(bookkeepingBefore.toArray(Applied[]::new));
            List<SchemaObject> schemaAfter = schema(database);
            assertThat(schemaAfter)
                    .as("no index of the release made again or changed")
                    .containsAll(schemaBefore.stream()
                            .filter(object -> object.type().equals("index"))
                            .toList());
            // The release's totals triggers updated seven counter rows in place, which deadlocks between
            // nodes on PostgreSQL; they are replaced by triggers that append changes (see JobTotals).
            assertThat(schemaAfter.stream()
                            .filter(object -> object.type().equals("trigger"))
                            .map(SchemaObject::name))
                    .containsExactlyInAnyOrder(
                            "job_totals_changes_after_insert",
                            "job_totals_changes_after_delete",
                            "job_totals_changes_after_update");
            for (SchemaObject table : schemaBefore.stream()
                    .filter(object -> object.type().equals("table"))
                    .toList()) {
                // A later script may add columns (SQLite appends them to the table's text), never change
                // or drop one of the release's.
                String releasedColumns = table.sql().substring(0, table.sql().lastIndexOf(')'));
                assertThat(schemaAfter)
                        .as("table %s keeps every column of the release", table.name())
                        .anySatisfy(now -> {
                            assertThat(now.name()).isEqualTo(table.name());
                            assertThat(now.sql()).startsWith(releasedColumns);
                        });
            }

            assertThat(jobs.get(1).status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(jobs.get(1).verified()).isTrue();
            assertThat(jobs.get(2).status()).isEqualTo(JobStatus.QUEUED);
            Job claimed = jobs.claimNext(clock.instant()).orElseThrow();
            assertThat(claimed.id()).isEqualTo(2);
            Job added = jobs.registerFile(NewFile.ready("/in/new.mov", 5, 5, JobPlan.of("live-qlab", "/out/n.mov", 0)))
                    .job();
            assertThat(added.id()).isEqualTo(3);
            assertThat(intents.all()).isEmpty();
            assertThat(history.summary()).isEqualTo(new StatsModel(3, 1, 0, 7.5, 1, 1, 0, 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"V001__jobs.sql", "V002__history_totals.sql", "V003__publish_intents.sql"})
    void aReleasedScriptIsShippedUnchangedUnderItsVersion(String script) throws IOException {
        // Only the version number of an applied script is recorded: an edited one would never run again.
        assertThat(resource(Migrations.folderOf(new SqliteDialect()) + "/" + script))
                .isEqualTo(resource("db/release-0.1/" + script));
    }

    /** What release 0.1 did to a new data folder, then two jobs it recorded: one completed, one queued. */
    private static void buildAsRelease01(Database database) throws IOException {
        database.update("CREATE TABLE IF NOT EXISTS schema_version ("
                + " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        for (String script : RELEASE_0_1_SCRIPTS) {
            int version = Integer.parseInt(script.substring(1, 4));
            String description = script.substring(6, script.length() - 4).replace('_', ' ');
            database.inTransaction(tx -> {
                tx.script(resourceOrFail("db/release-0.1/" + script));
                return tx.update(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                        version,
                        description,
                        1_767_225_600_000L + version);
            });
        }
        database.inTransaction(tx -> {
            RELEASE_0_1_TRIGGERS.forEach(tx::update);
            return null;
        });
        database.update("INSERT INTO jobs (input_path, input_size, input_mtime, filename, status, status_reason,"
                + " profile, output_path, on_success, priority, attempts, created_at, started_at, completed_at,"
                + " verified, processing_seconds, version) VALUES ('/in/a.mov', 10, 10, 'a.mov', 'COMPLETED',"
                + " 'completed', 'live-qlab', '/out/a.mov', 'KEEP', 0, 1, 1772355000000, 1772355001000,"
                + " 1772355009000, 1, 7.5, 3)");
        database.update("INSERT INTO jobs (input_path, input_size, input_mtime, filename, status, status_reason,"
                + " profile, output_path, priority, created_at, version) VALUES ('/in/b.mov', 20, 20, 'b.mov',"
                + " 'QUEUED', 'queued', 'live-qlab', '/out/b.mov', 0, 1772355100000, 0)");
        database.update("INSERT INTO job_events (job_id, type, from_status, to_status, at, detail) VALUES"
                + " (1, 'CREATED', NULL, 'QUEUED', 1772355000000, 'queued'),"
                + " (1, 'STARTED', 'QUEUED', 'PROCESSING', 1772355001000, 'attempt 1'),"
                + " (1, 'COMPLETED', 'PROCESSING', 'COMPLETED', 1772355009000, '/out/a.mov'),"
                + " (2, 'CREATED', NULL, 'QUEUED', 1772355100000, 'queued')");
    }

    private static List<SchemaObject> schema(SqlDatabase database) {
        return database.query(
                "SELECT type, name, sql FROM sqlite_master ORDER BY type, name",
                row -> new SchemaObject(row.getString("type"), row.getString("name"), row.getString("sql")));
    }

    private static List<Applied> bookkeeping(SqlDatabase database) {
        return database.query(
                "SELECT version, description, applied_at FROM schema_version ORDER BY version",
                row -> new Applied(row.getInt(1), row.getString(2), row.getLong(3)));
    }

    private static String resourceOrFail(String path) {
        try {
            return resource(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ReleasedDatabaseUpgradeTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
