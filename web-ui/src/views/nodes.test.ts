import { describe, expect, it } from 'vitest';
import { job, node } from '../test/jobs';
import { deadBannerText, heartbeatText, jobLabel, nodeState, workersText } from './nodes';

describe('node texts', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');

  it.each([
    ['2026-03-01T10:00:00Z', 'just now'],
    ['2026-03-01T09:59:57Z', '3 s ago'],
    ['2026-03-01T09:58:00Z', '2 min ago'],
    ['2026-03-01T07:00:00Z', '3 h ago'],
    ['2026-03-01T10:00:02Z', 'just now'],
    ['not a time', '–'],
  ])('saysHowLongAgoTheHeartbeatWas %s', (heartbeat, expected) => {
    expect(heartbeatText({ last_heartbeat: heartbeat }, now)).toBe(expected);
  });

  it('countsBusyWorkersAgainstTheMost', () => {
    expect(workersText(node('a', { busy_workers: 1, max_workers: 4 }))).toBe('1 / 4 busy');
  });

  it('saysWhatTheNodeIsDoing', () => {
    expect(nodeState(node('a'))).toBe('taking jobs');
    expect(nodeState(node('a', { paused: true }))).toBe('paused: starts no new job');
    expect(nodeState(node('a', { status: 'dead', paused: true }))).toBe('not answering');
  });

  it('namesACurrentJobByItsFileWhenKnown', () => {
    expect(jobLabel('4', [job(4, { filename: 'show.mov' })])).toBe('show.mov');
    expect(jobLabel('5', [job(4)])).toBe('job 5');
  });

  it('namesTheDeadNodesInTheBanner', () => {
    expect(deadBannerText([node('a', { name: 'encoder-2' })])).toBe('Node encoder-2 is not answering.');
    expect(deadBannerText([node('a', { name: 'x' }), node('b', { name: 'y' })])).toBe('2 nodes are not answering: x, y.');
  });
});
