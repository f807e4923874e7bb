package dev.bulletproof.daemon.db;

import java.util.function.Function;

/**
 * A database the stores run their SQL on: statements outside a transaction (reads), write transactions,
 * and the dialect to spell product-specific SQL in. {@link Database} is the SQLite one.
 */
public interface SqlDatabase extends SqlRunner, AutoCloseable {

    Dialect dialect();

    /**
     * Runs {@code work} in one write transaction: committed when it returns, rolled back when it
     * throws. Nested calls on the same thread join the outer transaction.
     */
    <T> T inTransaction(Function<Transaction, T> work);

    /** Closes every connection; later calls fail with {@link DatabaseException}. Calling it again does nothing. */
    @Override
    void close();
}
