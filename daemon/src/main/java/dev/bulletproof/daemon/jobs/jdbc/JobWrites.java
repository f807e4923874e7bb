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

/**
 * The one way a job row changes inside a transaction: load it, check the move, update it only at the
 * version that was loaded (zero rows means someone else changed it first), and add its history row.
 */
final class JobWrites {

    private final Clock clock;
    private final String selectForWrite;

    JobWrites(Clock clock, Dialect dialect) {
        this.clock = clock;
        this.selectForWrite = SELECT_JOB + " WHERE id = ?" + dialect.lockedForWrite();
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
        Job written = checkedUpdateReturning(
                tx, current, "UPDATE jobs SET status = ?, version = version + 1" + assignments, params);
        recordEvent(tx, current, command.event(), command.target(), detail);
        return written;
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
        Job written = tx.queryOne(
                        "UPDATE jobs SET status = ?, version = version + 1" + assignments
                                + " WHERE id = ? AND version = ? AND lease = ?" + RETURNING_JOB,
                        JOB,
                        params)
                .orElseThrow(() -> new LeaseLostException(lease));
        recordEvent(tx, current, command.event(), command.target(), detail);
        return written;
    }

    /**
     * Appended to an UPDATE of one job: the changed row comes back with the update, one round trip to the
     * database instead of two (PostgreSQL and SQLite 3.35 and later both have RETURNING).
     */
    static final String RETURNING_JOB = " RETURNING " + JOB_COLUMNS;

    /** {@link #checkedUpdate}, returning the job as it is after the update. */
    static Job checkedUpdateReturning(Transaction tx, Job current, String statement, Object... values) {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = current.id();
        params[values.length + 1] = current.version();
        return tx.queryOne(statement + " WHERE id = ? AND version = ?" + RETURNING_JOB, JOB, params)
                .orElseThrow(() -> new IllegalTransitionException(
                        current.id(),
                        current.status(),
                        "job " + current.id() + " was changed at the same time; try again"));
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

    Job load(Transaction tx, long id) {
        return tx.queryOne(selectForWrite, JOB, id).orElseThrow(() -> new JobNotFoundException(id));
    }
}
