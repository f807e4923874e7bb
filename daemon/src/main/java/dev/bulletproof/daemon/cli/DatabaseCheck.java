package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.ConfigStore;
import dev.bulletproof.daemon.config.ConfigValidationException;
import dev.bulletproof.daemon.config.DatabaseSettings;
import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.db.PostgresDatabase;
import dev.bulletproof.daemon.db.PostgresDialect;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.db.SqliteDialect;
import dev.bulletproof.daemon.media.ProfileCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code doctor} says about the job database the daemon would open with this config file and data
 * folder: which kind, where, whether it can be reached (and if not, why), and its schema version against
 * the one this build's migrations bring it to. Only reads: it neither creates nor migrates anything.
 *
 * @param schemaVersion empty when the database has no schema yet (or could not be reached)
 * @param problem why the database cannot be used as it is; null when it can
 */
record DatabaseCheck(
        String kind,
        String where,
        boolean reachable,
        Optional<Integer> schemaVersion,
        int expectedVersion,
        String problem) {

    /** The file name the data folder gives the SQLite database (see app.DataFolder). */
    static final String SQLITE_FILE = "bulletproof.db";

    static DatabaseCheck of(Path configFile, Path dataFolder) {
        Optional<DatabaseSettings> shared;
        try {
            shared = new ConfigStore(configFile, ProfileCatalog.builtins().names()).loadDatabase();
        } catch (ConfigValidationException e) {
            return new DatabaseCheck(
                    "unknown", configFile.toString(), false, Optional.empty(), 0, "the config file: " + e.getMessage());
        }
        if (shared.isPresent()) {
            DatabaseSettings settings = shared.get();
            int expected = Migrations.fromClasspath().latestVersion(new PostgresDialect());
            return check(
                    "PostgreSQL",
                    settings.where(),
                    expected,
                    () -> PostgresDatabase.open(settings.url(), settings.user(), settings.password()));
        }
        Path file = dataFolder.resolve(SQLITE_FILE);
        int expected = Migrations.fromClasspath().latestVersion(new SqliteDialect());
        if (!Files.exists(file)) {
            // Not a problem: the daemon creates it at its first start.
            return new DatabaseCheck("SQLite", file + " (not created yet)", true, Optional.empty(), expected, null);
        }
        return check("SQLite", file.toString(), expected, () -> Database.open(file));
    }

    private static DatabaseCheck check(String kind, String where, int expected, Supplier<SqlDatabase> opener) {
        try (SqlDatabase database = opener.get()) {
            Optional<Integer> version = Migrations.currentVersion(database);
            int found = version.orElse(0);
            String problem = found > expected
                    ? "the database is at schema version " + found + ", newer than this build knows (" + expected
                            + "): a newer Bulletproof wrote it"
                    : null;
            return new DatabaseCheck(kind, where, true, version, expected, problem);
        } catch (BulletproofException e) {
            return new DatabaseCheck(kind, where, false, Optional.empty(), expected, e.getMessage());
        }
    }

    boolean ok() {
        return problem == null;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("database: " + kind + " at " + where);
        lines.add("  reachable: " + (reachable ? "yes" : "no (" + problem + ")"));
        if (reachable) {
            String found = schemaVersion.map(v -> "version " + v).orElse("none yet");
            String verdict = schemaVersion.orElse(0) == expectedVersion
                    ? "up to date"
                    : schemaVersion.orElse(0) < expectedVersion
                            ? "the daemon applies the missing migrations at start"
                            : "NEWER than this build";
            lines.add("  schema:    " + found + " (this build expects " + expectedVersion + "; " + verdict + ")");
        }
        return lines;
    }
}
