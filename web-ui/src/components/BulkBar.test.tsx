import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { job } from '../test/jobs';
import { BulkBar, bulkChoices, bulkConfirmation } from './BulkBar';
import { JobsTable, NEWEST_FIRST, nextSort, sortParam } from './JobsTable';

describe('bulkChoices', () => {
  it('offersEachActionOnlyForTheSelectedJobsThatAllowIt', () => {
    const selection = [job(1, { status: 'queued' }), job(2, { status: 'failed' }), job(3, { status: 'processing' })];

    const choices = bulkChoices(selection).map((choice) => [choice.action, choice.jobs.map((one) => one.id)]);

    expect(choices).toEqual([
      ['pause', ['1', '3']],
      ['cancel', ['1', '3']],
      ['retry', ['2']],
      ['delete', ['2']],
    ]);
  });

  it('offersNothingWhenNoSelectedJobAllowsAnything', () => {
    expect(bulkChoices([job(1, { allowed_actions: ['priority'] })])).toEqual([]);
  });
});

describe('bulkConfirmation', () => {
  it('saysHowManyOfTheSelectionItAppliesToAndWhatHappensToFiles', () => {
    const selection = [job(1, { status: 'queued' }), job(2, { status: 'failed' }), job(3, { status: 'processing' })];
    const [, cancel, retry, remove] = bulkChoices(selection);

    expect(bulkConfirmation(cancel, 3)).toBe('Cancel 2 jobs of the 3 selected? Running encodes stop and their partial outputs are removed; the sources stay.');
    expect(bulkConfirmation(remove, 3)).toBe('Delete the history entries of 1 job of the 3 selected? Only the entries go; no file is touched.');
    expect(bulkConfirmation(retry, 3)).toBe('Run 1 job of the 3 selected again?');
  });

  it('warnsThatARerunOfACompletedJobWritesANumberedCopy', () => {
    const [retry] = bulkChoices([job(1, { status: 'completed' }), job(2, { status: 'completed' })]).filter((choice) => choice.action === 'retry');

    expect(bulkConfirmation(retry, 2)).toBe('Run 2 jobs again? Existing outputs stay; new ones are written beside them as numbered copies.');
  });
});

describe('BulkBar', () => {
  it('asksOnceAndThenRunsTheActionForTheJobsThatAllowIt', () => {
    const onBulk = vi.fn();
    render(<BulkBar selected={[job(1, { status: 'queued' }), job(2, { status: 'completed' })]} onBulk={onBulk} onClear={vi.fn()} />);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel 1' }));
    expect(onBulk).not.toHaveBeenCalled();
    expect(screen.getByText('Cancel 1 job of the 2 selected? Running encodes stop and their partial outputs are removed; the sources stay.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel 1' }));

    expect(onBulk).toHaveBeenCalledTimes(1);
    expect(onBulk.mock.calls[0][0].action).toBe('cancel');
    expect(onBulk.mock.calls[0][0].jobs.map((one: { id: string }) => one.id)).toEqual(['1']);
  });

  it('isHiddenWithoutASelection', () => {
    const { container } = render(<BulkBar selected={[]} onBulk={vi.fn()} onClear={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('JobsTable sorting and selection', () => {
  it('marksTheSortedColumnAndAsksForTheNextSortOnAClick', () => {
    const onSort = vi.fn();
    render(<JobsTable jobs={[job(1)]} onAction={vi.fn()} sorting={{ sort: { key: 'filename', descending: false }, onSort }} />);

    expect(screen.getByRole('columnheader', { name: /File/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Status/ }).getAttribute('aria-sort')).toBe('none');
    fireEvent.click(screen.getByRole('button', { name: /File/ }));
    fireEvent.click(screen.getByRole('button', { name: /Status/ }));

    expect(onSort.mock.calls.map((call) => sortParam(call[0]))).toEqual(['-filename', 'status']);
  });

  it('selectsAllOnThePage', () => {
    const onToggleAll = vi.fn();
    const rows = [job(1), job(2)];
    render(<JobsTable jobs={rows} onAction={vi.fn()} selection={{ selected: new Set(['1']), onToggle: vi.fn(), onToggleAll }} />);

    const all = screen.getByRole('checkbox', { name: 'Select all on this page' }) as HTMLInputElement;
    expect(all.checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Select clip-1.mov' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(all);

    expect(onToggleAll).toHaveBeenCalledWith(rows);
  });

  it('hasNoCheckboxesOrSortButtonsWhereTheyAreNotWanted', () => {
    render(<JobsTable jobs={[job(1)]} onAction={vi.fn()} />);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.getByRole('columnheader', { name: 'File' }).getAttribute('aria-sort')).toBeNull();
  });
});

describe('nextSort', () => {
  it('flipsTheSameColumnAndStartsANewOneAscending', () => {
    expect(sortParam(nextSort({ key: 'status', descending: false }, 'status'))).toBe('-status');
    expect(sortParam(nextSort(NEWEST_FIRST, 'filename'))).toBe('filename');
  });
});
