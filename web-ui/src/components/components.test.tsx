import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Config, JobStatus } from '../api/types';
import { job } from '../test/jobs';
import { ActiveJobs } from './ActiveJobs';
import { mediaSeries } from './HistoryChart';
import { ConfigForm } from './ConfigForm';
import { JobRow } from './JobRow';
import { JobsTable } from './JobsTable';
import { StatsCards } from './StatsCards';

function renderRow(status: JobStatus, onAction = vi.fn()) {
  render(
    <table>
      <tbody>
        <JobRow job={job(4, { status, filename: 'show.mov' })} onAction={onAction} />
      </tbody>
    </table>,
  );
  return onAction;
}

function buttonNames(): string[] {
  return screen.queryAllByRole('button').map((button) => button.textContent ?? '');
}

describe('JobRow', () => {
  it.each([
    ['queued', 'Pause,Cancel'],
    ['waiting', 'Cancel'],
    ['processing', 'Pause,Cancel'],
    ['paused', 'Resume,Cancel'],
    ['completed', 'Retry,Delete'],
    ['failed', 'Retry,Delete'],
    ['cancelled', 'Retry,Delete'],
  ] as [JobStatus, string][])('offersExactlyTheActionsTheDaemonAllowsFor %s', (status, expected) => {
    renderRow(status);
    expect(buttonNames().join(',')).toBe(expected);
  });

  it('offersNothingTheDaemonDidNotAllowWhateverTheStatus', () => {
    render(
      <table>
        <tbody>
          <JobRow job={job(6, { status: 'completed', allowed_actions: ['delete'] })} onAction={vi.fn()} />
        </tbody>
      </table>,
    );
    expect(buttonNames().join(',')).toBe('Delete');
  });

  it('runsPauseAtOnce', () => {
    const onAction = renderRow('processing');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ id: '4' }), 'pause');
  });

  it('asksBeforeCancellingAndDoesNothingOnNo', () => {
    const onAction = renderRow('processing');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onAction).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'No' }));
    expect(onAction).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel' }));
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ id: '4' }), 'cancel');
  });

  it('runsRetryOfAFailedJobAtOnceButAsksBeforeRunningACompletedOneAgain', () => {
    const onFailed = renderRow('failed');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onFailed).toHaveBeenCalledWith(expect.objectContaining({ id: '4' }), 'retry');
  });

  it('saysACompletedJobRunAgainWritesANumberedCopyAndKeepsItsOutput', () => {
    const onAction = renderRow('completed');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onAction).not.toHaveBeenCalled();
    expect(screen.getByText(/Its output stays; the new one is written beside it as a numbered copy/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, retry' }));
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ id: '4' }), 'retry');
  });

  it('saysThatDeleteRemovesOnlyTheHistoryEntry', () => {
    renderRow('failed');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText(/Only the entry goes; its files stay where they are/)).toBeTruthy();
  });

  it('asksBeforeDeleting', () => {
    const onAction = renderRow('failed');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ id: '4' }), 'delete');
  });

  it('showsTheErrorOfAFailedJob', () => {
    render(
      <table>
        <tbody>
          <JobRow job={job(5, { status: 'failed', error: 'ffmpeg exited with 1' })} onAction={vi.fn()} />
        </tbody>
      </table>,
    );
    expect(screen.getByText('ffmpeg exited with 1')).toBeTruthy();
  });
});

describe('the node of each job', () => {
  it('showsTheNodeThatRunsTheJobInItsOwnColumnAndADashBeforeOneClaimsIt', () => {
    render(<JobsTable jobs={[job(2, { status: 'processing', node: 'encoder-1' }), job(1, { node: null })]} onAction={vi.fn()} />);
    expect(screen.getByRole('columnheader', { name: 'Node' })).toBeTruthy();
    const cells = Array.from(document.querySelectorAll('td[data-label="Node"]')).map((cell) => cell.textContent);
    expect(cells).toEqual(['encoder-1', '–']);
  });
});

