package dev.bulletproof.daemon.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A PostgreSQL database shared by every daemon that points at it, through a small pool of connections
 * (HikariCP). Reads run on any pooled connection in auto-commit; each write transaction holds one
 * connection from BEGIN to COMMIT at READ COMMITTED, PostgreSQL's default. Unlike SQLite's BEGIN
 * IMMEDIATE, that does not keep other writers out, and the stores do not need it to: every change to a
 * job is a version-checked UPDATE, the claim locks its candidates ({@code FOR UPDATE SKIP LOCKED}),
 * registering a file locks its path ({@link Dialect#lockKeyForTransaction}), and the totals triggers add
 * and subtract inside UPDATEs, which PostgreSQL applies one after the other to the same row. A thread
 * inside {@link #inTransaction} reads through its transaction, so it sees its own writes.
 */
public final class PostgresDatabase implements SqlDatabase {

    private static final Dialect DIALECT = new PostgresDialect();
    private static final int POOL_SIZE = 8;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String url;
    private final String user;
    private final String password;
    private final HikariDataSource pool;
    private final ThreadLocal<Transaction> currentTransaction = new ThreadLocal<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresDatabase(String url, String user, String password, HikariDataSource pool) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.pool = pool;
    }

    /**
     * Connects to {@code url} ({@code jdbc:postgresql://host[:port]/database}); fails at once, with the
     * server's reason, when no connection can be made.
     */
    public static PostgresDatabase open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bulletproof-database");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        config.setInitializationFailTimeout(CONNECT_TIMEOUT.toMillis());
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("ApplicationName", "bulletproof");
        try {
            return new PostgresDatabase(url, user, password, new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            throw new DatabaseException("cannot open database " + url + ": " + reasonOf(e), e);
        }
    }

    /** The JDBC URL, which holds no password: the password is given apart. */
    public String url() {
        return url;
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    @Override
    public boolean sharedByNodes() {
        return true;
    }

    /**
     * A connection of its own, outside the pool, for what lives as long as a session: the rescuer's
     * leadership (a session-level advisory lock, released by PostgreSQL when the connection dies) and the
     * queue's LISTEN. The caller closes it.
     */
    public Connection dedicatedConnection() {
        if (closed.get()) {
            throw new DatabaseException("database " + url + " is closed", null);
        }
        java.util.Properties properties = new java.util.Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "bulletproof");
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        // A dead server must not leave a session thread blocked forever on a socket read.
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        try {
            return java.sql.DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new DatabaseException("cannot reach database " + url + ": " + reasonOf(e), e);
        }
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        Transaction joined = currentTransaction.get();
        if (joined != null) {
            return work.apply(joined);
        }
        Statements statements = borrow();
        try {
            return runInNewTransaction(statements, work);
        } finally {
            statements.close();
        }
    }

    private <T> T runInNewTransaction(Statements statements, Function<Transaction, T> work) {
        Connection connection = statements.connection();
        Transaction transaction = new Transaction(statements);
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw Statements.failure("BEGIN", e);
        }
        try {
            currentTransaction.set(transaction);
            T result = work.apply(transaction);
            commit(connection);
            return result;
        } catch (RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            currentTransaction.remove();
            restoreAutoCommit(connection);
        }
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        Transaction joined = currentTransaction.get();
        if (joined != null) {
            return joined.query(sql, mapper, params);
        }
        return withConnection(statements -> statements.query(sql, mapper, params));
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        Transaction joined = currentTransaction.get();
        if (joined != null) {
            return joined.queryOne(sql, mapper, params);
        }
        return withConnection(statements -> statements.queryOne(sql, mapper, params));
    }

    @Override
    public int update(String sql, Object... params) {
        return inTransaction(tx -> tx.update(sql, params));
    }

    @Override
    public long insert(String sql, Object... params) {
        return inTransaction(tx -> tx.insert(sql, params));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
        }
    }

    private <T> T withConnection(Function<Statements, T> work) {
        Statements statements = borrow();
        try {
            return work.apply(statements);
        } finally {
            statements.close();
        }
    }

    /** A pooled connection; closing the returned statements gives it back to the pool. */
    private Statements borrow() {
        if (closed.get()) {
            throw new DatabaseException("database " + url + " is closed", null);
        }
        try {
            return new Statements(pool.getConnection(), DIALECT);
        } catch (SQLException e) {
            throw new DatabaseException("cannot reach database " + url + ": " + reasonOf(e), e);
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw Statements.failure("COMMIT", e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A connection whose auto-commit cannot be restored is broken; the pool then discards it. */
    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The pool tests the connection before lending it again.
        }
    }

    /** The innermost message: the driver's own words ("connection refused", "password authentication failed"). */
    static String reasonOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
