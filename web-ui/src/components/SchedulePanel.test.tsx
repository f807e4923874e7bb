import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Schedule } from '../api/types';
import { SchedulePanel, tomorrowAtSeven } from './SchedulePanel';

const paused: Schedule = {
  configured: true,
  state: 'paused',
  outside: 'pause',
  max_workers: null,
  next_change: new Date(Date.now() + 3 * 3600 * 1000).toISOString(),
  next_state: 'open',
  next_max_workers: null,
  override: null,
  time_zone: 'UTC',
  windows: [{ days: ['mon'], from: '18:00', to: '07:00', max_workers: null }],
  suspended_jobs: ['4', '5'],
  folders: [],
};

describe('SchedulePanel', () => {
  it('shows the state, the suspended jobs and offers run now and hold', () => {
    const onRunFor = vi.fn();
    const onHoldUntil = vi.fn();
    render(<SchedulePanel schedule={paused} busy={false} onRunFor={onRunFor} onHoldUntil={onHoldUntil} onClear={vi.fn()} />);

    expect(screen.getByText(/^Schedule: paused by schedule until /)).toBeTruthy();
    expect(screen.getByText('2 jobs suspended by the schedule')).toBeTruthy();
    expect(screen.queryByText('Clear override')).toBeNull();
    fireEvent.click(screen.getByText('Run now for 2 h'));
    fireEvent.change(screen.getByLabelText('Hold until'), { target: { value: '2030-01-02T07:00' } });
    fireEvent.click(screen.getByText('Hold'));

    expect(onRunFor).toHaveBeenCalledWith(7200);
    expect(onHoldUntil).toHaveBeenCalledWith(new Date('2030-01-02T07:00').toISOString());
  });

  it('offers to clear an override in force', () => {
    const onClear = vi.fn();
    const held = { ...paused, override: { mode: 'hold' as const, until: paused.next_change!, set_at: paused.next_change! } };
    render(<SchedulePanel schedule={held} busy={false} onRunFor={vi.fn()} onHoldUntil={vi.fn()} onClear={onClear} />);

    expect(screen.getByText(/^Schedule: held by override until /)).toBeTruthy();
    fireEvent.click(screen.getByText('Clear override'));
    expect(onClear).toHaveBeenCalled();
  });

  it('shows each watch folder with a schedule of its own on a line of its own', () => {
    const withFolders: Schedule = {
      ...paused,
      configured: false,
      state: 'open',
      next_change: null,
      windows: [],
      suspended_jobs: ['9'],
      folders: [
        {
          folder: '/drop/night',
          state: 'paused',
          outside: 'pause',
          max_workers: null,
          next_change: new Date(Date.now() + 3 * 3600 * 1000).toISOString(),
          next_state: 'open',
          next_max_workers: null,
          windows: [{ days: ['mon'], from: '10:00', to: '14:00', max_workers: null }],
          suspended_jobs: ['9'],
          override: null,
        },
        {
          folder: '/drop/cues',
          state: 'open',
          outside: 'drain',
          max_workers: 1,
          next_change: null,
          next_state: null,
          next_max_workers: null,
          windows: [{ days: ['mon'], from: '00:00', to: '24:00', max_workers: 1 }],
          suspended_jobs: [],
          override: null,
        },
      ],
    };
    render(<SchedulePanel schedule={withFolders} busy={false} onRunFor={vi.fn()} onHoldUntil={vi.fn()} onClear={vi.fn()} />);

    expect(screen.getByText('No global schedule: jobs of other folders run whenever they are queued')).toBeTruthy();
    const night = document.querySelector('[data-folder="/drop/night"]')!;
    expect(night.textContent).toMatch(/^\/drop\/night: paused by schedule until \w{3} \d\d:\d\d \(1 job suspended\)$/);
    expect(night.getAttribute('data-schedule-state')).toBe('paused');
    expect(document.querySelector('[data-folder="/drop/cues"]')!.textContent).toBe('/drop/cues: open (1 worker)');
    expect(screen.queryByText(/suspended by the schedule/)).toBeNull();
  });

  it('holds until 07:00 tomorrow by default', () => {
    expect(tomorrowAtSeven(new Date(2026, 11, 31, 22, 15))).toBe('2027-01-01T07:00');
  });
});
