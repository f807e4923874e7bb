package dev.bulletproof.daemon.history.jdbc;

import dev.bulletproof.daemon.db.Dialect;
import dev.bulletproof.daemon.db.Dialect.RowTrigger;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.db.Transaction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the per-status totals equal to a count over {@code jobs}: three triggers append a change row to
 * {@code job_totals_changes} (V010) inside the same transaction as every insert, delete and status or
 * processing time change, and {@link #fold} moves those rows into the seven rows of {@code job_totals}
 * (V002) from time to time. The totals are always {@code job_totals} plus the change rows not folded yet
 * ({@link #SELECT_STATUS_TOTALS}), so a fold changes nothing a reader sees.
 *
 * <p>Why append rather than update: on PostgreSQL several nodes write at once, and updating the counter
 * rows in place made every claim, completion and retry queue up on the same rows and deadlock when two
 * transactions moved jobs between statuses in opposite directions (a claim locks QUEUED then PROCESSING,
 * a retry COMPLETED then QUEUED, a completion PROCESSING then COMPLETED). An append locks no existing row.
 *
 * <p>The triggers are created here rather than in a migration because a trigger body holds semicolons,
 * migration scripts are split on them, and the dialects declare triggers differently; what the triggers
 * do is written once, below.
 */
final class JobTotals {

    /** Readers see the folded counts plus the changes not folded yet; one statement, so one snapshot. */
    static final String SELECT_STATUS_TOTALS = "SELECT status, SUM(jobs) AS jobs,"
            + " CASE WHEN SUM(processing_count) > 0 THEN SUM(processing_sum) / SUM(processing_count) END"
            + " AS avg_processing FROM ("
            + "SELECT status, jobs, processing_count, processing_sum FROM job_totals"
            + " UNION ALL SELECT status, jobs, processing_count, processing_sum FROM job_totals_changes"
            + ") AS totals GROUP BY status";

    private static final String ADD_NEW = "INSERT INTO job_totals_changes"
            + " (status, jobs, processing_count, processing_sum) VALUES (NEW.status, 1,"
            + " CASE WHEN NEW.processing_seconds IS NULL THEN 0 ELSE 1 END, COALESCE(NEW.processing_seconds, 0))";

    private static final String REMOVE_OLD = "INSERT INTO job_totals_changes"
            + " (status, jobs, processing_count, processing_sum) VALUES (OLD.status, -1,"
            + " CASE WHEN OLD.processing_seconds IS NULL THEN 0 ELSE -1 END, -COALESCE(OLD.processing_seconds, 0))";

    static final List<RowTrigger> TRIGGERS = List.of(
            new RowTrigger("job_totals_changes_after_insert", "jobs", "INSERT", null, List.of(ADD_NEW)),
            new RowTrigger("job_totals_changes_after_delete", "jobs", "DELETE", null, List.of(REMOVE_OLD)),
            new RowTrigger(
                    "job_totals_changes_after_update",
                    "jobs",
                    "UPDATE OF status, processing_seconds",
                    "OLD.status IS DISTINCT FROM NEW.status"
                            + " OR OLD.processing_seconds IS DISTINCT FROM NEW.processing_seconds",
                    List.of(REMOVE_OLD, ADD_NEW)));

    /** The triggers of releases before V010, which updated job_totals in place; dropped where found. */
    private static final List<String> IN_PLACE_TRIGGERS =
            List.of("job_totals_after_insert", "job_totals_after_delete", "job_totals_after_update");

    static final String RECOUNT = "UPDATE job_totals SET"
            + " jobs = (SELECT COUNT(*) FROM jobs WHERE jobs.status = job_totals.status),"
            + " processing_count = (SELECT COUNT(processing_seconds) FROM jobs WHERE jobs.status = job_totals.status),"
            + " processing_sum = (SELECT COALESCE(SUM(processing_seconds), 0) FROM jobs"
            + " WHERE jobs.status = job_totals.status)";

    /**
     * Taken by whoever rewrites job_totals (a fold, a recount): two folds at once on two nodes would update
     * the same rows in different orders.
     */
    private static final String LOCK_KEY = "job_totals";

    private record Change(String status, long jobs, long processingCount, double processingSum) {}

    private JobTotals() {}

    /**
     * Creates whichever triggers are missing, drops the in-place ones of older releases and, when anything
     * changed, recounts the totals in the same transaction: writes made while a trigger was absent are then
     * counted too.
     */
    static void maintain(SqlDatabase database) {
        Dialect dialect = database.dialect();
        database.inTransaction(tx -> {
            // Two daemons starting at once on a new shared database would both find the triggers missing and
            // create the same functions at once; the second waits here and then finds them.
            lock(tx, dialect);
            boolean changed = false;
            for (String old : IN_PLACE_TRIGGERS) {
                if (exists(tx, dialect, old)) {
                    dialect.dropTrigger(old, "jobs").forEach(tx::update);
                    changed = true;
                }
            }
            for (RowTrigger trigger : TRIGGERS) {
                if (!exists(tx, dialect, trigger.name())) {
                    dialect.createTrigger(trigger).forEach(tx::update);
                    changed = true;
                }
            }
            if (changed) {
                tx.update(RECOUNT);
                tx.update("DELETE FROM job_totals_changes");
            }
            return null;
        });
    }

    /**
     * Moves the change rows into job_totals. The rows are deleted and read back by the same statement
     * ({@code DELETE … RETURNING}), so a change committed by another node meanwhile is either moved or left
     * for the next fold, never deleted unread.
     *
     * @return how many change rows were folded
     */
    static int fold(SqlDatabase database) {
        return database.inTransaction(tx -> {
            lock(tx, database.dialect());
            List<Change> changes = tx.query(
                    "DELETE FROM job_totals_changes RETURNING status, jobs, processing_count, processing_sum",
                    row -> new Change(row.getString(1), row.getLong(2), row.getLong(3), row.getDouble(4)));
            Map<String, Change> byStatus = new TreeMap<>(); // one update per status, always in the same order
            for (Change change : changes) {
                byStatus.merge(
                        change.status(),
                        change,
                        (a, b) -> new Change(
                                a.status(),
                                a.jobs() + b.jobs(),
                                a.processingCount() + b.processingCount(),
                                a.processingSum() + b.processingSum()));
            }
            for (Change sum : byStatus.values()) {
                tx.update(
                        "UPDATE job_totals SET jobs = jobs + ?, processing_count = processing_count + ?,"
                                + " processing_sum = processing_sum + ? WHERE status = ?",
                        sum.jobs(),
                        sum.processingCount(),
                        sum.processingSum(),
                        sum.status());
            }
            return changes.size();
        });
    }

    private static void lock(Transaction tx, Dialect dialect) {
        dialect.lockKeyForTransaction().ifPresent(lock -> tx.queryOne(lock, row -> true, LOCK_KEY));
    }

    private static boolean exists(Transaction tx, Dialect dialect, String trigger) {
        return tx.queryOne(dialect.selectTriggerByName(), row -> true, trigger).isPresent();
    }
}
