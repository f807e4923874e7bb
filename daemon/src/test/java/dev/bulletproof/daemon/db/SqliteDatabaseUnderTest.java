package dev.bulletproof.daemon.db;

import java.nio.file.Path;

/** A SQLite file in a test's temporary folder, opened the way the daemon opens its own. */
public record SqliteDatabaseUnderTest(Path file) implements DatabaseUnderTest {

    public static SqliteDatabaseUnderTest in(Path folder) {
        return new SqliteDatabaseUnderTest(folder.resolve("bulletproof.db"));
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
