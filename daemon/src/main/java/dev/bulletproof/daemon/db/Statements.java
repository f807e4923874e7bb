package dev.bulletproof.daemon.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs statements on one connection; the single place where parameters are bound and rows mapped. */
final class Statements implements SqlRunner {

    private final Connection connection;

    Statements(Connection connection) {
        this.connection = connection;
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(sql, params);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(sql, params);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    @Override
    public long insert(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new DatabaseException("no row id returned by: " + sql, null);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(sql, e);
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
            throw failure(sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object[] params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, toColumnValue(params[i]));
        }
        return statement;
    }

    private static Object toColumnValue(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant.toEpochMilli();
            case Enum<?> constant -> constant.name();
            case Boolean flag -> flag ? 1 : 0;
            default -> value;
        };
    }

    static DatabaseException failure(String sql, SQLException e) {
        String statement = sql.strip().lines().findFirst().orElse(sql);
        return new DatabaseException("database error (" + e.getMessage() + ") in: " + statement, e);
    }
}
