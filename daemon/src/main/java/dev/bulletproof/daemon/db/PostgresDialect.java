package dev.bulletproof.daemon.db;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dialect of a PostgreSQL database that {@link PostgresDatabase} opens. PostgreSQL writers do not
 * exclude each other as SQLite's do, so what SQLite gets from its one write lock comes from row and
 * advisory locks here: the claim locks the rows it may take and skips those another claimer holds, and
 * registering a file takes a lock on its path for the rest of the transaction.
 */
public final class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String createSchemaVersionTable() {
        return "CREATE TABLE IF NOT EXISTS schema_version ("
                + " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)";
    }

    /** A second daemon starting at the same moment waits here until the first has applied the script. */
    @Override
    public List<String> lockForMigration() {
        return List.of("LOCK TABLE schema_version IN EXCLUSIVE MODE");
    }

    @Override
    public String firstRows(String select, int rows) {
        return select + " LIMIT " + rows;
    }

    @Override
    public String firstRowsBound(String select) {
        return select + " LIMIT ?";
    }

    @Override
    public String page(String select) {
        return select + " LIMIT ? OFFSET ?";
    }

    /**
     * Each candidate stays locked until the claim's transaction ends, and rows another claimer holds are
     * skipped rather than waited for: two daemons claiming at once take different jobs without blocking.
     */
    @Override
    public String claimCandidates(String select, int rows) {
        return firstRows(select, rows) + " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public boolean writesInCommonTableExpressions() {
        return true;
    }

    @Override
    public String lockedForWrite() {
        return " FOR UPDATE";
    }

    /** PostgreSQL's planner needs no hint here; the expression stays a plain column. */
    @Override
    public String withoutIndex(String column) {
        return column;
    }

    @Override
    public String likeIgnoringCase() {
        return "ILIKE";
    }

    /** clock_timestamp(), not now(): a long transaction must not stamp a heartbeat with its start time. */
    @Override
    public String nowMillis() {
        return "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    }

    @Override
    public String greatest(String first, String second) {
        return "GREATEST(" + first + ", " + second + ")";
    }

    /** The schema's boolean columns are BOOLEAN. */
    @Override
    public Object booleanValue(boolean value) {
        return value;
    }

    @Override
    public long insertReturningId(SqlRunner runner, String insert, Object... params) {
        return runner.queryOne(insert + " RETURNING id", row -> row.getLong(1), params)
                .orElseThrow();
    }

    /**
     * A transaction-scoped advisory lock on the key's 64-bit hash: a second transaction locking the same
     * key waits until the first commits, and its next statement (READ COMMITTED) then sees the first one's
     * rows. Two keys that share a hash only wait for each other, which is harmless.
     */
    @Override
    public Optional<String> lockKeyForTransaction() {
        return Optional.of("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
    }

    /**
     * The keys sorted in a subquery that is not flattened (OFFSET 0), so the locks are taken row by row in
     * that order, the same on every node (the database's collation, not the client's).
     */
    @Override
    public Optional<String> lockKeysForTransaction(int count) {
        return Optional.of("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM (SELECT k FROM (VALUES "
                + String.join(", ", java.util.Collections.nCopies(count, "(?)"))
                + ") AS keys(k) ORDER BY k OFFSET 0) AS ordered");
    }

    @Override
    public String selectTableByName() {
        return "SELECT 1 FROM pg_tables WHERE tablename = ? AND schemaname = current_schema()";
    }

    /** Triggers of the current schema only: each database (or schema) keeps its own. */
    @Override
    public String selectTriggerByName() {
        return "SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " WHERE t.tgname = ? AND NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace";
    }

    /** A PL/pgSQL function holding the statements, and a row trigger that calls it. */
    @Override
    public List<String> createTrigger(RowTrigger trigger) {
        String function = trigger.name() + "_function";
        String body =
                trigger.statements().stream().map(statement -> statement + ";").collect(Collectors.joining(" "));
        String when = trigger.condition() == null ? "" : " WHEN (" + trigger.condition() + ")";
        return List.of(
                "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN " + body
                        + " RETURN NULL; END $body$",
                "CREATE TRIGGER " + trigger.name() + " AFTER " + trigger.event() + " ON " + trigger.table()
                        + " FOR EACH ROW" + when + " EXECUTE FUNCTION " + function + "()");
    }

    @Override
    public List<String> dropTrigger(String name, String table) {
        return List.of(
                "DROP TRIGGER IF EXISTS " + name + " ON " + table, "DROP FUNCTION IF EXISTS " + name + "_function()");
    }
}
