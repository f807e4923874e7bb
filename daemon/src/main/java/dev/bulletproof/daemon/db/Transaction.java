package dev.bulletproof.daemon.db;

import java.util.List;
import java.util.Optional;

/**
 * The statements of one write transaction on the writer connection. Reads through it see the
 * transaction's own uncommitted writes.
 */
public final class Transaction implements SqlRunner {

    private final Statements statements;

    Transaction(Statements statements) {
        this.statements = statements;
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return statements.query(sql, mapper, params);
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        return statements.queryOne(sql, mapper, params);
    }

    @Override
    public int update(String sql, Object... params) {
        return statements.update(sql, params);
    }

    @Override
    public long insert(String sql, Object... params) {
        return statements.insert(sql, params);
    }

    void script(String sql) {
        statements.script(sql);
    }
}
