package dev.bulletproof.daemon.jobs.jdbc;

import dev.bulletproof.daemon.db.RowMapper;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.OnSuccess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The column lists of {@code jobs} and {@code job_events} and the mappers that read them. */
final class JobRows {

    static final String JOB_COLUMNS = "id, input_path, input_size, input_mtime, filename, status, status_reason,"
            + " profile, output_path, on_success, priority, attempts, error, created_at, started_at, completed_at,"
            + " not_before, media_duration_seconds, bitrate, resolution, verified, processing_seconds, version,"
            + " media_facts, output_size, thumbnail, watch_folder, node_id, lease";

    static final String SELECT_JOB = "SELECT " + JOB_COLUMNS + " FROM jobs";

    static final RowMapper<Job> JOB = row -> new Job(
            row.getLong("id"),
            row.getString("input_path"),
            row.getLong("input_size"),
            row.getLong("input_mtime"),
            row.getString("filename"),
            JobStatus.valueOf(row.getString("status")),
            row.getString("status_reason"),
            row.getString("profile"),
            row.getString("output_path"),
            onSuccess(row.getString("on_success")),
            row.getInt("priority"),
            row.getInt("attempts"),
            row.getString("error"),
            instant(row, "created_at"),
            instant(row, "started_at"),
            instant(row, "completed_at"),
            instant(row, "not_before"),
            nullableDouble(row, "media_duration_seconds"),
            nullableLong(row, "bitrate"),
            row.getString("resolution"),
            nullableBoolean(row, "verified"),
            nullableDouble(row, "processing_seconds"),
            row.getLong("version"),
            MediaFactsJson.read(row.getString("media_facts")),
            nullableLong(row, "output_size"),
            Boolean.TRUE.equals(nullableBoolean(row, "thumbnail")),
            row.getString("watch_folder"),
            row.getString("node_id"),
            row.getLong("lease"));

    static final String SELECT_EVENT = "SELECT id, job_id, type, from_status, to_status, at, detail FROM job_events";

    static final RowMapper<JobHistoryEntry> EVENT = row -> new JobHistoryEntry(
            row.getLong("id"),
            row.getLong("job_id"),
            JobEventType.valueOf(row.getString("type")),
            status(row.getString("from_status")),
            JobStatus.valueOf(row.getString("to_status")),
            instant(row, "at"),
            row.getString("detail"));

    static final String INSERT_EVENT =
            "INSERT INTO job_events (job_id, type, from_status, to_status, at, detail) VALUES (?, ?, ?, ?, ?, ?)";

    private JobRows() {}

    private static JobStatus status(String name) {
        return name == null ? null : JobStatus.valueOf(name);
    }

    private static OnSuccess onSuccess(String name) {
        return name == null ? null : OnSuccess.valueOf(name);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** Read as an object because dialects keep booleans differently: an INTEGER 0/1 or a BOOLEAN. */
    private static Boolean nullableBoolean(ResultSet row, String column) throws SQLException {
        return switch (row.getObject(column)) {
            case null -> null;
            case Boolean flag -> flag;
            case Number number -> number.longValue() != 0;
            case Object other -> throw new SQLException("column " + column + " holds " + other + ", not a boolean");
        };
    }
}
