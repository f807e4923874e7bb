import { describe, expect, it } from 'vitest';
import type { Schedule } from './api/types';
import { folderScheduleLine, scheduleLine, scheduleWhen } from './schedule';

function schedule(partial: Partial<Schedule>): Schedule {
  return {
    configured: true,
    state: 'open',
    outside: 'pause',
    max_workers: null,
    next_change: null,
    next_state: null,
    next_max_workers: null,
    override: null,
    time_zone: 'UTC',
    windows: [],
    suspended_jobs: [],
    folders: [],
    ...partial,
  };
}

/** Local times, so the test reads the same in any time zone: Wednesday 2 December 2026, 13:00. */
const now = new Date(2026, 11, 2, 13, 0);
const local = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute).toISOString();

describe('scheduleLine', () => {
  it('says until which weekday and time the schedule pauses', () => {
    expect(scheduleLine(schedule({ state: 'paused', next_change: local(7, 18) }), now)).toBe('paused by schedule until Mon 18:00');
  });

  it('names the window limit and a drain schedule holding', () => {
    expect(scheduleLine(schedule({ max_workers: 4, next_change: local(3, 7) }), now)).toBe('open (4 workers) until Thu 07:00');
    expect(scheduleLine(schedule({ state: 'holding', next_change: local(2, 18) }), now)).toBe('holding new jobs by schedule until Wed 18:00');
  });

  it('says an override is in force and gives the date of a far change', () => {
    const run = { mode: 'run' as const, until: local(2, 15), set_at: local(2, 13) };
    const hold = { mode: 'hold' as const, until: local(20, 7), set_at: local(2, 13) };
    expect(scheduleLine(schedule({ override: run, next_change: run.until }), now)).toBe('running by override until Wed 15:00');
    expect(scheduleLine(schedule({ state: 'paused', override: hold, next_change: hold.until }), now)).toBe('held by override until 2026-12-20 07:00');
  });

  it('has nothing to say without a schedule', () => {
    expect(scheduleLine(schedule({ configured: false }), now)).toBeNull();
    expect(scheduleLine(null, now)).toBeNull();
  });

  it('says the same for a folder with a schedule of its own, and the override covers it too', () => {
    const folder = {
      folder: '/drop/night',
      state: 'paused' as const,
      outside: 'pause' as const,
      max_workers: null,
      next_change: local(3, 10),
      next_state: 'open' as const,
      next_max_workers: null,
      windows: [],
      suspended_jobs: [],
      override: null,
    };
    expect(folderScheduleLine(folder, false, now)).toBe('paused by schedule until Thu 10:00');
    expect(folderScheduleLine(folder, true, now)).toBe('held by override until Thu 10:00');
    expect(folderScheduleLine({ ...folder, state: 'open', max_workers: 2 }, false, now)).toBe('open (2 workers) until Thu 10:00');
    const own = { mode: 'run' as const, until: local(3, 10), set_at: local(2, 13) };
    expect(folderScheduleLine({ ...folder, state: 'open', override: own }, false, now)).toBe('running by override until Thu 10:00');
  });

  it('formats a time in the coming days as its weekday', () => {
    expect(scheduleWhen(local(8, 6, 5), now)).toBe('Tue 06:05');
  });
});
