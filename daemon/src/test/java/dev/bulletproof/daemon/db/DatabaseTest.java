package dev.bulletproof.daemon.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
    void readsOfVirtualThreadsProceedWhileAWriteTransactionIsOpen() throws Exception {
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

            // More readers than there are reader connections and carriers, as request handlers are.
            try (ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<List<Integer>>> reads = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    reads.add(handlers.submit(() -> database.query("SELECT v FROM t", row -> row.getInt(1))));
                }
                for (Future<List<Integer>> read : reads) {
                    assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly(1);
                }
            }
            assertThat(writer).isNotDone();

            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void virtualThreadsReadAndWriteThroughPlatformThreads() throws Exception {
        try (Database database = Database.open(folder.resolve("t.db"))) {
            database.update("CREATE TABLE t (v INTEGER)");
            AtomicReference<Thread> mappedOn = new AtomicReference<>();
            AtomicReference<Thread> committedOn = new AtomicReference<>();
            try (ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
                int seen = handlers.submit(() -> database.inTransaction(tx -> {
                            committedOn.set(Thread.currentThread());
                            tx.update("INSERT INTO t (v) VALUES (5)");
                            // Nested calls and reads join the transaction on the thread that runs it.
                            database.update("INSERT INTO t (v) VALUES (6)");
                            return database.query("SELECT v FROM t", row -> row.getInt(1))
                                    .size();
                        }))
                        .get(10, TimeUnit.SECONDS);
                assertThat(seen).isEqualTo(2);
                assertThat(handlers.submit(() -> database.query("SELECT v FROM t ORDER BY v", row -> {
                                    mappedOn.set(Thread.currentThread());
                                    return row.getInt(1);
                                }))
                                .get(10, TimeUnit.SECONDS))
                        .containsExactly(5, 6);
            }
            assertThat(committedOn.get().isVirtual()).isFalse();
            assertThat(mappedOn.get().isVirtual()).isFalse();
        }
    }

    @Test
    void aVirtualThreadWaitingForTheWriteLockOfAnotherProcessLeavesItsCarrierFree() throws Exception {
        Path file = folder.resolve("t.db");
        try (Database database = Database.open(file);
                Connection otherProcess = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement other = otherProcess.createStatement()) {
            database.update("CREATE TABLE t (v INTEGER)");
            other.execute("BEGIN IMMEDIATE");
            other.execute("INSERT INTO t (v) VALUES (1)");

            // SQLite waits for the lock inside a native call (its busy handler sleeps there); a virtual
            // thread in a native call cannot unmount, so it would be RUNNABLE and hold its carrier.
            Thread handler = Thread.ofVirtual().start(() -> database.update("INSERT INTO t (v) VALUES (2)"));
            awaitState(handler, Thread.State.WAITING);

            other.execute("COMMIT");
            handler.join(Duration.ofSeconds(10));
            assertThat(handler.isAlive()).isFalse();
            assertThat(database.query("SELECT v FROM t ORDER BY v", row -> row.getInt(1)))
                    .containsExactly(1, 2);
        }
    }

    @Test
    void failuresOnVirtualThreadsAreTheSameExceptions() throws Exception {
        try (Database database = Database.open(folder.resolve("t.db"));
                ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> read = handlers.submit(() -> database.query("SELECT nope FROM missing", row -> 1));
            assertThatThrownBy(read::get)
                    .cause()
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("SELECT nope FROM missing");
            Future<?> write = handlers.submit(() -> database.inTransaction(tx -> {
                throw new IllegalStateException("boom");
            }));
            assertThatThrownBy(write::get)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("boom");
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

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread + " did not become " + state + "; it is " + thread.getState());
            }
            Thread.sleep(10);
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
