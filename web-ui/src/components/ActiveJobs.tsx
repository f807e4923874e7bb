import type { Job } from '../api/types';
import { duration, fps, speed } from '../format';
import { Link } from '../router';
import { ProgressBar, StatusBadge } from './JobRow';

/** The jobs being transcoded right now, large enough to read from across a control room. */
export function ActiveJobs({ jobs }: { jobs: Job[] }) {
  if (jobs.length === 0) {
    return <p className="empty">Nothing is being transcoded right now.</p>;
  }
  return (
    <ul className="active-jobs">
      {jobs.map((job) => (
        <li key={job.id} className="card active-job" data-job-id={job.id}>
          <div className="active-head">
            <Link to={`/jobs/${encodeURIComponent(job.id)}`} className="filename">
              {job.filename}
            </Link>
            <StatusBadge status={job.status} />
          </div>
          <ProgressBar progress={job.progress} status={job.status} />
          <dl className="active-figures">
            <div>
              <dt>fps</dt>
              <dd>{fps(job.fps)}</dd>
            </div>
            <div>
              <dt>speed</dt>
              <dd>{speed(job.speed)}</dd>
            </div>
            <div>
              <dt>ETA</dt>
              <dd>{duration(job.eta_seconds)}</dd>
            </div>
            <div>
              <dt>profile</dt>
              <dd>{job.profile ?? '–'}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
