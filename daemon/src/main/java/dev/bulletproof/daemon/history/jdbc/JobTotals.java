package dev.bulletproof.daemon.history.jdbc;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Transaction;
import java.util.List;

/**
 * Keeps the {@code job_totals} table (created by the V002 migration) equal to a count over {@code jobs}:
 * three triggers adjust it inside the same transaction as every insert, delete and status or processing
 * time change. They are created here rather than in the migration because a trigger body holds
 * semicolons and migration scripts are split on them.
 */
final class JobTotals {

    private static final String ADD_NEW = "UPDATE job_totals SET jobs = jobs + 1,"
            + " processing_count = processing_count + (NEW.processing_seconds IS NOT NULL),"
            + " processing_sum = processing_sum + COALESCE(NEW.processing_seconds, 0)"
            + " WHERE status = NEW.status;";

    private static final String REMOVE_OLD = "UPDATE job_totals SET jobs = jobs - 1,"
            + " processing_count = processing_count - (OLD.processing_seconds IS NOT NULL),"
            + " processing_sum = processing_sum - COALESCE(OLD.processing_seconds, 0)"
            + " WHERE status = OLD.status;";

    private record Trigger(String name, String definition) {}

    private static final List<Trigger> TRIGGERS = List.of(
            new Trigger(
                    "job_totals_after_insert",
                    "CREATE TRIGGER job_totals_after_insert AFTER INSERT ON jobs BEGIN " + ADD_NEW + " END"),
            new Trigger(
                    "job_totals_after_delete",
                    "CREATE TRIGGER job_totals_after_delete AFTER DELETE ON jobs BEGIN " + REMOVE_OLD + " END"),
            new Trigger(
                    "job_totals_after_update",
                    "CREATE TRIGGER job_totals_after_update AFTER UPDATE OF status, processing_seconds ON jobs"
                            + " WHEN OLD.status IS NOT NEW.status"
                            + " OR OLD.processing_seconds IS NOT NEW.processing_seconds"
                            + " BEGIN " + REMOVE_OLD + " " + ADD_NEW + " END"));

    static final String RECOUNT = "UPDATE job_totals SET"
            + " jobs = (SELECT COUNT(*) FROM jobs WHERE jobs.status = job_totals.status),"
            + " processing_count = (SELECT COUNT(processing_seconds) FROM jobs WHERE jobs.status = job_totals.status),"
            + " processing_sum = (SELECT TOTAL(processing_seconds) FROM jobs WHERE jobs.status = job_totals.status)";

    private JobTotals() {}

    /**
     * Creates whichever triggers are missing and, when any was, recounts the totals in the same
     * transaction: writes made while a trigger was absent are then counted too.
     */
    static void maintain(Database database) {
        database.inTransaction(tx -> {
            boolean created = false;
            for (Trigger trigger : TRIGGERS) {
                if (!exists(tx, trigger.name())) {
                    tx.update(trigger.definition());
                    created = true;
                }
            }
            if (created) {
                tx.update(RECOUNT);
            }
            return null;
        });
    }

    private static boolean exists(Transaction tx, String trigger) {
        return tx.queryOne("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", row -> true, trigger)
                .isPresent();
    }
}
