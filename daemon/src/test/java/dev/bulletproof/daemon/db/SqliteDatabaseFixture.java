package dev.bulletproof.daemon.db;

import java.nio.file.Path;

/** A SQLite file in a test's temporary folder, opened the way the daemon opens its own. */
public record SqliteDatabaseFixture(Path file) implements DatabaseFixture {

    public static SqliteDatabaseFixture in(Path folder) {
        return new SqliteDatabaseFixture(folder.resolve("bulletproof.db"));
    }

    @Override
    public SqlDatabase open() {
        Database database = Database.open(file);
        try {
            Migrations.fromClasspath().apply(database);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
