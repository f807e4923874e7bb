package dev.bulletproof.daemon.history.jdbc;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.db.Dialect;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.history.BucketSize;
import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.history.InvalidHistoryQueryException;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.StatsModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Statistics straight from the {@code jobs} table: nothing is kept in counters, so a restart, a
 * deleted job or a retried one can never make the figures drift from the list of jobs.
 *
 * <p>Counting rules of the summary: {@code queued} is every job that has not started yet, both
 * {@code queued} and {@code waiting} (still being copied in), because both are work the daemon still
 * has ahead of it; {@code in_progress} is {@code processing} plus {@code paused}, the jobs that own a
 * worker; {@code last_24h} counts jobs that completed or failed in the last 24 hours (a cancellation is
 * an operator's decision, not work done).
 */
public final class JdbcHistory implements History {

    /** More buckets than any chart can draw; also bounds the memory one request can ask for. */
    public static final int MAX_BUCKETS = 10_000;

    public static final int MAX_TIMELINE_POINTS = 100_000;

    /** Seven rows and the changes not folded into them yet (see {@link JobTotals}): cheap at any history size. */
    static final String SELECT_STATUS_TOTALS = JobTotals.SELECT_STATUS_TOTALS;

    /*
     * The status is kept out of the planner's choice of index for the range queries (in SQLite, a unary
     * plus): nearly every finished job is completed, so the status narrows nothing while the time range does.
     */
    /*
     * A closed range, though nothing can finish after "now plus a day": PostgreSQL plans a statement the
     * pool has prepared once for any value, and with an open bound (completed_at >= ?) it expects a third of
     * the table and reads all of it (22 ms at 100,000 jobs instead of 2), with a closed one a slice.
     */
    static String selectFinishedSince(Dialect dialect) {
        return "SELECT COUNT(*) FROM jobs WHERE completed_at >= ? AND completed_at < ? AND "
                + dialect.withoutIndex("status") + " IN ('COMPLETED', 'FAILED')";
    }

    /** Bucket number computed in SQL so the rows of a long range never travel to Java one by one. */
    static String selectBuckets(Dialect dialect) {
        return "SELECT (completed_at - ?) / ? AS bucket,"
                + " COUNT(CASE WHEN status = 'COMPLETED' THEN 1 END) AS completed,"
                + " COUNT(CASE WHEN status = 'FAILED' THEN 1 END) AS failed,"
                + " AVG(CASE WHEN status = 'COMPLETED' THEN processing_seconds END) AS avg_processing,"
                + " COALESCE(SUM(CASE WHEN status = 'COMPLETED' THEN media_duration_seconds END), 0) AS media_seconds"
                + " FROM jobs WHERE completed_at >= ? AND completed_at < ? AND " + dialect.withoutIndex("status")
                + " IN ('COMPLETED', 'FAILED') GROUP BY bucket";
    }

    static String selectTimeline(Dialect dialect) {
        return dialect.firstRowsBound("SELECT id, filename, profile, status, completed_at, processing_seconds,"
                + " media_duration_seconds FROM jobs WHERE completed_at >= ? AND completed_at < ?"
                + " AND " + dialect.withoutIndex("status") + " IN ('COMPLETED', 'FAILED', 'CANCELLED')"
                + " ORDER BY completed_at, id");
    }

    private static final Duration LAST_DAY = Duration.ofHours(24);

    private final SqlDatabase database;
    private final Clock clock;
    private final String selectFinishedSince;
    private final String selectBuckets;
    private final String selectTimeline;

    /** Expects a migrated database; makes sure the per-status totals are kept from now on. */
    public JdbcHistory(SqlDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database);
        this.clock = Objects.requireNonNull(clock);
        Dialect dialect = database.dialect();
        this.selectFinishedSince = selectFinishedSince(dialect);
        this.selectBuckets = selectBuckets(dialect);
        this.selectTimeline = selectTimeline(dialect);
        JobTotals.maintain(database);
        JobTotals.fold(database);
    }

    /**
     * Folds the totals' change rows into their counters every {@code every} until the returned loop is
     * stopped, so that reading the totals stays a scan of a few rows however many jobs change.
     */
    public BackgroundLoop foldTotalsEvery(Duration every) {
        return BackgroundLoop.start("bulletproof-totals", () -> {
            JobTotals.fold(database);
            Thread.sleep(every);
        });
    }

    @Override
    public StatsModel summary() {
        Map<JobStatus, StatusCount> byStatus = new EnumMap<>(JobStatus.class);
        database.query(SELECT_STATUS_TOTALS, JdbcHistory::statusCount)
                .forEach(count -> byStatus.put(count.status(), count));
        long finishedLastDay = database.queryOne(
                        selectFinishedSince,
                        row -> row.getLong(1),
                        clock.instant().minus(LAST_DAY),
                        clock.instant().plus(LAST_DAY))
                .orElse(0L);
        long total = byStatus.values().stream().mapToLong(StatusCount::jobs).sum();
        return new StatsModel(
                total,
                jobsIn(byStatus, JobStatus.COMPLETED),
                jobsIn(byStatus, JobStatus.FAILED),
                byStatus.containsKey(JobStatus.COMPLETED)
                        ? byStatus.get(JobStatus.COMPLETED).avgProcessingSeconds()
                        : 0.0,
                jobsIn(byStatus, JobStatus.PROCESSING) + jobsIn(byStatus, JobStatus.PAUSED),
                jobsIn(byStatus, JobStatus.QUEUED) + jobsIn(byStatus, JobStatus.WAITING),
                jobsIn(byStatus, JobStatus.CANCELLED),
                finishedLastDay);
    }

    @Override
    public List<HistoryBucket> buckets(Instant from, Instant to, String bucket) {
        checkRange(from, to);
        BucketSize size = BucketSize.parse(bucket);
        Instant firstStart = size.floor(from);
        long widthMillis = size.width().toMillis();
        long count = Math.ceilDiv(to.toEpochMilli() - firstStart.toEpochMilli(), widthMillis);
        if (count > MAX_BUCKETS) {
            throw new InvalidHistoryQueryException(
                    "from " + from + " to " + to + " makes " + count + " " + size.wireName()
                            + " buckets; ask for at most " + MAX_BUCKETS + " (a shorter range or bucket=day)");
        }
        HistoryBucket[] buckets = new HistoryBucket[(int) count];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new HistoryBucket(firstStart.plusMillis(i * widthMillis), 0, 0, 0.0, 0.0);
        }
        database.query(
                        selectBuckets,
                        row -> filledBucket(row, firstStart, widthMillis),
                        firstStart.toEpochMilli(),
                        widthMillis,
                        from,
                        to)
                .forEach(filled -> buckets[
                        (int) ((filled.start().toEpochMilli() - firstStart.toEpochMilli()) / widthMillis)] = filled);
        return List.of(buckets);
    }

    @Override
    public List<TimelinePoint> timeline(Instant from, Instant to, int limit) {
        checkRange(from, to);
        if (limit < 1 || limit > MAX_TIMELINE_POINTS) {
            throw new InvalidHistoryQueryException(
                    "limit must be between 1 and " + MAX_TIMELINE_POINTS + ", not " + limit);
        }
        return database.query(selectTimeline, JdbcHistory::timelinePoint, from, to, limit);
    }

    private static void checkRange(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new InvalidHistoryQueryException("both from and to are required");
        }
        if (!from.isBefore(to)) {
            throw new InvalidHistoryQueryException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    private static long jobsIn(Map<JobStatus, StatusCount> byStatus, JobStatus status) {
        StatusCount count = byStatus.get(status);
        return count == null ? 0 : count.jobs();
    }

    private record StatusCount(JobStatus status, long jobs, double avgProcessingSeconds) {}

    private static StatusCount statusCount(ResultSet row) throws SQLException {
        return new StatusCount(
                JobStatus.valueOf(row.getString("status")), row.getLong("jobs"), row.getDouble("avg_processing"));
    }

    private static HistoryBucket filledBucket(ResultSet row, Instant firstStart, long widthMillis) throws SQLException {
        return new HistoryBucket(
                firstStart.plusMillis(row.getLong("bucket") * widthMillis),
                row.getLong("completed"),
                row.getLong("failed"),
                row.getDouble("avg_processing"),
                row.getDouble("media_seconds"));
    }

    private static TimelinePoint timelinePoint(ResultSet row) throws SQLException {
        return new TimelinePoint(
                row.getLong("id"),
                row.getString("filename"),
                row.getString("profile"),
                JobStatus.valueOf(row.getString("status")).wireName(),
                Instant.ofEpochMilli(row.getLong("completed_at")),
                nullableDouble(row, "processing_seconds"),
                nullableDouble(row, "media_duration_seconds"));
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
