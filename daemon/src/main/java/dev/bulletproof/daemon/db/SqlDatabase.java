package dev.bulletproof.daemon.db;

import java.util.function.Function;

/**
 * A database the stores run their SQL on: statements outside a transaction (reads), write transactions,
 * and the dialect to spell product-specific SQL in. {@link Database} is the SQLite one.
 */
public interface SqlDatabase extends SqlRunner, AutoCloseable {

    Dialect dialect();

    /**
     * Whether daemons on other machines may use this database at the same time (PostgreSQL), so that a job
     * found processing at start may belong to another node that is running it now; false for the SQLite
     * file in a data folder, which one daemon holds.
     */
    default boolean sharedByNodes() {
        return false;
    }

    /**
     * Runs {@code work} in one write transaction: committed when it returns, rolled back when it
     * throws. Nested calls on the same thread join the outer transaction.
     */
    <T> T inTransaction(Function<Transaction, T> work);

    /** Closes every connection; later calls fail with {@link DatabaseException}. Calling it again does nothing. */
    @Override
    void close();
}
