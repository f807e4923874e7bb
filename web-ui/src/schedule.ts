import type { FolderSchedule, Schedule, SchedulePhase } from './api/types';

// The one line that says what the schedule does now and until when; a copy of shared-model's
// dev.bulletproof.format.ScheduleText, so the browser, the desktop client and the CLI say the same.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SIX_DAYS_MS = 6 * 24 * 3600 * 1000;

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** "Mon 18:00" within the coming six days, else "2026-12-10 18:00"; in this browser's time zone. */
export function scheduleWhen(at: string, now: Date = new Date()): string {
  const when = new Date(at);
  const time = `${two(when.getHours())}:${two(when.getMinutes())}`;
  const ahead = when.getTime() - now.getTime();
  if (ahead >= 0 && ahead < SIX_DAYS_MS) {
    return `${WEEKDAYS[when.getDay()]} ${time}`;
  }
  return `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())} ${time}`;
}

/** null when there is nothing to say (no schedule and no override). */
export function scheduleLine(schedule: Schedule | null | undefined, now: Date = new Date()): string | null {
  if (!schedule || (!schedule.configured && !schedule.override)) {
    return null;
  }
  return phaseLine(schedule.state, schedule.max_workers, schedule.next_change, schedule.override != null, now);
}

/** The same line for a watch folder's own schedule; the global override runs or holds it too, as does its own. */
export function folderScheduleLine(folder: FolderSchedule, globalOverride: boolean, now: Date = new Date()): string {
  return phaseLine(folder.state, folder.max_workers, folder.next_change, globalOverride || folder.override != null, now);
}

function phaseLine(state: SchedulePhase, maxWorkers: number | null, nextChange: string | null, overridden: boolean, now: Date): string {
  let what: string;
  switch (state) {
    case 'paused':
      what = overridden ? 'held by override' : 'paused by schedule';
      break;
    case 'holding':
      what = overridden ? 'held by override' : 'holding new jobs by schedule';
      break;
    default: {
      const workers = maxWorkers == null ? '' : ` (${maxWorkers === 1 ? '1 worker' : `${maxWorkers} workers`})`;
      what = (overridden ? 'running by override' : 'open') + workers;
    }
  }
  return nextChange ? `${what} until ${scheduleWhen(nextChange, now)}` : what;
}
