package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.db.SqliteDialect;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What doctor says about the job database, on a real SQLite file and a real PostgreSQL server. */
class DoctorDatabaseTest {

    /** The newest migration of this build; both dialects ship the same versions. */
    private static final int LATEST = Migrations.fromClasspath().latestVersion(new SqliteDialect());

    @TempDir
    Path dir;

    /** The embedded server trusts local connections, so any password is accepted; this one must never be printed. */
    private static final String PASSWORD = "kept-in-its-own-file";

    private Path configFor(String url) throws IOException {
        Files.writeString(dir.resolve("db-password"), PASSWORD + "\n");
        Path config = dir.resolve("bulletproof.yaml");
        Files.writeString(
                config,
                "database:\n  url: " + url + "\n  user: " + PostgresDatabaseFixture.USER
                        + "\n  password_file: db-password\n");
        return config;
    }

    @Test
    void a_sqlite_file_not_made_yet_is_fine_and_a_migrated_one_is_up_to_date() {
        Path data = dir.resolve("data");
        Path noConfig = dir.resolve("none.yaml");

        DatabaseCheck fresh = DatabaseCheck.of(noConfig, data);
        assertThat(fresh.ok()).isTrue();
        assertThat(String.join("\n", fresh.lines()))
                .contains(
                        "database: SQLite at",
                        "(not created yet)",
                        "schema:    none yet (this build expects " + LATEST + ";");
        assertThat(data.resolve(DatabaseCheck.SQLITE_FILE))
                .as("doctor creates nothing")
                .doesNotExist();

        try (Database database = Database.open(data.resolve(DatabaseCheck.SQLITE_FILE))) {
            Migrations.fromClasspath().apply(database);
        }
        DatabaseCheck migrated = DatabaseCheck.of(noConfig, data);
        assertThat(migrated.ok()).isTrue();
        assertThat(migrated.lines())
                .contains(
                        "  reachable: yes",
                        "  schema:    version " + LATEST + " (this build expects " + LATEST + "; up to date)");
    }

    @Test
    void postgresql_from_the_config_is_reached_and_its_schema_version_read() throws IOException {
        PostgresDatabaseFixture fixture = PostgresDatabaseFixture.create();
        Path config = configFor(fixture.url());

        DatabaseCheck empty = DatabaseCheck.of(config, dir.resolve("data"));
        assertThat(empty.lines())
                .containsExactly(
                        "database: PostgreSQL at " + fixture.url() + " as postgres",
                        "  reachable: yes",
                        "  schema:    none yet (this build expects " + LATEST
                                + "; the daemon applies the missing migrations at start)");

        try (SqlDatabase migrated = fixture.open()) {
            assertThat(Migrations.appliedVersions(migrated))
                    .containsExactlyElementsOf(
                            Migrations.fromClasspath().versions(new dev.bulletproof.daemon.db.PostgresDialect()));
        }
        CliRun run = CliRun.of(
                "doctor",
                "--config",
                config.toString(),
                "--data-dir",
                dir.resolve("data").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("database: PostgreSQL at " + fixture.url())
                .contains("  reachable: yes")
                .contains("  schema:    version " + LATEST + " (this build expects " + LATEST + "; up to date)")
                .doesNotContain(PASSWORD);
    }

    @Test
    void a_server_that_is_not_there_is_reported_unreachable_with_the_reason_and_doctor_fails() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = configFor("jdbc:postgresql://127.0.0.1:" + closedPort + "/bulletproof?connectTimeout=2");

        CliRun run = CliRun.of(
                "doctor",
                "--config",
                config.toString(),
                "--data-dir",
                dir.resolve("data").toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).contains("database: PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort);
        assertThat(run.out()).containsPattern("reachable: no \\(.*(refused|Connection)");
        assertThat(run.err()).contains("the job database cannot be used");
    }
}
