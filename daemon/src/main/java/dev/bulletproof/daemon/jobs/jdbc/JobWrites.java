package dev.bulletproof.daemon.jobs.jdbc;

import static dev.bulletproof.daemon.jobs.jdbc.JobRows.INSERT_EVENT;
import static dev.bulletproof.daemon.jobs.jdbc.JobRows.JOB;
import static dev.bulletproof.daemon.jobs.jdbc.JobRows.SELECT_JOB;

import dev.bulletproof.daemon.db.Transaction;
import dev.bulletproof.daemon.jobs.IllegalTransitionException;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobNotFoundException;
import dev.bulletproof.daemon.jobs.JobTransitions;
import dev.bulletproof.model.JobStatus;
import java.time.Clock;
import java.util.Set;

/**
 * The one way a job row changes inside a transaction: load it, check the move, update it only at the
 * version that was loaded (zero rows means someone else changed it first), and add its history row.
 */
final class JobWrites {

    private final Clock clock;

    JobWrites(Clock clock) {
        this.clock = clock;
    }

    /** Loads the job, checks the move against {@code from} and the table, writes it with its history row. */
    Job change(
            Transaction tx,
            long id,
            Set<JobStatus> from,
            JobStatus to,
            JobEventType type,
            String detail,
            String assignments,
            Object... values) {
        Job current = load(tx, id);
        requireFrom(current, from, verbFor(type));
        JobTransitions.require(id, current.status(), to);
        return write(tx, current, to, type, detail, assignments, values);
    }

    Job write(
            Transaction tx,
            Job current,
            JobStatus to,
            JobEventType type,
            String detail,
            String assignments,
            Object... values) {
        Object[] params = new Object[values.length + 1];
        params[0] = to;
        System.arraycopy(values, 0, params, 1, values.length);
        checkedUpdate(tx, current, "UPDATE jobs SET status = ?, version = version + 1" + assignments, params);
        recordEvent(tx, current, type, to, detail);
        return load(tx, current.id());
    }

    /** Runs {@code statement} (without WHERE) on exactly this version of the job. */
    static int checkedUpdate(Transaction tx, Job current, String statement, Object... values) {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = current.id();
        params[values.length + 1] = current.version();
        int changed = tx.update(statement + " WHERE id = ? AND version = ?", params);
        if (changed == 0) {
            throw new IllegalTransitionException(
                    current.id(), current.status(), "job " + current.id() + " was changed at the same time; try again");
        }
        return changed;
    }

    void recordEvent(Transaction tx, Job current, JobEventType type, JobStatus to, String detail) {
        tx.update(INSERT_EVENT, current.id(), type, current.status(), to, clock.instant(), detail);
    }

    static void requireFrom(Job current, Set<JobStatus> from, String verb) {
        if (!from.contains(current.status())) {
            throw new IllegalTransitionException(
                    current.id(),
                    current.status(),
                    "job " + current.id() + " is " + current.status().wireName() + "; only " + JobQuery.describe(from)
                            + " jobs can be " + verb);
        }
    }

    private static String verbFor(JobEventType type) {
        return switch (type) {
            case QUEUED -> "queued";
            case STARTED -> "started";
            case PAUSED -> "paused";
            case RESUMED -> "resumed";
            case COMPLETED -> "completed";
            case FAILED -> "marked failed";
            case CANCELLED -> "cancelled";
            case RETRIED -> "retried";
            case REQUEUED, RECOVERED -> "put back in the queue";
            case CREATED, PRIORITY_CHANGED -> "changed";
        };
    }

    static Job load(Transaction tx, long id) {
        return tx.queryOne(SELECT_JOB + " WHERE id = ?", JOB, id).orElseThrow(() -> new JobNotFoundException(id));
    }
}
