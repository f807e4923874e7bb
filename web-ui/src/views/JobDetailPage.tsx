import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Job } from '../api/types';
import { ActionButton, actionsFor, ProgressBar, StatusBadge, type RowAction } from '../components/JobRow';
import { MediaFacts } from '../components/JobMedia';
import { dateTime, duration, fps, speed } from '../format';
import { Link, navigate } from '../router';
import { useDashboard } from '../state/DashboardStore';
import { LogView } from '../components/LogView';
import { outputLine, stateText, verifiedText } from './jobDetail';
import { useJobActions } from './useJobActions';

const LOG_REFRESH_MS = 2000;

/** Higher runs first; only worth changing while the job still waits for a worker. */
function PriorityControl({ job }: { job: Job }) {
  const { dispatch, reportError } = useDashboard();
  const [value, setValue] = useState(String(job.priority ?? 0));
  useEffect(() => setValue(String(job.priority ?? 0)), [job.priority]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      dispatch({ type: 'job_update', job: await api.setPriority(job.id, Number(value)) });
    } catch (error) {
      reportError('Could not change the priority', error);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <input type="number" step="1" aria-label="Priority" value={value} onChange={(event) => setValue(event.target.value)} className="narrow-input" />
      <button type="submit" disabled={value === '' || Number(value) === (job.priority ?? 0)}>
        Set priority
      </button>
    </form>
  );
}

export function JobDetailPage({ id }: { id: string }) {
  const { state, reportError } = useDashboard();
  const [loaded, setLoaded] = useState<Job | null>(null);
  const [missing, setMissing] = useState(false);
  const [log, setLog] = useState({ text: '', truncated: false });
  const job = state.jobs.find((candidate) => candidate.id === id) ?? loaded;
  const running = job?.status === 'processing';
  const onAction = useJobActions(() => navigate('/jobs'));

  useEffect(() => {
    api.job(id).then(setLoaded, (error) => {
      setMissing(true);
      reportError('Loading the job failed', error);
    });
  }, [id, reportError]);

  useEffect(() => {
    let live = true;
    const fetchLog = () =>
      api.fullJobLog(id).then(
        (read) => live && setLog(read),
        () => undefined,
      );
    void fetchLog();
    // The log grows while ffmpeg runs; poll it then, and read it once more when the job settles.
    const timer = running ? setInterval(fetchLog, LOG_REFRESH_MS) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [id, running, job?.status]);

  if (!job) {
    return <p className="empty">{missing ? 'This job does not exist (any more).' : 'Loading…'}</p>;
  }
  const act = (action: RowAction) => onAction(job, action);
  const output = outputLine(job);
  return (
    <article className="job-detail">
      <p>
        <Link to="/jobs">← All jobs</Link>
      </p>
      <div className="page-head">
        <h1 className="filename">{job.filename}</h1>
        <StatusBadge status={job.status} />
      </div>
      <ProgressBar progress={job.progress} status={job.status} />
      <div className="actions detail-actions">
        {actionsFor(job).map((action) => (
          <ActionButton key={action} job={job} action={action} onAction={(_, chosen) => act(chosen)} />
        ))}
      </div>
      {job.error && (
        <section className="card error-box" role="alert">
          <h2>Error</h2>
          <p className="error-text">{job.error}</p>
        </section>
      )}
      <section className="detail-grid">
        <dl className="card">
          <h2>Files</h2>
          <dt>Input</dt>
          <dd className="path">{job.input_path ?? '–'}</dd>
          <dt>{output.label}</dt>
          <dd className="path">{output.value}</dd>
          <dt>Watch folder</dt>
          <dd className="path">{job.watch_folder ?? 'none (added by hand, or from before folders were recorded)'}</dd>
          <dt>Profile</dt>
          <dd>{job.profile ?? '–'}</dd>
          <dt>State</dt>
          <dd>{stateText(job)}</dd>
        </dl>
        <MediaFacts job={job} />
        <dl className="card">
          <h2>Processing</h2>
          <dt>Node</dt>
          <dd data-job-node>{job.node ?? 'none yet: no node has started it'}</dd>
          <dt>Attempts</dt>
          <dd>{job.attempts ?? '–'}</dd>
          <dt>Priority (higher runs first)</dt>
          <dd>{job.status === 'queued' || job.status === 'waiting' || job.status === 'paused' ? <PriorityControl job={job} /> : (job.priority ?? '–')}</dd>
          <dt>Verified</dt>
          <dd>{verifiedText(job)}</dd>
          <dt>Created · started · finished</dt>
          <dd>
            {dateTime(job.created_at)} · {dateTime(job.started_at)} · {dateTime(job.completed_at)}
          </dd>
          <dt>Elapsed · fps · speed · ETA</dt>
          <dd>
            {duration(job.elapsed_seconds)} · {fps(job.fps)} · {speed(job.speed)} · {duration(job.eta_seconds)}
          </dd>
        </dl>
      </section>
      <LogView log={log.text} truncated={log.truncated} downloadUrl={api.jobLogDownloadUrl(id)} />
    </article>
  );
}
