package dev.bulletproof.daemon.jobs.jdbc;

import dev.bulletproof.daemon.db.RowMapper;
import dev.bulletproof.daemon.db.SqlDatabase;
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
        // The status check and the insert share one transaction on the single writer, so a cancel is either
        // before it (nothing recorded, the output is discarded) or after it (the cancel is refused).
        return database.inTransaction(tx -> tx.update(
                        "INSERT INTO publish_intents (job_id, temp_path, final_path, size, fingerprint,"
                                + " processing_seconds, created_at)"
                                + " SELECT id, ?, ?, ?, ?, ?, ? FROM jobs WHERE id = ? AND status IN ('PROCESSING', 'PAUSED')",
                        intent.tempPath().toString(),
                        intent.finalPath().toString(),
                        intent.size(),
                        intent.fingerprint(),
                        intent.processingSeconds(),
                        clock.instant(),
                        intent.jobId())
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
