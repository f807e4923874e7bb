package dev.bulletproof.daemon.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs statements on one connection; the single place where parameters are bound and rows mapped.
 * Prepared statements are kept per connection and reused: the daemon runs a few dozen distinct
 * statements over and over, and preparing them again each time costs as much as running them.
 */
final class Statements implements SqlRunner {

    private static final int MAX_PREPARED = 64;

    private final Connection connection;
    private final Dialect dialect;
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_PREPARED) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    Statements(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    Connection connection() {
        return connection;
    }

    /** Closes the kept statements and the connection. */
    void close() {
        prepared.values().forEach(Statements::closeQuietly);
        prepared.clear();
        closeQuietly(connection);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // Closing on shutdown or eviction: nothing useful can be done with the failure.
        }
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (ResultSet rows = prepare(sql, params).executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw discardAfter(sql, e);
        }
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        try (ResultSet rows = prepare(sql, params).executeQuery()) {
            return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw discardAfter(sql, e);
        }
    }

    @Override
    public int update(String sql, Object... params) {
        try {
            return prepare(sql, params).executeUpdate();
        } catch (SQLException e) {
            throw discardAfter(sql, e);
        }
    }

    @Override
    public long insert(String sql, Object... params) {
        return dialect.insertReturningId(this, sql, params);
    }

    /** Runs one statement without parameters or results (transaction control). */
    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw discardAfter(sql, e);
        }
    }

    /**
     * Runs a script of statements separated by semicolons (migration files: whole-line {@code --}
     * comments, no semicolons inside literals). Comments are dropped first because the driver rejects a
     * statement that is nothing but a comment.
     */
    void script(String sql) {
        String withoutComments =
                sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        try (Statement statement = connection.createStatement()) {
            for (String part : withoutComments.split(";")) {
                if (!part.isBlank()) {
                    statement.execute(part);
                }
            }
        } catch (SQLException e) {
            throw discardAfter(sql, e);
        }
    }

    /** A statement that failed may be left half-run inside the driver; prepare it afresh next time. */
    private DatabaseException discardAfter(String sql, SQLException e) {
        PreparedStatement broken = prepared.remove(sql);
        if (broken != null) {
            closeQuietly(broken);
        }
        return failure(sql, e);
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        statement.clearParameters();
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, toColumnValue(params[i]));
        }
        return statement;
    }

    private Object toColumnValue(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant.toEpochMilli();
            case Enum<?> constant -> constant.name();
            case Boolean flag -> dialect.booleanValue(flag);
            default -> value;
        };
    }

    static DatabaseException failure(String sql, SQLException e) {
        String statement = sql.strip().lines().findFirst().orElse(sql);
        return new DatabaseException("database error (" + e.getMessage() + ") in: " + statement, e);
    }
}
