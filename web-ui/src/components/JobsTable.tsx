import type { Job } from '../api/types';
import { JobRow, type RowAction } from './JobRow';

/** A column the daemon can sort the whole list by (GET /api/jobs?sort=...). */
export type SortKey = 'filename' | 'status' | 'processing_time' | 'finished' | 'created';

export interface JobSort {
  key: SortKey;
  descending: boolean;
}

export const NEWEST_FIRST: JobSort = { key: 'created', descending: true };

/** The sort parameter: `filename`, `-finished`. */
export function sortParam(sort: JobSort): string {
  return (sort.descending ? '-' : '') + sort.key;
}

/** A click on a header: the same column flips its direction, a new one starts ascending. */
export function nextSort(current: JobSort, key: SortKey): JobSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}

export interface TableSorting {
  sort: JobSort;
  onSort: (sort: JobSort) => void;
}

export interface TableSelection {
  selected: ReadonlySet<string>;
  onToggle: (job: Job) => void;
  /** Selects every row on this page, or clears them when all are already selected. */
  onToggleAll: (jobs: Job[]) => void;
}

function Header({ label, sortKey, sorting }: { label: string; sortKey?: SortKey; sorting?: TableSorting }) {
  if (!sorting || !sortKey) {
    return <th scope="col">{label}</th>;
  }
  const active = sorting.sort.key === sortKey;
  const ariaSort = active ? (sorting.sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-header" onClick={() => sorting.onSort(nextSort(sorting.sort, sortKey))}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sorting.sort.descending ? ' ▼' : ' ▲') : ''}
        </span>
      </button>
    </th>
  );
}

export function JobsTable({
  jobs,
  onAction,
  empty = 'No jobs yet. Drop a file into the watch folder.',
  sorting,
  selection,
}: {
  jobs: Job[];
  onAction: (job: Job, action: RowAction) => void;
  empty?: string;
  sorting?: TableSorting;
  selection?: TableSelection;
}) {
  if (jobs.length === 0) {
    return <p className="empty">{empty}</p>;
  }
  const allSelected = selection !== undefined && jobs.every((job) => selection.selected.has(job.id));
  return (
    <div className="table-scroll">
      <table className="jobs-table">
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="select">
                <input type="checkbox" aria-label="Select all on this page" checked={allSelected} onChange={() => selection.onToggleAll(jobs)} />
              </th>
            )}
            <Header label="File" sortKey="filename" sorting={sorting} />
            <Header label="Status" sortKey="status" sorting={sorting} />
            <Header label="Progress" />
            <Header label="Profile" />
            <Header label="Node" />
            <Header label="Time" sortKey="processing_time" sorting={sorting} />
            <Header label="Actions" />
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <JobRow
              key={job.id}
              job={job}
              onAction={onAction}
              selection={selection && { selected: selection.selected.has(job.id), onToggle: selection.onToggle }}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
