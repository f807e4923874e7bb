import type { BulkActionName, Job } from '../api/types';
import { ConfirmButton } from './ConfirmButton';
import { actionsFor, LABELS } from './JobRow';

const BULK_ACTIONS: BulkActionName[] = ['pause', 'resume', 'cancel', 'retry', 'delete'];

export interface BulkChoice {
  action: BulkActionName;
  /** The selected jobs whose allowed_actions include this action: the only ones it is sent for. */
  jobs: Job[];
}

/** The actions at least one selected job allows, each with the jobs it applies to. */
export function bulkChoices(selected: Job[]): BulkChoice[] {
  return BULK_ACTIONS.map((action) => ({ action, jobs: selected.filter((job) => actionsFor(job).includes(action)) })).filter(
    (choice) => choice.jobs.length > 0,
  );
}

function jobsText(count: number): string {
  return count === 1 ? '1 job' : `${count} jobs`;
}

/** The one question asked before a bulk action: how many of the selection it applies to, and what happens to files. */
export function bulkConfirmation(choice: BulkChoice, selectedCount: number): string {
  const count = choice.jobs.length;
  const scope = count === selectedCount ? jobsText(count) : `${jobsText(count)} of the ${selectedCount} selected`;
  switch (choice.action) {
    case 'cancel':
      return `Cancel ${scope}? Running encodes stop and their partial outputs are removed; the sources stay.`;
    case 'delete':
      return `Delete the history entries of ${scope}? Only the entries go; no file is touched.`;
    case 'retry': {
      const completed = choice.jobs.filter((job) => job.status === 'completed').length;
      const outputs = completed === 0 ? '' : ` Existing outputs stay; new ones are written beside them as numbered copies.`;
      return `Run ${scope} again?${outputs}`;
    }
    case 'pause':
      return `Pause ${scope}? No file is touched.`;
    case 'resume':
      return `Resume ${scope}? No file is touched.`;
  }
}

/** What the selected jobs can have done to them at once; shown only while something is selected. */
export function BulkBar({ selected, onBulk, onClear }: { selected: Job[]; onBulk: (choice: BulkChoice) => void; onClear: () => void }) {
  if (selected.length === 0) {
    return null;
  }
  const choices = bulkChoices(selected);
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected jobs">
      <span className="bulk-count">{jobsText(selected.length)} selected</span>
      {choices.map((choice) => (
        <ConfirmButton
          key={choice.action}
          label={`${LABELS[choice.action]} ${choice.jobs.length}`}
          question={bulkConfirmation(choice, selected.length)}
          className={choice.action === 'cancel' || choice.action === 'delete' ? 'danger' : ''}
          onConfirm={() => onBulk(choice)}
        />
      ))}
      {choices.length === 0 && <span className="bulk-none">No action applies to all of them.</span>}
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
