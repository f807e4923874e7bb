import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { JOB_STATUSES, type Job } from '../api/types';
import { JobsTable } from '../components/JobsTable';
import { compareNewestFirst } from '../state/reducer';
import { useDashboard } from '../state/DashboardStore';
import { useJobActions } from './useJobActions';

export const PAGE_SIZE = 25;

function matches(job: Job, status: string, search: string): boolean {
  return (status === '' || job.status === status) && (search === '' || job.filename.toLowerCase().includes(search.toLowerCase()));
}

/**
 * The page the server returned, with each row replaced by its newest live version; on the first page,
 * jobs that appeared since the page loaded are added on top, so a dropped file shows up without a reload.
 */
export function mergeLive(page: Job[], live: Job[], firstPage: boolean, status: string, search: string): Job[] {
  const liveById = new Map(live.map((job) => [job.id, job]));
  const rows = page.map((job) => liveById.get(job.id) ?? job);
  if (!firstPage) {
    return rows;
  }
  const shown = new Set(page.map((job) => job.id));
  const newestShown = page.length > 0 ? Math.max(...page.map((job) => Number(job.id))) : -Infinity;
  const arrived = live.filter((job) => !shown.has(job.id) && Number(job.id) > newestShown);
  return [...arrived, ...rows].filter((job) => matches(job, status, search) || shown.has(job.id)).sort(compareNewestFirst);
}

export function JobsPage() {
  const { state, reportError } = useDashboard();
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ jobs: Job[]; total: number } | null>(null);

  const load = useCallback(async () => {
    try {
      setPage(await api.jobs({ status: status || undefined, q: search || undefined, limit: PAGE_SIZE, offset }));
    } catch (error) {
      reportError('Loading jobs failed', error);
    }
  }, [status, search, offset, reportError]);

  useEffect(() => {
    const timer = setTimeout(load, search ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, search, state.resyncs]);

  const onAction = useJobActions(useCallback(() => void load(), [load]));
  const rows = useMemo(() => mergeLive(page?.jobs ?? [], state.jobs, offset === 0, status, search), [page, state.jobs, offset, status, search]);
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
          <input
            type="search"
            aria-label="Search by file name"
            placeholder="Search file name"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setOffset(0);
            }}
          />
        </div>
      </div>
      {page === null ? <p className="empty">Loading…</p> : <JobsTable jobs={rows} onAction={onAction} empty={status || search ? 'No job matches.' : undefined} />}
      <div className="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          Newer
        </button>
        <span>
          {total === 0 ? 0 : offset + 1}–{Math.min(total, offset + rows.length)} of {total}
        </span>
        <button type="button" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          Older
        </button>
      </div>
    </>
  );
}
