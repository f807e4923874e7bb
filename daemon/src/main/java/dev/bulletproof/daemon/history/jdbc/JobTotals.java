package dev.bulletproof.daemon.history.jdbc;

import dev.bulletproof.daemon.db.Dialect;
import dev.bulletproof.daemon.db.Dialect.RowTrigger;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.db.Transaction;
import java.util.List;

/**
 * Keeps the {@code job_totals} table (created by the V002 migration) equal to a count over {@code jobs}:
 * three triggers adjust it inside the same transaction as every insert, delete and status or processing
 * time change. They are created here rather than in the migration because a trigger body holds
 * semicolons, migration scripts are split on them, and the dialects declare triggers differently; what
 * the triggers do is written once, below.
 */
final class JobTotals {

    private static final String ADD_NEW = "UPDATE job_totals SET jobs = jobs + 1,"
            + " processing_count = processing_count + CASE WHEN NEW.processing_seconds IS NULL THEN 0 ELSE 1 END,"
            + " processing_sum = processing_sum + COALESCE(NEW.processing_seconds, 0)"
            + " WHERE status = NEW.status";

    private static final String REMOVE_OLD = "UPDATE job_totals SET jobs = jobs - 1,"
            + " processing_count = processing_count - CASE WHEN OLD.processing_seconds IS NULL THEN 0 ELSE 1 END,"
            + " processing_sum = processing_sum - COALESCE(OLD.processing_seconds, 0)"
            + " WHERE status = OLD.status";

    static final List<RowTrigger> TRIGGERS = List.of(
            new RowTrigger("job_totals_after_insert", "jobs", "INSERT", null, List.of(ADD_NEW)),
            new RowTrigger("job_totals_after_delete", "jobs", "DELETE", null, List.of(REMOVE_OLD)),
            new RowTrigger(
                    "job_totals_after_update",
                    "jobs",
                    "UPDATE OF status, processing_seconds",
                    "OLD.status IS DISTINCT FROM NEW.status"
                            + " OR OLD.processing_seconds IS DISTINCT FROM NEW.processing_seconds",
                    List.of(REMOVE_OLD, ADD_NEW)));

    static final String RECOUNT = "UPDATE job_totals SET"
            + " jobs = (SELECT COUNT(*) FROM jobs WHERE jobs.status = job_totals.status),"
            + " processing_count = (SELECT COUNT(processing_seconds) FROM jobs WHERE jobs.status = job_totals.status),"
            + " processing_sum = (SELECT COALESCE(SUM(processing_seconds), 0) FROM jobs"
            + " WHERE jobs.status = job_totals.status)";

    private JobTotals() {}

    /**
     * Creates whichever triggers are missing and, when any was, recounts the totals in the same
     * transaction: writes made while a trigger was absent are then counted too.
     */
    static void maintain(SqlDatabase database) {
        Dialect dialect = database.dialect();
        database.inTransaction(tx -> {
            // Two daemons starting at once on a new shared database would both find the triggers missing and
            // create the same functions at once; the second waits here and then finds them.
            dialect.lockKeyForTransaction().ifPresent(lock -> tx.queryOne(lock, row -> true, "job_totals triggers"));
            boolean created = false;
            for (RowTrigger trigger : TRIGGERS) {
                if (!exists(tx, dialect, trigger.name())) {
                    dialect.createTrigger(trigger).forEach(tx::update);
                    created = true;
                }
            }
            if (created) {
                tx.update(RECOUNT);
            }
            return null;
        });
    }

    private static boolean exists(Transaction tx, Dialect dialect, String trigger) {
        return tx.queryOne(dialect.selectTriggerByName(), row -> true, trigger).isPresent();
    }
}
