package dev.bulletproof.daemon.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path folder;

    @Test
    void opensTheFileInItsOwnNewFolderWithWalAndFullSync() {
        Path file = folder.resolve("data/nested/bulletproof.db");
        try (Database database = Database.open(file)) {
            assertThat(Files.exists(file)).isTrue();
            assertThat(database.queryOne("PRAGMA journal_mode", row -> row.getString(1)))
                    .contains("wal");
            Optional<Integer> synchronous =
                    database.inTransaction(tx -> tx.queryOne("PRAGMA synchronous", row -> row.getInt(1)));
            assertThat(synchronous).contains(2);
            assertThat(database.queryOne("PRAGMA foreign_keys", row -> row.getInt(1)))
                    .contains(1);
        }
    }

    @Test
    void aTransactionThatThrowsLeavesNothingBehind() {
        try (Database database = Database.open(folder.resolve("t.db"))) {
            database.update("CREATE TABLE t (v INTEGER)");
            assertThatThrownBy(() -> database.inTransaction(tx -> {
                        tx.update("INSERT INTO t (v) VALUES (1)");
                        throw new IllegalStateException("boom");
                    }))
                    .hasMessage("boom");
            assertThat(database.query("SELECT v FROM t", row -> row.getInt(1))).isEmpty();
        }
    }

    @Test
    void readsInsideATransactionSeeItsOwnWrites() {
        try (Database database = Database.open(folder.resolve("t.db"))) {
            database.update("CREATE TABLE t (v INTEGER)");
            int seen = database.inTransaction(tx -> {
                tx.update("INSERT INTO t (v) VALUES (7)");
                return database.queryOne("SELECT v FROM t", row -> row.getInt(1))
                        .orElseThrow();
            });
            assertThat(seen).isEqualTo(7);
        }
    }

    @Test
    void readersDoNotWaitForAnOpenWriteTransaction() throws Exception {
        try (Database database = Database.open(folder.resolve("t.db"))) {
            database.update("CREATE TABLE t (v INTEGER)");
            database.update("INSERT INTO t (v) VALUES (1)");
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> database.inTransaction(tx -> {
                tx.update("INSERT INTO t (v) VALUES (2)");
                writing.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

            // The writer still holds its transaction: the reader sees the last committed state at once.
            assertThat(database.query("SELECT v FROM t", row -> row.getInt(1))).containsExactly(1);

            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
            assertThat(database.query("SELECT v FROM t ORDER BY v", row -> row.getInt(1)))
                    .containsExactly(1, 2);
        }
    }

    @Test
    void sqlErrorsBecomeDatabaseExceptionsNamingTheStatement() {
        try (Database database = Database.open(folder.resolve("t.db"))) {
            assertThatThrownBy(() -> database.query("SELECT nope FROM missing", row -> 1))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("SELECT nope FROM missing");
        }
    }

    @Test
    void closeTwiceIsHarmlessAndLaterUseFailsClearly() {
        Database database = Database.open(folder.resolve("t.db"));
        database.close();
        database.close();
        assertThatThrownBy(() -> database.update("CREATE TABLE t (v INTEGER)"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aFullDiskFailsTheWriteWithoutDamagingWhatWasCommitted() {
        try (Database database = Database.open(folder.resolve("t.db"))) {
            database.update("CREATE TABLE t (v BLOB)");
            database.update("INSERT INTO t (v) VALUES (zeroblob(1000))");
            long pages = database.queryOne("PRAGMA page_count", row -> row.getLong(1))
                    .orElseThrow();
            // The writer connection may not grow the file any more: every further page is "disk full".
            database.inTransaction(tx -> tx.queryOne("PRAGMA max_page_count = " + pages, row -> row.getLong(1)));

            assertThatThrownBy(() -> database.inTransaction(tx -> {
                        tx.update("INSERT INTO t (v) VALUES (zeroblob(1000))");
                        return tx.update("INSERT INTO t (v) VALUES (zeroblob(100000))");
                    }))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("full");

            assertThat(database.query("SELECT length(v) FROM t", row -> row.getInt(1)))
                    .containsExactly(1000);
            database.inTransaction(tx -> tx.queryOne("PRAGMA max_page_count = 1000000", row -> row.getLong(1)));
            database.update("INSERT INTO t (v) VALUES (zeroblob(100000))");
            assertThat(database.query("SELECT length(v) FROM t", row -> row.getInt(1)))
                    .hasSize(2);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
