import { describe, expect, it } from 'vitest';
import { job } from '../test/jobs';
import { mergeLive } from './JobsPage';

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
});
