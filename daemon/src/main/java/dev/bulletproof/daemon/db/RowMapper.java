package dev.bulletproof.daemon.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row of a result set into a value; lives next to the SQL that selects the columns. */
@FunctionalInterface
public interface RowMapper<T> {

    T map(ResultSet row) throws SQLException;
}
