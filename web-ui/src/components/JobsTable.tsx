import type { Job } from '../api/types';
import { JobRow, type RowAction } from './JobRow';

export function JobsTable({ jobs, onAction, empty = 'No jobs yet. Drop a file into the watch folder.' }: { jobs: Job[]; onAction: (job: Job, action: RowAction) => void; empty?: string }) {
  if (jobs.length === 0) {
    return <p className="empty">{empty}</p>;
  }
  return (
    <div className="table-scroll">
      <table className="jobs-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Profile</th>
            <th scope="col">Time</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} onAction={onAction} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
