package dev.bulletproof.daemon.jobs.jdbc;

import static dev.bulletproof.daemon.jobs.jdbc.JobRows.INSERT_EVENT;
import static dev.bulletproof.daemon.jobs.jdbc.JobRows.JOB;
import static dev.bulletproof.daemon.jobs.jdbc.JobRows.JOB_COLUMNS;
import static dev.bulletproof.daemon.jobs.jdbc.JobRows.SELECT_JOB;

import dev.bulletproof.daemon.db.Dialect;
import dev.bulletproof.daemon.db.Transaction;
import dev.bulletproof.daemon.jobs.IllegalTransitionException;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobCommand;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobNotFoundException;
import dev.bulletproof.daemon.jobs.Lease;
import dev.bulletproof.daemon.jobs.LeaseLostException;
import dev.bulletproof.model.JobStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one way a job row changes inside a transaction: load it, check the move, update it only at the
 * version that was loaded (zero rows means someone else changed it first), and add its history row.
 */
final class JobWrites {

    private final Clock clock;
    private final String selectForWrite;
    private final boolean writesInOneStatement;

    JobWrites(Clock clock, Dialect dialect) {
        this.clock = clock;
        this.selectForWrite = SELECT_JOB + " WHERE id = ?" + dialect.lockedForWrite();
        this.writesInOneStatement = dialect.writesInCommonTableExpressions();
    }

    /** Loads the job, checks {@code command} against its state, writes the change with its history row. */
    Job change(Transaction tx, long id, JobCommand command, String detail, String assignments, Object... values) {
        return write(tx, load(tx, id), command, detail, assignments, values);
    }

    /** Writes {@code command} on exactly this version of the job, with its history row. */
    Job write(Transaction tx, Job current, JobCommand command, String detail, String assignments, Object... values) {
        command.require(current.id(), current.status());
        Object[] params = new Object[values.length + 1];
        params[0] = command.target();
        System.arraycopy(values, 0, params, 1, values.length);
        Object[] checked = new Object[params.length + 2];
        System.arraycopy(params, 0, checked, 0, params.length);
        checked[params.length] = current.id();
        checked[params.length + 1] = current.version();
        return updateWithEvent(
                        tx,
                        "UPDATE jobs SET status = ?, version = version + 1" + assignments
                                + " WHERE id = ? AND version = ?",
                        checked,
                        current,
                        command.event(),
                        command.target(),
                        detail)
                .orElseThrow(() -> new IllegalTransitionException(
                        current.id(),
                        current.status(),
                        "job " + current.id() + " was changed at the same time; try again"));
    }

    /**
     * {@link #write} for the run holding {@code lease}: {@code WHERE id = ? AND version = ? AND lease = ?};
     * no row means the job was given to another node, and {@link LeaseLostException} says so.
     */
    Job writeLeased(
            Transaction tx,
            Job current,
            Lease lease,
            JobCommand command,
            String detail,
            String assignments,
            Object... values) {
        command.require(current.id(), current.status());
        Object[] params = new Object[values.length + 4];
        params[0] = command.target();
        System.arraycopy(values, 0, params, 1, values.length);
        params[values.length + 1] = current.id();
        params[values.length + 2] = current.version();
        params[values.length + 3] = lease.token();
        return updateWithEvent(
                        tx,
                        "UPDATE jobs SET status = ?, version = version + 1" + assignments
                                + " WHERE id = ? AND version = ? AND lease = ?",
                        params,
                        current,
                        command.event(),
                        command.target(),
                        detail)
                .orElseThrow(() -> new LeaseLostException(lease));
    }

    /**
     * Runs {@code insert} (an INSERT of one job, without RETURNING) with its {@code CREATED} history row,
     * in one statement where the database can, as {@link #updateWithEvent} does.
     */
    Job insertWithEvent(Transaction tx, String insert, Object[] params, Instant at, JobStatus status, String detail) {
        Object[] event = {JobEventType.CREATED, null, status, at, detail};
        if (writesInOneStatement) {
            Object[] all = new Object[params.length + event.length];
            System.arraycopy(params, 0, all, 0, params.length);
            System.arraycopy(event, 0, all, params.length, event.length);
            return tx.queryOne(withEvent(insert), JOB, all).orElseThrow();
        }
        Job created = tx.queryOne(insert + RETURNING_JOB, JOB, params).orElseThrow();
        tx.update(INSERT_EVENT, created.id(), event[0], event[1], event[2], event[3], event[4]);
        return created;
    }

    /** A job-changing statement and the insert of its history row, which happens only if it returned the row. */
    private static String withEvent(String statement) {
        return "WITH changed AS (" + statement + RETURNING_JOB + "), event AS (INSERT INTO job_events"
                + " (job_id, type, from_status, to_status, at, detail)"
                + " SELECT id, ?, ?, ?, ?, ? FROM changed) SELECT * FROM changed";
    }

    /**
     * Runs {@code update} (a whole UPDATE of one job, without RETURNING) and, if it changed the row, adds
     * the history row of that change; the job comes back as it is after the update. Where the database
     * can (PostgreSQL), both go in one statement, so a state change costs one round trip instead of two:
     * the row is inserted only when the update returned one.
     */
    Optional<Job> updateWithEvent(
            Transaction tx,
            String update,
            Object[] params,
            Job current,
            JobEventType type,
            JobStatus to,
            String detail) {
        if (writesInOneStatement) {
            Object[] all = new Object[params.length + 5];
            System.arraycopy(params, 0, all, 0, params.length);
            all[params.length] = type;
            all[params.length + 1] = current.status();
            all[params.length + 2] = to;
            all[params.length + 3] = clock.instant();
            all[params.length + 4] = detail;
            return tx.queryOne(withEvent(update), JOB, all);
        }
        Optional<Job> written = tx.queryOne(update + RETURNING_JOB, JOB, params);
        written.ifPresent(job -> recordEvent(tx, current, type, to, detail));
        return written;
    }

    /**
     * Appended to an UPDATE of one job: the changed row comes back with the update, one round trip to the
     * database instead of two (PostgreSQL and SQLite 3.35 and later both have RETURNING).
     */
    static final String RETURNING_JOB = " RETURNING " + JOB_COLUMNS;

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

    /** The job, locked until the transaction ends where writers run side by side ({@code lockedForWrite}). */
    Job load(Transaction tx, long id) {
        return find(tx, id).orElseThrow(() -> new JobNotFoundException(id));
    }

    /** {@link #load}, or empty when the job does not exist (any more). */
    Optional<Job> find(Transaction tx, long id) {
        return tx.queryOne(selectForWrite, JOB, id);
    }
}
