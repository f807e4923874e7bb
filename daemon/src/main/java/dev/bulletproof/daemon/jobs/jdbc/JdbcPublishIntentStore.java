package dev.bulletproof.daemon.jobs.jdbc;

import dev.bulletproof.daemon.db.RowMapper;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.Lease;
import dev.bulletproof.daemon.jobs.PublishIntent;
import dev.bulletproof.daemon.jobs.PublishIntentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** {@link PublishIntentStore} on the jobs database; every write is one transaction. */
public final class JdbcPublishIntentStore implements PublishIntentStore {

    private static final RowMapper<PublishIntent> INTENT = row -> {
        String disposal = row.getString("disposal");
        String target = row.getString("disposal_target");
        return new PublishIntent(
                row.getLong("job_id"),
                Path.of(row.getString("temp_path")),
                Path.of(row.getString("final_path")),
                row.getLong("size"),
                row.getString("fingerprint"),
                row.getDouble("processing_seconds"),
                disposal == null ? null : PublishIntent.Disposal.valueOf(disposal),
                target == null ? null : Path.of(target));
    };

    private final SqlDatabase database;
    private final Clock clock;

    public JdbcPublishIntentStore(SqlDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public boolean record(PublishIntent intent) {
        return insert(intent, "", intent.jobId());
    }

    /**
     * The lease is checked by the same statement that inserts: a rescue (which bumps the lease) is either
     * before it (nothing recorded, the run discards its output) or after it (the rescuer sees the intent and
     * leaves the job to be finished by its node).
     */
    @Override
    public boolean record(PublishIntent intent, Lease lease) {
        return insert(intent, " AND lease = ?", intent.jobId(), lease.token());
    }

    private boolean insert(PublishIntent intent, String condition, Object... keys) {
        // The status check and the insert share one statement, so a cancel is either before it (nothing
        // recorded, the output is discarded) or after it (the cancel is refused).
        Object[] params = new Object[6 + keys.length];
        params[0] = intent.tempPath().toString();
        params[1] = intent.finalPath().toString();
        params[2] = intent.size();
        params[3] = intent.fingerprint();
        params[4] = intent.processingSeconds();
        params[5] = clock.instant();
        System.arraycopy(keys, 0, params, 6, keys.length);
        return database.inTransaction(tx -> tx.update(
                        "INSERT INTO publish_intents (job_id, temp_path, final_path, size, fingerprint,"
                                + " processing_seconds, created_at)"
                                + " SELECT id, ?, ?, ?, ?, ?, ? FROM jobs WHERE id = ? AND status IN ('PROCESSING', 'PAUSED')"
                                + condition,
                        params)
                == 1);
    }

    @Override
    public void retarget(long jobId, Path finalPath) {
        database.inTransaction(tx ->
                tx.update("UPDATE publish_intents SET final_path = ? WHERE job_id = ?", finalPath.toString(), jobId));
    }

    @Override
    public void recordDisposal(long jobId, PublishIntent.Disposal disposal, Path target) {
        database.inTransaction(tx -> tx.update(
                "UPDATE publish_intents SET disposal = ?, disposal_target = ? WHERE job_id = ?",
                disposal.name(),
                target == null ? null : target.toString(),
                jobId));
    }

    @Override
    public void discard(long jobId) {
        database.inTransaction(tx -> tx.update("DELETE FROM publish_intents WHERE job_id = ?", jobId));
    }

    @Override
    public List<PublishIntent> all() {
        return database.query("SELECT * FROM publish_intents ORDER BY job_id", INTENT);
    }

    /** Used by the job store: a job with an intent is publishing and can no longer be cancelled or requeued. */
    static boolean isPublishing(dev.bulletproof.daemon.db.Transaction tx, long jobId) {
        return tx.queryOne("SELECT 1 FROM publish_intents WHERE job_id = ?", row -> true, jobId)
                .isPresent();
    }

    static void removeOnCompletion(dev.bulletproof.daemon.db.Transaction tx, long jobId) {
        tx.update("DELETE FROM publish_intents WHERE job_id = ?", jobId);
    }
}
