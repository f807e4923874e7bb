import { useState } from 'react';
import type { Schedule } from '../api/types';
import { folderScheduleLine, scheduleLine } from '../schedule';

/** The next 07:00 after tomorrow begins, as a datetime-local value: the usual "hold until" answer. */
export function tomorrowAtSeven(now: Date = new Date()): string {
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 7, 0);
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T07:00`;
}

interface Props {
  schedule: Schedule | null | undefined;
  busy: boolean;
  onRunFor: (seconds: number) => void;
  onHoldUntil: (until: string) => void;
  onClear: () => void;
}

/** What the schedule does now and until when, and the override: run now for 2 h, hold until a time, clear. */
export function SchedulePanel({ schedule, busy, onRunFor, onHoldUntil, onClear }: Props) {
  const [holdUntil, setHoldUntil] = useState(() => tomorrowAtSeven());
  if (!schedule) {
    return null;
  }
  const line = scheduleLine(schedule);
  const folders = schedule.folders ?? [];
  // The global list names every job a schedule suspended; the folders' own are counted on their lines.
  const folderSuspended = new Set(folders.flatMap((folder) => folder.suspended_jobs));
  const globalSuspended = schedule.suspended_jobs.filter((id) => !folderSuspended.has(id));
  const none = folders.length > 0 ? 'No global schedule: jobs of other folders run whenever they are queued' : 'No schedule: jobs run whenever they are queued';
  return (
    <div className="schedule-panel" data-schedule-state={schedule.state}>
      <span className={`schedule-state schedule-${schedule.state}`}>{line ? `Schedule: ${line}` : none}</span>
      {globalSuspended.length > 0 && (
        <span className="schedule-suspended">
          {globalSuspended.length === 1 ? '1 job' : `${globalSuspended.length} jobs`} suspended by the schedule
        </span>
      )}
      {folders.length > 0 && (
        <ul className="schedule-folders" aria-label="Schedules of watch folders">
          {folders.map((folder) => (
            <li key={folder.folder} className={`schedule-state schedule-${folder.state}`} data-folder={folder.folder} data-schedule-state={folder.state}>
              <span className="schedule-folder" title={folder.folder}>
                {folder.folder}
              </span>
              : {folderScheduleLine(folder, schedule.override != null)}
              {folder.suspended_jobs.length > 0 && ` (${folder.suspended_jobs.length === 1 ? '1 job' : `${folder.suspended_jobs.length} jobs`} suspended)`}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => onRunFor(2 * 3600)} disabled={busy}>
        Run now for 2 h
      </button>
      <span className="schedule-hold">
        <label>
          Hold until{' '}
          <input type="datetime-local" value={holdUntil} onChange={(event) => setHoldUntil(event.target.value)} aria-label="Hold until" />
        </label>
        <button type="button" onClick={() => onHoldUntil(new Date(holdUntil).toISOString())} disabled={busy || !holdUntil}>
          Hold
        </button>
      </span>
      {schedule.override && (
        <button type="button" onClick={onClear} disabled={busy}>
          Clear override
        </button>
      )}
    </div>
  );
}
