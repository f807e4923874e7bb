import type { JobAction } from '../api/client';
import type { Job, JobStatus } from '../api/types';
import { duration, percent, wholePercent } from '../format';
import { Link } from '../router';
import { Thumbnail } from './JobMedia';
import { ConfirmButton } from './ConfirmButton';

export type RowAction = JobAction | 'delete';

const ROW_ACTIONS: RowAction[] = ['pause', 'resume', 'cancel', 'retry', 'delete'];

/** The controls a job offers: exactly the actions the daemon says its state allows (no copy of its rules here). */
export function actionsFor(job: Pick<Job, 'allowed_actions'>): RowAction[] {
  const allowed = new Set<string>(job.allowed_actions ?? []);
  return ROW_ACTIONS.filter((action) => allowed.has(action));
}

export const LABELS: Record<RowAction, string> = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel', retry: 'Retry', delete: 'Delete' };

/**
 * The question asked before an action whose effect on files is not obvious, saying what happens to them;
 * null when the action runs at once. Re-running a completed job never replaces its output: the daemon
 * writes a new numbered copy beside it.
 */
export function confirmationFor(job: Pick<Job, 'filename' | 'status'>, action: RowAction): string | null {
  switch (action) {
    case 'cancel':
      return `Cancel ${job.filename}? Its partial output is removed; the source stays.`;
    case 'delete':
      return `Delete the history entry of ${job.filename}? Only the entry goes; its files stay where they are.`;
    case 'retry':
      return job.status === 'completed' ? `Run ${job.filename} again? Its output stays; the new one is written beside it as a numbered copy.` : null;
    default:
      return null;
  }
}

/** One action's control: a plain button, or one that asks first (see confirmationFor). */
export function ActionButton({ job, action, onAction }: { job: Job; action: RowAction; onAction: (job: Job, action: RowAction) => void }) {
  const question = confirmationFor(job, action);
  if (question !== null) {
    return <ConfirmButton label={LABELS[action]} question={question} className={action === 'retry' ? '' : 'danger'} onConfirm={() => onAction(job, action)} />;
  }
  return (
    <button type="button" onClick={() => onAction(job, action)}>
      {LABELS[action]}
    </button>
  );
}

/**
 * Why a queued job does not start although workers are free (the disk guard's "waiting for disk space: 3.1 GB
 * free, needs ~4.2 GB"); null for every other job, whose reason the status badge already says.
 */
export function heldReason(job: Pick<Job, 'status' | 'status_reason'>): string | null {
  const reason = job.status_reason?.trim();
  return job.status === 'queued' && reason && reason.startsWith('waiting for ') ? reason : null;
}

export function StatusBadge({ status }: { status: JobStatus }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}

export function ProgressBar({ progress, status }: { progress: number; status: JobStatus }) {
  const value = status === 'completed' ? 1 : progress;
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={wholePercent(value)}>
      <div className={`progress-fill status-${status}`} style={{ width: `${wholePercent(value)}%` }} />
      <span className="progress-label">{percent(value)}</span>
    </div>
  );
}

/** A row's selection for bulk actions; rows without it (the overview) have no checkbox. */
export interface RowSelection {
  selected: boolean;
  onToggle: (job: Job) => void;
}

export function JobRow({ job, onAction, selection }: { job: Job; onAction: (job: Job, action: RowAction) => void; selection?: RowSelection }) {
  return (
    <tr className={`job-row status-${job.status}`} data-job-id={job.id}>
      {selection && (
        <td data-label="Select" className="select">
          <input type="checkbox" aria-label={`Select ${job.filename}`} checked={selection.selected} onChange={() => selection.onToggle(job)} />
        </td>
      )}
      <td data-label="File" className="filename">
        <div className="file-cell">
          <Thumbnail job={job} />
          <div>
            <Link to={`/jobs/${encodeURIComponent(job.id)}`}>{job.filename}</Link>
            {job.error && <div className="row-error">{job.error}</div>}
            {heldReason(job) && <div className="row-held">{heldReason(job)}</div>}
          </div>
        </div>
      </td>
      <td data-label="Status">
        <StatusBadge status={job.status} />
      </td>
      <td data-label="Progress">
        <ProgressBar progress={job.progress} status={job.status} />
      </td>
      <td data-label="Profile">{job.profile ?? '–'}</td>
      <td data-label="Node">{job.node ?? '–'}</td>
      <td data-label="Time">{duration(job.elapsed_seconds)}</td>
      <td data-label="Actions">
        <div className="actions">
          {actionsFor(job).map((action) => (
            <ActionButton key={action} job={job} action={action} onAction={onAction} />
          ))}
        </div>
      </td>
    </tr>
  );
}
