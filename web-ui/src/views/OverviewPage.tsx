import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { QueueState, Schedule } from '../api/types';
import { ActiveJobs } from '../components/ActiveJobs';
import { SchedulePanel } from '../components/SchedulePanel';
import { JobsTable } from '../components/JobsTable';
import { dateTime } from '../format';
import { StatsCards } from '../components/StatsCards';
import { useDashboard } from '../state/DashboardStore';
import { useJobActions } from './useJobActions';

export function OverviewPage() {
  const { state, dispatch, reportError } = useDashboard();
  const onAction = useJobActions();
  const [busy, setBusy] = useState(false);
  const paused = state.queue?.paused ?? false;
  const draining = state.queue?.state === 'draining';
  const processing = state.jobs.filter((job) => job.status === 'processing' || (job.status === 'paused' && job.started_at));
  const recent = state.jobs.slice(0, 8);
  // Busy workers as the daemon counts them (a paused job holds none), from the live jobs: the queue's
  // own figure is only sent when the queue itself changes.
  const running = state.jobs.filter((job) => job.status === 'processing').length;
  const queued = state.jobs.filter((job) => job.status === 'queued').length;
  const [queueDone, setQueueDone] = useState<string | null>(null);
  // The whole-queue estimate comes from GET /api/queue only; asked again as jobs start and end, and now and then.
  useEffect(() => {
    let live = true;
    const load = () =>
      api.queue().then(
        (queue) => {
          if (live) {
            setQueueDone(queue.estimated_finish ?? null);
          }
        },
        () => undefined,
      );
    void load();
    const timer = window.setInterval(load, 15_000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [queued, running]);

  const applyQueue = (queue: QueueState) =>
    dispatch({
      type: 'queue_update',
      paused: queue.paused,
      max_workers: queue.max_workers,
      running: queue.running,
      state: queue.state,
      schedule: queue.schedule,
    });

  const toggleQueue = async () => {
    setBusy(true);
    try {
      applyQueue(paused ? await api.resumeQueue() : await api.pauseQueue());
    } catch (error) {
      reportError(paused ? 'Could not resume the queue' : 'Could not pause the queue', error);
    } finally {
      setBusy(false);
    }
  };

  const drain = async () => {
    setBusy(true);
    try {
      applyQueue(await api.drainQueue());
    } catch (error) {
      reportError('Could not drain the queue', error);
    } finally {
      setBusy(false);
    }
  };

  const changeSchedule = async (what: string, call: () => Promise<Schedule>) => {
    setBusy(true);
    try {
      const schedule = await call();
      if (state.queue) {
        dispatch({ type: 'queue_update', paused: state.queue.paused, max_workers: state.queue.max_workers, state: state.queue.state, schedule });
      }
    } catch (error) {
      reportError(what, error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>Overview</h1>
        <div className="queue-control">
          <span className={`queue-state ${paused ? 'queue-paused' : 'queue-running'}`} data-queue-paused={paused}>
            {state.queue ? (draining ? `Draining: ${running} running job(s) finish, then the queue pauses` : paused ? 'Queue paused: no new jobs start' : `Queue running · ${running}/${state.queue.max_workers} workers busy${queueDone ? ` · queue done ≈ ${dateTime(queueDone)}` : ''}`) : 'Queue: …'}
          </span>
          <button type="button" className={paused ? 'primary' : ''} onClick={toggleQueue} disabled={busy || !state.queue}>
            {paused ? 'Resume queue' : 'Pause queue'}
          </button>
          {!paused && (
            <button type="button" onClick={drain} disabled={busy || !state.queue} title="Let the running jobs finish, then pause the queue">
              Drain
            </button>
          )}
        </div>
      </div>
      <SchedulePanel
        schedule={state.queue?.schedule}
        busy={busy}
        onRunFor={(seconds) => changeSchedule('Could not override the schedule', () => api.overrideSchedule('run', { duration_seconds: seconds }))}
        onHoldUntil={(until) => changeSchedule('Could not override the schedule', () => api.overrideSchedule('hold', { until }))}
        onClear={() => changeSchedule('Could not clear the override', () => api.clearScheduleOverride())}
      />
      <StatsCards stats={state.stats} />
      <h2>Active</h2>
      <ActiveJobs jobs={processing} />
      <h2>Latest jobs</h2>
      <JobsTable jobs={recent} onAction={onAction} />
    </>
  );
}
