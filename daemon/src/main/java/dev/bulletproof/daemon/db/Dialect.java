package dev.bulletproof.daemon.db;

import java.util.List;
import java.util.Optional;

/**
 * What one database product spells its own way. The stores write their SQL once, in the syntax SQLite and
 * PostgreSQL share, and ask the dialect only for the pieces that differ: row limits, the claim's row
 * lock, planner hints, case-insensitive matching, booleans, generated ids, triggers and the migration
 * bookkeeping. Each dialect has its own schema scripts in {@code db/migration/<name>/} (see
 * {@link Migrations}); decision 0016 says what belongs here and how a dialect joins the store tests.
 */
public interface Dialect {

    /** Lower case, without spaces: names the folder of this dialect's migration scripts. */
    String name();

    /** Creates the bookkeeping table of {@link Migrations} when it does not exist yet. */
    String createSchemaVersionTable();

    /**
     * Statements run first in each migration's transaction that make a second process starting at the same
     * time wait until the first has applied the script (statements without results, such as {@code LOCK
     * TABLE}); none where a write transaction already excludes every other writer.
     */
    List<String> lockForMigration();

    /** {@code select} (which may end with ORDER BY) cut to its first {@code rows} rows. */
    String firstRows(String select, int rows);

    /** {@code select} cut to as many rows as its last parameter says. */
    String firstRowsBound(String select);

    /** {@code select} cut to one page: its last two parameters are the page's row count, then the rows skipped. */
    String page(String select);

    /**
     * The jobs a claim may take: {@code select} cut to {@code rows} rows, each locked against other claimers
     * until the transaction ends where the database locks rows (where it locks the whole database for a
     * write transaction, nothing is added). The claim still writes with a version check, so a dialect
     * that skips rows other claimers hold may return fewer.
     */
    String claimCandidates(String select, int rows);

    /**
     * {@code column} as an expression the planner does not look up in an index: for a condition that
     * narrows nothing, so that the index of a condition that does is chosen.
     */
    String withoutIndex(String column);

    /**
     * The operator that matches a LIKE pattern whatever the case of the letters (SQLite's LIKE ignores the
     * case of ASCII letters only, which is what the job list's search has always done).
     */
    String likeIgnoringCase();

    /**
     * The database's own clock in epoch milliseconds, as an SQL expression. Heartbeats and the test for a
     * dead node use it, never a node's clock, so nodes whose clocks disagree still agree on who is dead.
     */
    String nowMillis();

    /**
     * Appended to the SELECT that loads a row a write transaction is about to change: on a database where
     * writers run side by side, the row stays locked until the transaction ends, so nobody changes it
     * between the read and the write (whose version check would otherwise fail for no fault of its own).
     */
    String lockedForWrite();

    /**
     * Whether an UPDATE or INSERT may stand in a WITH clause of another statement (PostgreSQL), so that a
     * change and its history row are written in one round trip; SQLite allows only SELECTs there.
     */
    boolean writesInCommonTableExpressions();

    /** The larger of two numeric expressions. */
    String greatest(String first, String second);

    /** What a boolean parameter is bound as, matching the schema's boolean columns. */
    Object booleanValue(boolean value);

    /** Runs {@code insert} (into a table whose key is {@code id}) and returns the id it generated. */
    long insertReturningId(SqlRunner runner, String insert, Object... params);

    /**
     * A statement with one text parameter, a key, that makes every other write transaction running it with
     * the same key wait until this transaction ends; empty where a write transaction already excludes every
     * other writer. Registering a file locks its path so that two daemons finding the same file at once
     * make one job of it.
     */
    Optional<String> lockKeyForTransaction();

    /**
     * {@link #lockKeyForTransaction} for {@code count} keys in one statement ({@code count} text
     * parameters), taken in the order of the keys, so that two transactions locking overlapping sets wait
     * for each other and never deadlock; empty where no lock is needed.
     */
    Optional<String> lockKeysForTransaction(int count);

    /** A query with one parameter, a table's name, that returns a row when that table exists. */
    String selectTableByName();

    /** A query with one parameter, a trigger's name, that returns a row when that trigger exists. */
    String selectTriggerByName();

    /** The statements that create {@code trigger}. */
    List<String> createTrigger(RowTrigger trigger);

    /** Statements that remove trigger {@code name} of {@code table} made by {@link #createTrigger}, if it exists. */
    List<String> dropTrigger(String name, String table);

    /**
     * A trigger that runs {@code statements} after each row of {@code table} changes.
     *
     * @param event {@code INSERT}, {@code DELETE} or {@code UPDATE OF column, ...}
     * @param condition when it runs, over {@code OLD} and {@code NEW}; null for always
     * @param statements portable statements over {@code OLD} and {@code NEW}, without their semicolons
     */
    record RowTrigger(String name, String table, String event, String condition, List<String> statements) {

        public RowTrigger {
            statements = List.copyOf(statements);
        }
    }
}
