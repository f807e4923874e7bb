import { describe, expect, it } from 'vitest';
import { job } from '../test/jobs';
import { folderChoices, mergeLive, toggled } from './JobsPage';

describe('mergeLive', () => {
  it('replacesPageRowsWithTheirLiveVersion', () => {
    const rows = mergeLive([job(2), job(1)], [job(1, { status: 'completed' })], true, '', '');
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ['2', 'queued'],
      ['1', 'completed'],
    ]);
  });

  it('addsJobsThatArrivedSinceTheFirstPageLoaded', () => {
    const rows = mergeLive([job(2), job(1)], [job(3), job(2)], true, '', '');
    expect(rows.map((row) => row.id)).toEqual(['3', '2', '1']);
  });

  it('addsOnlyArrivalsThatMatchTheFilter', () => {
    const rows = mergeLive([job(2, { status: 'failed' })], [job(3, { status: 'queued' }), job(4, { status: 'failed' })], true, 'failed', '');
    expect(rows.map((row) => row.id)).toEqual(['4', '2']);
  });

  it('leavesOlderPagesAlone', () => {
    const rows = mergeLive([job(2), job(1)], [job(30)], false, '', '');
    expect(rows.map((row) => row.id)).toEqual(['2', '1']);
  });

  it('leavesASortedPageInTheServersOrderAndAddsNoArrivals', () => {
    const rows = mergeLive([job(1), job(2, { status: 'failed' })], [job(3), job(2, { status: 'queued' })], true, '', '', false);
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ['1', 'queued'],
      ['2', 'queued'],
    ]);
  });
});

describe('toggled', () => {
  it('addsOrRemovesTheGivenIds', () => {
    expect([...toggled(new Set(['1']), ['2', '3'], true)]).toEqual(['1', '2', '3']);
    expect([...toggled(new Set(['1', '2']), ['1', '9'], false)]).toEqual(['2']);
  });
});

describe('watch folders in the job list', () => {
  it('addsOnlyArrivalsFromTheChosenFolder', () => {
    const rows = mergeLive([job(2, { watch_folder: '/a' })], [job(3, { watch_folder: '/b' }), job(4, { watch_folder: '/a' })], true, '', '', true, '/a');
    expect(rows.map((row) => row.id)).toEqual(['4', '2']);
  });

  it('offersTheConfiguredFoldersOrTheSingleOne', () => {
    const base = { output_folder: '/o', processed_folder: '/p', max_workers: 1, recursive: false, stable_seconds: 1, scan_interval_seconds: 1, on_success: 'keep' as const, max_attempts: 1, stall_timeout_seconds: 1, rules: [] };
    expect(folderChoices({ ...base, monitor_folder: '/in' })).toEqual(['/in']);
    const folder = { output_folder: null, rules: null, recursive: null, stable_seconds: null, on_success: null, processed_folder: null, enabled: null };
    expect(folderChoices({ ...base, monitor_folder: null, watch_folders: [{ ...folder, path: '/a' }, { ...folder, path: '/b' }] })).toEqual(['/a', '/b']);
    expect(folderChoices(null)).toEqual([]);
  });
});
