import type { JobAction } from '../api/client';
import type { Job, JobStatus } from '../api/types';
import { percent, seconds } from '../format';
import { Link } from '../router';
import { ConfirmButton } from './ConfirmButton';

export type RowAction = JobAction | 'delete';

const ROW_ACTIONS: RowAction[] = ['pause', 'resume', 'cancel', 'retry', 'delete'];

/** The controls a job offers: exactly the actions the daemon says its state allows (no copy of its rules here). */
export function actionsFor(job: Pick<Job, 'allowed_actions'>): RowAction[] {
  const allowed = new Set<string>(job.allowed_actions ?? []);
  return ROW_ACTIONS.filter((action) => allowed.has(action));
}

const LABELS: Record<RowAction, string> = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel', retry: 'Retry', delete: 'Delete' };
const DESTRUCTIVE: ReadonlySet<RowAction> = new Set(['cancel', 'delete']);

export function StatusBadge({ status }: { status: JobStatus }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}

export function ProgressBar({ progress, status }: { progress: number; status: JobStatus }) {
  const value = status === 'completed' ? 1 : progress;
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value * 100)}>
      <div className={`progress-fill status-${status}`} style={{ width: percent(value).replace(' ', '') }} />
      <span className="progress-label">{percent(value)}</span>
    </div>
  );
}

export function JobRow({ job, onAction }: { job: Job; onAction: (job: Job, action: RowAction) => void }) {
  return (
    <tr className={`job-row status-${job.status}`} data-job-id={job.id}>
      <td data-label="File" className="filename">
        <Link to={`/jobs/${encodeURIComponent(job.id)}`}>{job.filename}</Link>
        {job.error && <div className="row-error">{job.error}</div>}
      </td>
      <td data-label="Status">
        <StatusBadge status={job.status} />
      </td>
      <td data-label="Progress">
        <ProgressBar progress={job.progress} status={job.status} />
      </td>
      <td data-label="Profile">{job.profile ?? '–'}</td>
      <td data-label="Time">{seconds(job.elapsed_seconds)}</td>
      <td data-label="Actions">
        <div className="actions">
          {actionsFor(job).map((action) =>
            DESTRUCTIVE.has(action) ? (
              <ConfirmButton key={action} label={LABELS[action]} question={`${LABELS[action]} ${job.filename}?`} onConfirm={() => onAction(job, action)} />
            ) : (
              <button key={action} type="button" onClick={() => onAction(job, action)}>
                {LABELS[action]}
              </button>
            ),
          )}
        </div>
      </td>
    </tr>
  );
}