describe('file names are text, never markup', () => {
  const hostile = '<img src=x onerror=alert(1)>.mov';

  it('rendersAHostileFileNameLiterallyInTheJobsTable', () => {
    const { container } = render(<JobsTable jobs={[job(1, { filename: hostile, error: '<script>alert(2)</script>' })]} onAction={vi.fn()} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
  });

  it('rendersAHostileFileNameLiterallyInActiveJobs', () => {
    const { container } = render(<ActiveJobs jobs={[job(1, { filename: hostile, status: 'processing' })]} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
  });
});

describe('StatsCards', () => {
  it('showsEachFigure', () => {
    render(<StatsCards stats={{ total_jobs: 1234, successful: 1200, failed: 30, in_progress: 3, queued: 1, avg_duration: 95 }} />);
    const card = (label: string) => screen.getByText(label).closest('.stat') as HTMLElement;
    expect(within(card('Total')).getByText('1,234')).toBeTruthy();
    expect(within(card('Successful')).getByText('1,200')).toBeTruthy();
    expect(within(card('Failed')).getByText('30')).toBeTruthy();
    expect(within(card('In progress')).getByText('3')).toBeTruthy();
    expect(within(card('Queued')).getByText('1')).toBeTruthy();
    expect(within(card('Avg processing time')).getByText('1 min 35 s')).toBeTruthy();
  });

  it('showsDashesBeforeTheFirstLoad', () => {
    render(<StatsCards stats={null} />);
    expect(screen.getAllByText('–')).toHaveLength(6);
  });
});

const config: Config = {
  monitor_folder: '/media/in',
  output_folder: '/media/out',
  processed_folder: '/media/done',
  max_workers: 2,
  recursive: false,
  stable_seconds: 5,
  scan_interval_seconds: 2,
  on_success: 'keep',
  max_attempts: 3,
  stall_timeout_seconds: 120,
  rules: [{ pattern: '*.mov', pattern_type: 'glob', profile: 'prores', output_pattern: '{stem}.mov', priority: 0, on_success: null }],
};
const profiles = [{ name: 'prores', description: 'ProRes', extension: 'mov', ffmpeg_args: [], builtin: true }];

describe('ConfigForm', () => {
  it('showsEachFieldErrorNextToItsField', () => {
    render(
      <ConfigForm
        config={config}
        profiles={profiles}
        errors={{ monitor_folder: 'folder does not exist and cannot be created: /nope', max_workers: 'must be between 1 and 64', 'rules[0].profile': 'unknown profile' }}
        onSave={vi.fn()}
        onReset={vi.fn()}
      />,
    );
    const folderField = document.querySelector('[data-field="monitor_folder"]') as HTMLElement;
    expect(within(folderField).getByText('folder does not exist and cannot be created: /nope')).toBeTruthy();
    expect(within(folderField).getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    const workersField = document.querySelector('[data-field="max_workers"]') as HTMLElement;
    expect(within(workersField).getByText('must be between 1 and 64')).toBeTruthy();
    const rule = document.querySelector('[data-rule-index="0"]') as HTMLElement;
    expect(within(rule).getByText('unknown profile')).toBeTruthy();
    expect(document.querySelector('[data-field="output_folder"] .field-error')).toBeNull();
  });

  it('savesTheEditedValues', () => {
    const onSave = vi.fn();
    render(<ConfigForm config={config} profiles={profiles} errors={{}} onSave={onSave} onReset={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Parallel jobs'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Watch folder'), { target: { value: '/media/incoming' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move rule 2 up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const saved = onSave.mock.calls[0][0];
    expect(saved).toMatchObject({ max_workers: 4, monitor_folder: '/media/incoming' });
    expect(saved.rules.map((rule: { profile: string; pattern: string }) => rule.pattern)).toEqual(['*.mov', '*.mov']);
    expect(saved.rules[1].output_pattern).toBe('{stem}.mov');
    expect(saved.rules[0].output_pattern).toBe('{stem}.{ext}');
  });

  it('resetsOnlyAfterConfirmation', () => {
    const onReset = vi.fn();
    render(<ConfigForm config={config} profiles={profiles} errors={{}} onSave={vi.fn()} onReset={onReset} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(onReset).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset to defaults' }));
    expect(onReset).toHaveBeenCalled();
  });
});

describe('mediaSeries', () => {
  const at = (media: number | null) => ({ start: '2026-12-01T10:00:00Z', completed: 1, failed: 0, avg_processing_seconds: 1, media_seconds_processed: media });

  it('drawsSecondsOfMediaInSecondsNotAsFractionsOfAnHour', () => {
    expect(mediaSeries([at(81), at(null)])).toEqual({ unit: 'seconds', values: [81, 0] });
  });

  it('switchesToMinutesAndHoursAsTheLargestBarGrows', () => {
    expect(mediaSeries([at(5400), at(1800)])).toEqual({ unit: 'minutes', values: [90, 30] });
    expect(mediaSeries([at(9000), at(0)])).toEqual({ unit: 'hours', values: [2.5, 0] });
  });
});
