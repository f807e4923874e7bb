import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { JOB_STATUSES, type Config, type Job } from '../api/types';
import { BulkBar, type BulkChoice } from '../components/BulkBar';
import { JobsTable, NEWEST_FIRST, sortParam, type JobSort } from '../components/JobsTable';
import { compareNewestFirst } from '../state/reducer';
import { useDashboard } from '../state/DashboardStore';
import { useJobActions } from './useJobActions';

export const PAGE_SIZE = 25;

function matches(job: Job, status: string, search: string, folder: string): boolean {
  return (
    (status === '' || job.status === status) &&
    (search === '' || job.filename.toLowerCase().includes(search.toLowerCase())) &&
    (folder === '' || job.watch_folder === folder)
  );
}

/** The folders a job list can be narrowed to: the configured ones, the single folder included. */
export function folderChoices(config: Config | null): string[] {
  if (!config) {
    return [];
  }
  if (config.watch_folders) {
    return config.watch_folders.map((folder) => folder.path);
  }
  return config.monitor_folder ? [config.monitor_folder] : [];
}

/**
 * The page the server returned, with each row replaced by its newest live version; on the first page of the
 * newest-first order, jobs that appeared since the page loaded are added on top, so a dropped file shows up
 * without a reload. In any other order the server decides where a job belongs, so the page stays as loaded.
 */
export function mergeLive(page: Job[], live: Job[], firstPage: boolean, status: string, search: string, newestFirst = true, folder = ''): Job[] {
  const liveById = new Map(live.map((job) => [job.id, job]));
  const rows = page.map((job) => liveById.get(job.id) ?? job);
  if (!firstPage || !newestFirst) {
    return rows;
  }
  const shown = new Set(page.map((job) => job.id));
  const newestShown = page.length > 0 ? Math.max(...page.map((job) => Number(job.id))) : -Infinity;
  const arrived = live.filter((job) => !shown.has(job.id) && Number(job.id) > newestShown);
  return [...arrived, ...rows].filter((job) => matches(job, status, search, folder) || shown.has(job.id)).sort(compareNewestFirst);
}

/** `current` with `ids` added (on) or removed (off). */
export function toggled(current: ReadonlySet<string>, ids: string[], on: boolean): ReadonlySet<string> {
  const next = new Set(current);
  ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
  return next;
}

export function JobsPage() {
  const { state, dispatch, reportError } = useDashboard();
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [folder, setFolder] = useState('');
  const [config, setConfig] = useState<Config | null>(null);
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<JobSort>(NEWEST_FIRST);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [page, setPage] = useState<{ jobs: Job[]; total: number } | null>(null);
  const newestFirst = sortParam(sort) === sortParam(NEWEST_FIRST);

  const load = useCallback(async () => {
    try {
      setPage(
        await api.jobs({
          status: status || undefined,
          q: search || undefined,
          limit: PAGE_SIZE,
          offset,
          sort: newestFirst ? undefined : sortParam(sort),
          folder: folder || undefined,
        }),
      );
    } catch (error) {
      reportError('Loading jobs failed', error);
    }
  }, [status, search, folder, offset, sort, newestFirst, reportError]);

  useEffect(() => {
    api.config().then(setConfig, () => setConfig(null)); // without it the list is simply not narrowed by folder
  }, []);
  const folders = folderChoices(state.config ?? config);

  useEffect(() => {
    const timer = setTimeout(load, search ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, search, state.resyncs]);

  const onAction = useJobActions(useCallback(() => void load(), [load]));
  const rows = useMemo(
    () => mergeLive(page?.jobs ?? [], state.jobs, offset === 0, status, search, newestFirst, folder),
    [page, state.jobs, offset, status, search, newestFirst, folder],
  );
  const selectedJobs = rows.filter((job) => selected.has(job.id));

  const toggle = useCallback((job: Job) => setSelected((current) => toggled(current, [job.id], !current.has(job.id))), []);
  const toggleAll = useCallback(
    (jobs: Job[]) => setSelected((current) => toggled(current, jobs.map((job) => job.id), !jobs.every((job) => current.has(job.id)))),
    [],
  );
  const runBulk = useCallback(
    async (choice: BulkChoice) => {
      try {
        const result = await api.bulkAction(
          choice.action,
          choice.jobs.map((job) => job.id),
        );
        result.outcomes.forEach((outcome) => outcome.job && dispatch({ type: 'job_update', job: outcome.job }));
        const refused = result.outcomes.filter((outcome) => outcome.result !== 'done');
        if (refused.length > 0) {
          reportError(`${refused.length} of ${result.outcomes.length} could not be changed`, new Error(refused.map((outcome) => outcome.reason).join('; ')));
        }
        setSelected(new Set());
        void load();
      } catch (error) {
        reportError(`Could not ${choice.action} the selected jobs`, error);
      }
    },
    [dispatch, load, reportError],
  );
  const total = Math.max(page?.total ?? 0, rows.length + offset);

  return (
    <>
      <div className="page-head">
        <h1>Jobs</h1>
        <div className="filters">
          <label>
            <span className="visually-hidden">Status</span>
            <select
              aria-label="Filter by status"
              value={status}
              onChange={(event) => {
                setStatus(event.target.value);
                setOffset(0);
                setSelected(new Set());
              }}
            >
              <option value="">All statuses</option>
              {JOB_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
          {folders.length > 1 && (
            <label>
              <span className="visually-hidden">Watch folder</span>
              <select
                aria-label="Filter by watch folder"
                value={folder}
                onChange={(event) => {
                  setFolder(event.target.value);
                  setOffset(0);
                  setSelected(new Set());
                }}
              >
                <option value="">All folders</option>
                {folders.map((path) => (
                  <option key={path} value={path}>
                    {path}
                  </option>
                ))}
              </select>
            </label>
          )}
          <input
            type="search"
            aria-label="Search by file name"
            placeholder="Search file name"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setOffset(0);
              setSelected(new Set());
            }}
          />
        </div>
      </div>
      <BulkBar selected={selectedJobs} onBulk={(choice) => void runBulk(choice)} onClear={() => setSelected(new Set())} />
      {page === null ? (
        <p className="empty">Loading…</p>
      ) : (
        <JobsTable
          jobs={rows}
          onAction={onAction}
          empty={status || search || folder ? 'No job matches.' : undefined}
          sorting={{
            sort,
            onSort: (next) => {
              setSort(next);
              setOffset(0);
            },
          }}
          selection={{ selected, onToggle: toggle, onToggleAll: toggleAll }}
        />
      )}
      <div className="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          {newestFirst ? 'Newer' : 'Previous'}
        </button>
        <span>
          {total === 0 ? 0 : offset + 1}–{Math.min(total, offset + rows.length)} of {total}
        </span>
        <button type="button" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          {newestFirst ? 'Older' : 'Next'}
        </button>
      </div>
    </>
  );
}
