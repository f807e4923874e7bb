package dev.bulletproof.daemon.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite file in WAL mode. All writes go through a single writer connection, one at a time, so
 * they never fight over SQLite's write lock inside this process; reads use their own small pool of
 * connections and, thanks to WAL, never wait for the writer. A thread that is inside
 * {@link #inTransaction} reads through the transaction, so it sees its own writes.
 *
 * <p>SQLite runs inside native calls, and a virtual thread in a native call keeps its carrier: the few
 * carriers (one per core) that every request handler shares would then sit in SQLite, or in the fsync of a
 * commit, while the other handlers wait for them. So a call made on a virtual thread is handed to a
 * platform thread of this database, and the virtual thread parks until the answer is there; calls from
 * platform threads run where they are. See docs/decisions/0017-database-calls-off-the-request-carriers.md.
 */
public final class Database implements SqlDatabase {

    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final Dialect DIALECT = new SqliteDialect();

    private final Path file;
    private final Durability durability;
    private final Statements writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ThreadLocal<Transaction> currentTransaction = new ThreadLocal<>();
    private final BlockingQueue<Statements> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final Semaphore readerPermits = new Semaphore(READERS);
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Runs the reads of virtual threads: as many threads as reader connections, so that all can be busy. */
    private final ExecutorService readThreads = platformThreads("bulletproof-db-read", READERS);
    /** Runs the transactions of virtual threads; they take turns on the one writer connection anyway. */
    private final ExecutorService writeThread = platformThreads("bulletproof-db-write", 1);

    private Database(Path file, Durability durability) {
        this.file = file;
        this.durability = durability;
        this.writer = openWriter();
    }

    private static ExecutorService platformThreads(String name, int count) {
        return Executors.newFixedThreadPool(
                count, Thread.ofPlatform().name(name + "-", 1).daemon(true).factory());
    }

    /** Opens (creating it and its folders if needed) the database file with {@link Durability#FULL}. */
    public static Database open(Path file) {
        return open(file, Durability.FULL);
    }

    public static Database open(Path file, Durability durability) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new DatabaseException("cannot create the folder for database " + file + ": " + e.getMessage(), e);
        }
        return new Database(file, durability);
    }

    public Path file() {
        return file;
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        Transaction joined = currentTransaction.get();
        if (joined != null) {
            return work.apply(joined);
        }
        if (Thread.currentThread().isVirtual()) {
            return onPlatformThread(writeThread, () -> inTransaction(work));
        }
        writeLock.lock();
        try {
            ensureOpen();
            return runInNewTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * BEGIN and COMMIT are issued as plain statements on an auto-commit connection rather than through
     * JDBC's setAutoCommit/commit: the driver's commit() immediately opens the next transaction, which
     * could wait for another process's lock after our data was already committed, and would then
     * report a failure for a write that succeeded. IMMEDIATE takes the write lock at BEGIN, so a
     * transaction that reads then writes never fails half-way because another process wrote in between.
     */
    private <T> T runInNewTransaction(Function<Transaction, T> work) {
        Transaction transaction = new Transaction(writer);
        writer.execute("BEGIN IMMEDIATE");
        try {
            currentTransaction.set(transaction);
            T result = work.apply(transaction);
            writer.execute("COMMIT");
            return result;
        } catch (RuntimeException | Error e) {
            rollbackQuietly(e);
            throw e;
        } finally {
            currentTransaction.remove();
        }
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        Transaction joined = currentTransaction.get();
        if (joined != null) {
            return joined.query(sql, mapper, params);
        }
        return withReader(statements -> statements.query(sql, mapper, params));
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        Transaction joined = currentTransaction.get();
        if (joined != null) {
            return joined.queryOne(sql, mapper, params);
        }
        return withReader(statements -> statements.queryOne(sql, mapper, params));
    }

    @Override
    public int update(String sql, Object... params) {
        return inTransaction(tx -> tx.update(sql, params));
    }

    @Override
    public long insert(String sql, Object... params) {
        return inTransaction(tx -> tx.insert(sql, params));
    }

    /** Closes every connection; later calls fail with {@link DatabaseException}. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Work already handed over still runs to its end (and then finds the database closed); a call
        // handed over from now on is refused by the executor, and ensureOpen explains why.
        readThreads.shutdown();
        writeThread.shutdown();
        writeLock.lock();
        try {
            writer.close();
        } finally {
            writeLock.unlock();
        }
        Statements idle;
        while ((idle = idleReaders.poll()) != null) {
            idle.close();
        }
    }

    private <T> T withReader(Function<Statements, T> work) {
        ensureOpen();
        if (Thread.currentThread().isVirtual()) {
            return onPlatformThread(readThreads, () -> withReader(work));
        }
        readerPermits.acquireUninterruptibly();
        Statements reader = null;
        try {
            reader = idleReaders.poll();
            if (reader == null) {
                reader = new Statements(connect(), DIALECT);
            }
            return work.apply(reader);
        } finally {
            if (reader != null && (closed.get() || !idleReaders.offer(reader))) {
                reader.close();
            }
            readerPermits.release();
        }
    }

    /**
     * Runs {@code call} on one of {@code threads} and waits for it without holding a carrier. The wait is
     * not cut short by an interrupt, like the reader permit's, because the call itself cannot be stopped
     * half-way; the interrupt stays set for the caller.
     */
    private <T> T onPlatformThread(ExecutorService threads, Supplier<T> call) {
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(call, threads);
        } catch (RejectedExecutionException e) {
            ensureOpen();
            throw e;
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** The call's own exception, so that callers see the same failure as when the call ran on their thread. */
    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new DatabaseException("database call failed: " + failure, failure);
    }

    private Statements openWriter() {
        Statements statements = new Statements(connect(), DIALECT);
        statements.queryOne("PRAGMA journal_mode=WAL", row -> row.getString(1));
        return statements;
    }

    private Connection connect() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setSynchronous(
                durability == Durability.FULL
                        ? SQLiteConfig.SynchronousMode.FULL
                        : SQLiteConfig.SynchronousMode.NORMAL);
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new DatabaseException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new DatabaseException("database " + file + " is closed", null);
        }
    }

    /** SQLite may have rolled back already (disk full, I/O error); then ROLLBACK fails and that is fine. */
    private void rollbackQuietly(Throwable cause) {
        try {
            writer.execute("ROLLBACK");
        } catch (DatabaseException e) {
            cause.addSuppressed(e);
        }
    }
}
