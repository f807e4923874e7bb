package dev.bulletproof.daemon.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, empty database in a real PostgreSQL server run by the test JVM. The server starts once per JVM,
 * on first use (a start takes seconds), and stops with the JVM; each fixture is a database of its own in it.
 */
public record PostgresDatabaseFixture(String url) implements DatabaseFixture {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** A new database with nothing in it yet; {@link #open()} migrates it. */
    public static PostgresDatabaseFixture create() {
        String name = "bulletproof_test_" + DATABASES.incrementAndGet();
        try (Connection admin = Server.INSTANCE.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new PostgresDatabaseFixture(Server.INSTANCE.getJdbcUrl(USER, name));
    }

    @Override
    public SqlDatabase open() {
        PostgresDatabase database = PostgresDatabase.open(url, USER, PASSWORD);
        try {
            Migrations.fromClasspath().apply(database);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The port the embedded server listens on. */
    public static int serverPort() {
        return Server.INSTANCE.getPort();
    }

    /** Holds the one server of this JVM; the class is loaded, and the server started, on first use. */
    private static final class Server {

        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // The JVM is exiting; the server's folder is temporary.
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
    }
}
