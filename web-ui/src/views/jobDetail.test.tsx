import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../api/types';
import { LogView } from '../components/LogView';
import { SHORTCUTS, Shortcuts } from '../components/Shortcuts';
import { job } from '../test/jobs';
import { highlightParts, matchingLines, outputLine, stateText, verifiedText } from './jobDetail';

describe('job detail wording', () => {
  it.each([
    ['completed', 'Output', '/out/show.mp4'],
    ['failed', 'Output', 'none: no output was written'],
    ['cancelled', 'Output', 'none: no output was written'],
    ['queued', 'Output (when done)', '/out/show.mp4'],
    ['processing', 'Output (when done)', '/out/show.mp4'],
  ] as [JobStatus, string, string][])('namesTheOutputOnlyWhenItExists %s', (status, label, value) => {
    expect(outputLine(job(1, { status, output_path: '/out/show.mp4' }))).toEqual({ label, value });
  });

  it.each([
    ['completed', null, 'not checked'],
    ['completed', true, 'yes, output checked'],
    ['completed', false, 'no: output failed verification'],
    ['failed', null, 'no output to check'],
    ['processing', null, 'after the output is written'],
  ] as [JobStatus, boolean | null, string][])('saysWhatVerifiedMeansIn %s (%s)', (status, verified, expected) => {
    expect(verifiedText(job(1, { status, verified }))).toBe(expected);
  });

  it('doesNotRepeatTheErrorAsTheState', () => {
    const error = 'ffmpeg exited with 1: /media/in/broken.mov: Invalid data found';
    expect(stateText(job(1, { status: 'failed', error, status_reason: error }))).toBe('failed');
    expect(stateText(job(1, { status: 'processing', error: null, status_reason: 'processing, attempt 2' }))).toBe('processing, attempt 2');
  });
});

describe('log search', () => {
  const log = 'ffmpeg version 7.1\nInput #0, mov\nError while decoding\nerror: end\n';

  it('keepsOnlyTheLinesThatMatchInAnyCase', () => {
    expect(matchingLines(log, 'ERROR')).toEqual(['Error while decoding', 'error: end']);
    expect(matchingLines(log, '')).toHaveLength(4);
  });

  it('cutsALineAroundEachMatch', () => {
    expect(highlightParts('an error, another ERROR', 'error')).toEqual([
      { text: 'an ', match: false },
      { text: 'error', match: true },
      { text: ', another ', match: false },
      { text: 'ERROR', match: true },
    ]);
  });

  it('marksMatchesFiltersOnRequestAndOffersTheDownload', () => {
    const { container } = render(<LogView log={log} truncated={false} downloadUrl="/api/jobs/3/log?full=true&download=true" />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the log' }), { target: { value: 'error' } });

    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Error', 'error']);
    expect(screen.getByRole('status').textContent).toBe('2 matching lines');
    expect(container.querySelectorAll('.log-line')).toHaveLength(4);

    fireEvent.click(screen.getByRole('checkbox', { name: /Only matching lines/ }));
    expect(container.querySelectorAll('.log-line')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Download log' }).getAttribute('href')).toBe('/api/jobs/3/log?full=true&download=true');
  });
});

describe('Shortcuts', () => {
  it('opensTheListOnQuestionMarkButNotWhileTyping', () => {
    render(
      <>
        <input aria-label="Some field" />
        <Shortcuts />
      </>,
    );
    fireEvent.keyDown(screen.getByLabelText('Some field'), { key: '?' });
    expect(screen.queryByText('Keyboard shortcuts')).toBeNull();

    fireEvent.keyDown(document.body, { key: '?' });
    for (const shortcut of SHORTCUTS) {
      expect(screen.getByText(shortcut.does)).toBeTruthy();
    }
  });

  it('goesToJobsOnGThenJ', () => {
    render(<Shortcuts />);
    fireEvent.keyDown(document.body, { key: 'g' });
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(window.location.pathname).toBe('/jobs');
  });
});
