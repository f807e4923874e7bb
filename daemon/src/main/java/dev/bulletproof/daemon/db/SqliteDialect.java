package dev.bulletproof.daemon.db;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The dialect of the SQLite file {@link Database} opens. */
public final class SqliteDialect implements Dialect {

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String createSchemaVersionTable() {
        return "CREATE TABLE IF NOT EXISTS schema_version ("
                + " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)";
    }

    /** Every write transaction begins IMMEDIATE, which already holds the database's one write lock. */
    @Override
    public List<String> lockForMigration() {
        return List.of();
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

    /** SQLite has no row locks; the transaction's write lock keeps every other claimer out already. */
    @Override
    public String claimCandidates(String select, int rows) {
        return firstRows(select, rows);
    }

    /** SQLite's documented way: a unary plus makes the term an expression no index is used for. */
    @Override
    public String withoutIndex(String column) {
        return "+" + column;
    }

    /** SQLite's LIKE already ignores the case of ASCII letters. */
    @Override
    public String likeIgnoringCase() {
        return "LIKE";
    }

    @Override
    public String nowMillis() {
        return "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
    }

    @Override
    public String greatest(String first, String second) {
        return "MAX(" + first + ", " + second + ")";
    }

    /** The schema keeps booleans in INTEGER columns as 0 and 1. */
    @Override
    public Object booleanValue(boolean value) {
        return value ? 1 : 0;
    }

    /** The id is read back on the same connection, which only this transaction uses meanwhile. */
    @Override
    public long insertReturningId(SqlRunner runner, String insert, Object... params) {
        runner.update(insert, params);
        return runner.queryOne("SELECT last_insert_rowid()", row -> row.getLong(1))
                .orElseThrow();
    }

    /** No lock is needed: a write transaction (BEGIN IMMEDIATE) already keeps every other writer out. */
    @Override
    public Optional<String> lockKeyForTransaction() {
        return Optional.empty();
    }

    @Override
    public Optional<String> lockKeysForTransaction(int count) {
        return Optional.empty();
    }

    @Override
    public String selectTableByName() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
    }

    @Override
    public String selectTriggerByName() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?";
    }

    @Override
    public List<String> createTrigger(RowTrigger trigger) {
        String when = trigger.condition() == null ? "" : " WHEN " + trigger.condition();
        String body =
                trigger.statements().stream().map(statement -> statement + ";").collect(Collectors.joining(" "));
        return List.of("CREATE TRIGGER " + trigger.name() + " AFTER " + trigger.event() + " ON " + trigger.table()
                + when + " BEGIN " + body + " END");
    }

    @Override
    public List<String> dropTrigger(String name, String table) {
        return List.of("DROP TRIGGER IF EXISTS " + name);
    }

    /** One writer at a time holds the whole database: a row read in a write transaction cannot change under it. */
    @Override
    public String lockedForWrite() {
        return "";
    }

    /** SQLite's WITH clause holds SELECTs only; an in-process call per statement costs little anyway. */
    @Override
    public boolean writesInCommonTableExpressions() {
        return false;
    }
}
