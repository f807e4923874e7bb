package dev.bulletproof.daemon.db;

import java.util.List;
import java.util.Optional;

/**
 * The few statement shapes the daemon needs. Parameters bind positionally; {@link java.time.Instant}
 * and enums are converted to the column types every dialect's schema uses (epoch millis, names), and
 * booleans to what the dialect's schema uses ({@link Dialect#booleanValue}).
 */
public interface SqlRunner {

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params);

    /** The first row, if any; for lookups by key. */
    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params);

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    int update(String sql, Object... params);

    /** Runs an INSERT and returns the generated row id. */
    long insert(String sql, Object... params);
}
