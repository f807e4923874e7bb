package dev.bulletproof.daemon.jobs.jdbc;

import dev.bulletproof.daemon.db.RowMapper;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.db.Transaction;
import dev.bulletproof.daemon.jobs.JobSegment;
import dev.bulletproof.daemon.jobs.Lease;
import dev.bulletproof.daemon.jobs.LeaseLostException;
import dev.bulletproof.daemon.jobs.SegmentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@link SegmentStore} on the jobs database. The lease is checked by the statement that writes, as the
 * publish intent's insert does (decision 0020): a rescue that bumps the lease is either before it (nothing
 * written) or after it.
 */
public final class JdbcSegmentStore implements SegmentStore {

    private static final String COLUMNS = "job_id, kind, idx, start_seconds, duration_seconds, start_frame,"
            + " frame_count, state, attempts, lease, node_id, worker, size_bytes, sha256, on_disk, updated_at";

    /** Video first, in time order, then the audio: the order the encodes run and the join reads them. */
    private static final String SELECT_OF_JOB = "SELECT " + COLUMNS
            + " FROM job_segments WHERE job_id = ? ORDER BY CASE kind WHEN 'video' THEN 0 ELSE 1 END, idx";

    /** The job is running under the lease: the condition of every write of a run. */
    private static final String HELD = " AND EXISTS (SELECT 1 FROM jobs WHERE jobs.id = job_segments.job_id"
            + " AND jobs.lease = ? AND jobs.status IN ('PROCESSING', 'PAUSED'))";

    private static final String RETURNING = " RETURNING " + COLUMNS;

    private static final RowMapper<JobSegment> SEGMENT = row -> {
        long lease = row.getLong("lease");
        Long leaseOrNull = row.wasNull() ? null : lease;
        int worker = row.getInt("worker");
        Integer workerOrNull = row.wasNull() ? null : worker;
        long size = row.getLong("size_bytes");
        Long sizeOrNull = row.wasNull() ? null : size;
        return new JobSegment(
                row.getLong("job_id"),
                JobSegment.Kind.ofColumn(row.getString("kind")),
                row.getInt("idx"),
                row.getDouble("start_seconds"),
                row.getDouble("duration_seconds"),
                row.getLong("start_frame"),
                row.getLong("frame_count"),
                JobSegment.State.ofColumn(row.getString("state")),
                row.getInt("attempts"),
                leaseOrNull,
                row.getString("node_id"),
                workerOrNull,
                sizeOrNull,
                row.getString("sha256"),
                row.getBoolean("on_disk"),
                Instant.ofEpochMilli(row.getLong("updated_at")));
    };

    private final SqlDatabase database;
    private final Clock clock;

    public JdbcSegmentStore(SqlDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<JobSegment> plan(Lease lease, List<JobSegment.Planned> segments) {
        return database.inTransaction(tx -> {
            requireHeld(tx, lease);
            List<JobSegment> existing = tx.query(SELECT_OF_JOB, SEGMENT, lease.jobId());
            List<JobSegment.Planned> recorded =
                    existing.stream().map(JobSegment::planned).toList();
            if (recorded.equals(segments)) {
                return existing;
            }
            tx.update("DELETE FROM job_segments WHERE job_id = ?", lease.jobId());
            Instant now = clock.instant();
            for (JobSegment.Planned segment : segments) {
                tx.update(
                        "INSERT INTO job_segments (job_id, kind, idx, start_seconds, duration_seconds, start_frame,"
                                + " frame_count, state, attempts, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)",
                        lease.jobId(),
                        segment.kind().columnValue(),
                        segment.index(),
                        segment.startSeconds(),
                        segment.durationSeconds(),
                        segment.startFrame(),
                        segment.frameCount(),
                        now);
            }
            return tx.query(SELECT_OF_JOB, SEGMENT, lease.jobId());
        });
    }

    @Override
    public JobSegment start(Lease lease, JobSegment.Kind kind, int index, String nodeId, int worker) {
        return write(
                lease,
                kind,
                index,
                "state = 'running', attempts = attempts + 1, lease = ?, node_id = ?, worker = ?, size_bytes = NULL,"
                        + " sha256 = NULL",
                lease.token(),
                nodeId,
                worker);
    }

    @Override
    public JobSegment finish(Lease lease, JobSegment.Kind kind, int index, long sizeBytes, String sha256) {
        return write(
                lease,
                kind,
                index,
                "state = 'done', lease = ?, size_bytes = ?, sha256 = ?, on_disk = ?",
                lease.token(),
                sizeBytes,
                sha256,
                true);
    }

    @Override
    public JobSegment requeue(Lease lease, JobSegment.Kind kind, int index) {
        return write(lease, kind, index, "state = 'queued', size_bytes = NULL, sha256 = NULL, on_disk = ?", false);
    }

    private JobSegment write(Lease lease, JobSegment.Kind kind, int index, String assignments, Object... values) {
        Object[] params = new Object[values.length + 5];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = clock.instant();
        params[values.length + 1] = lease.jobId();
        params[values.length + 2] = kind.columnValue();
        params[values.length + 3] = index;
        params[values.length + 4] = lease.token();
        return database.inTransaction(tx -> tx.queryOne(
                        "UPDATE job_segments SET " + assignments + ", updated_at = ?"
                                + " WHERE job_id = ? AND kind = ? AND idx = ?" + HELD + RETURNING,
                        SEGMENT,
                        params)
                .orElseThrow(() -> new LeaseLostException(lease)));
    }

    @Override
    public List<JobSegment> of(long jobId) {
        return database.query(SELECT_OF_JOB, SEGMENT, jobId);
    }

    @Override
    public void piecesRemoved(long jobId) {
        database.inTransaction(tx ->
                tx.update("UPDATE job_segments SET on_disk = ? WHERE job_id = ? AND on_disk = ?", false, jobId, true));
    }

    @Override
    public List<Long> finishedJobsWithPiecesOnDisk() {
        return database.query(
                "SELECT DISTINCT s.job_id FROM job_segments s JOIN jobs j ON j.id = s.job_id"
                        + " WHERE s.on_disk = ? AND j.status IN ('COMPLETED', 'FAILED', 'CANCELLED') ORDER BY s.job_id",
                row -> row.getLong(1),
                true);
    }

    private static void requireHeld(Transaction tx, Lease lease) {
        boolean held = tx.queryOne(
                        "SELECT 1 FROM jobs WHERE id = ? AND lease = ? AND status IN ('PROCESSING', 'PAUSED')",
                        row -> true,
                        lease.jobId(),
                        lease.token())
                .isPresent();
        if (!held) {
            throw new LeaseLostException(lease);
        }
    }
}
