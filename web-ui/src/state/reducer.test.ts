import { describe, expect, it } from 'vitest';
import { job, node } from '../test/jobs';
import { deadNodes, initialState, JOB_LIMIT, reducer, type DashboardState } from './reducer';

const stats = { total_jobs: 3, successful: 1, failed: 1, avg_duration: 4.5, in_progress: 1, queued: 0 };

function withJobs(...ids: number[]): DashboardState {
  return reducer(initialState, { type: 'resynced', jobs: ids.map((id) => job(id)), stats, queue: { paused: false, max_workers: 2 } });
}

describe('reducer', () => {
  it('takesTheNodesFromTheReloadAndReplacesThemWithEachNodesUpdate', () => {
    const loaded = reducer(initialState, { type: 'resynced', jobs: [], stats, queue: { paused: false, max_workers: 2 }, nodes: [node('a')] });
    const updated = reducer(loaded, { type: 'nodes_update', nodes: [node('a', { status: 'dead' }), node('b')] });

    expect(initialState.nodes).toBeNull();
    expect(loaded.nodes?.map((n) => n.id)).toEqual(['a']);
    expect(deadNodes(updated).map((n) => n.id)).toEqual(['a']);
    expect(deadNodes(loaded)).toEqual([]);
    expect(reducer(updated, { type: 'resynced', jobs: [], stats, queue: { paused: false, max_workers: 2 } }).nodes).toBe(updated.nodes);
  });

  it('jobUpdateForNewJobInsertsItNewestFirst', () => {
    const state = reducer(withJobs(1, 2), { type: 'job_update', job: job(3) });
    expect(state.jobs.map((j) => j.id)).toEqual(['3', '2', '1']);
  });

  it('jobUpdateForExistingJobReplacesItInPlace', () => {
    const state = reducer(withJobs(1, 2, 3), { type: 'job_update', job: job(2, { status: 'processing', progress: 0.4 }) });
    expect(state.jobs.map((j) => j.id)).toEqual(['3', '2', '1']);
    expect(state.jobs[1]).toMatchObject({ status: 'processing', progress: 0.4 });
  });

  it('ordersIdsNumericallyNotAlphabetically', () => {
    const state = reducer(withJobs(9, 10, 100), { type: 'job_update', job: job(11) });
    expect(state.jobs.map((j) => j.id)).toEqual(['100', '11', '10', '9']);
  });

  it('keepsAtMostTheLimitDroppingOldestFinishedButNeverActiveJobs', () => {
    const finished = Array.from({ length: JOB_LIMIT }, (_, i) => job(i + 2, { status: 'completed' }));
    let state = reducer(initialState, { type: 'resynced', jobs: [job(1, { status: 'processing' }), ...finished], stats, queue: { paused: false, max_workers: 2 } });
    expect(state.jobs).toHaveLength(JOB_LIMIT);
    expect(state.jobs.some((j) => j.id === '1')).toBe(true);
    state = reducer(state, { type: 'job_update', job: job(JOB_LIMIT + 10) });
    expect(state.jobs).toHaveLength(JOB_LIMIT);
    expect(state.jobs[0].id).toBe(String(JOB_LIMIT + 10));
    expect(state.jobs.some((j) => j.id === '1')).toBe(true);
  });

  it('statsUpdateReplacesTheStats', () => {
    const next = { ...stats, total_jobs: 10 };
    expect(reducer(withJobs(1), { type: 'stats_update', stats: next }).stats).toEqual(next);
  });

  it('queueUpdateSetsPausedAndWorkers', () => {
    const state = reducer(withJobs(1), { type: 'queue_update', paused: true, max_workers: 4 });
    expect(state.queue).toMatchObject({ paused: true, max_workers: 4 });
  });

  it('queueUpdateCarriesTheDrainAndTheScheduleAndKeepsTheScheduleWhenAMessageLacksIt', () => {
    const schedule = {
      configured: true,
      state: 'paused' as const,
      outside: 'pause' as const,
      max_workers: null,
      next_change: '2026-12-07T17:00:00Z',
      next_state: 'open' as const,
      next_max_workers: null,
      override: null,
      time_zone: 'Europe/Berlin',
      windows: [],
      suspended_jobs: ['3'],
      folders: [],
    };
    let state = reducer(withJobs(1), { type: 'queue_update', paused: true, max_workers: 2, state: 'draining', schedule });
    expect(state.queue).toMatchObject({ paused: true, state: 'draining', schedule });

    state = reducer(state, { type: 'queue_update', paused: true, max_workers: 2 });

    expect(state.queue).toMatchObject({ state: 'paused', schedule });
  });

  it('alertBecomesToastAndDismissRemovesIt', () => {
    let state = reducer(initialState, { type: 'alert', level: 'error', message: 'disk full', job_id: '7' });
    expect(state.toasts).toEqual([{ id: 1, level: 'error', message: 'disk full', jobId: '7' }]);
    state = reducer(state, { type: 'dismiss', id: 1 });
    expect(state.toasts).toEqual([]);
  });

  it('resyncReplacesJobsAndCountsTheReload', () => {
    const state = reducer(reducer(withJobs(1, 2), { type: 'job_update', job: job(5) }), {
      type: 'resynced',
      jobs: [job(7)],
      stats,
      queue: { paused: true, max_workers: 1 },
    });
    expect(state.jobs.map((j) => j.id)).toEqual(['7']);
    expect(state.resyncs).toBe(2);
    expect(state.queue?.paused).toBe(true);
  });

  it('connectionChangeIsRecorded', () => {
    expect(reducer(initialState, { type: 'connection', connection: 'reconnecting' }).connection).toBe('reconnecting');
  });
});
