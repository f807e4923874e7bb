package dev.bulletproof.daemon.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path folder;

    @Test
    void shippedScriptsApplyOnceAndReRunningIsANoOp() {
        Path file = folder.resolve("bulletproof.db");
        try (Database database = Database.open(file)) {
            assertThat(Migrations.fromClasspath().apply(database)).contains(1);
            assertThat(Migrations.fromClasspath().apply(database)).isEmpty();
        }
        try (Database reopened = Database.open(file)) {
            assertThat(Migrations.fromClasspath().apply(reopened)).isEmpty();
            assertThat(Migrations.appliedVersions(reopened)).contains(1);
            assertThat(reopened.query(
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'job%' ORDER BY name",
                            row -> row.getString(1)))
                    .containsExactly("job_events", "job_segments", "job_totals", "job_totals_changes", "jobs");
        }
    }

    @Test
    void newerScriptsAreAppliedInVersionOrderOnTopOfOlderOnes() {
        try (Database database = Database.open(folder.resolve("bulletproof.db"))) {
            new Migrations(List.of(new Migrations.Migration(1, "a", "CREATE TABLE a (v INTEGER)"))).apply(database);

            List<Integer> applied = new Migrations(List.of(
                            new Migrations.Migration(3, "c", "INSERT INTO b (v) VALUES (3)"),
                            new Migrations.Migration(1, "a", "CREATE TABLE a (v INTEGER)"),
                            new Migrations.Migration(
                                    2, "b", "CREATE TABLE b (v INTEGER); INSERT INTO b (v) VALUES (2)")))
                    .apply(database);

            assertThat(applied).containsExactly(2, 3);
            assertThat(database.query("SELECT v FROM b ORDER BY v", row -> row.getInt(1)))
                    .containsExactly(2, 3);
        }
    }

    @Test
    void aFailingScriptIsRolledBackAndNotRecorded() {
        try (Database database = Database.open(folder.resolve("bulletproof.db"))) {
            Migrations migrations = new Migrations(List.of(
                    new Migrations.Migration(1, "ok", "CREATE TABLE ok (v INTEGER)"),
                    new Migrations.Migration(2, "broken", "CREATE TABLE half (v INTEGER); CREATE TABLE nonsense (")));

            assertThatThrownBy(() -> migrations.apply(database)).isInstanceOf(DatabaseException.class);

            assertThat(Migrations.appliedVersions(database)).containsExactly(1);
            assertThat(database.query("SELECT name FROM sqlite_master WHERE name = 'half'", row -> row.getString(1)))
                    .isEmpty();
        }
    }
}
