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
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite file in WAL mode. All writes go through a single writer connection, one at a time, so
 * they never fight over SQLite's write lock inside this process; reads use their own small pool of
 * connections and, thanks to WAL, never wait for the writer. A thread that is inside
 * {@link #inTransaction} reads through the transaction, so it sees its own writes.
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

    private Database(Path file, Durability durability) {
        this.file = file;
        this.durability = durability;
        this.writer = openWriter();
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
