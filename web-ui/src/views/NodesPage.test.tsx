import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Node } from '../api/types';
import { DashboardStoreProvider } from '../state/DashboardStore';
import { job, node } from '../test/jobs';
import { NodesPage } from './NodesPage';

class FakeWebSocket {
  static instances: FakeWebSocket[] = [];
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }
  send(): void {}
  close(): void {}
}

const stats = { total_jobs: 1, successful: 0, failed: 0, avg_duration: 0, in_progress: 1, queued: 0 };

describe('NodesPage', () => {
  let serverNodes: Node[];
  let fetch: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    FakeWebSocket.instances = [];
    // Only the clock is fixed (timers stay real): "3 s ago" must not become "4 s ago" on a slow machine.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
    const threeSecondsAgo = new Date(Date.now() - 3000).toISOString();
    serverNodes = [
      node('n-1', { name: 'encoder-1', busy_workers: 1, max_workers: 4, current_jobs: ['2', '9'], last_heartbeat: threeSecondsAgo, version: '1.4.0' }),
      node('n-2', { name: 'encoder-2', status: 'dead', last_heartbeat: '2026-03-01T10:00:00Z' }),
    ];
    fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST' && (url === '/api/nodes/pause' || url === '/api/nodes/resume')) {
        return new Response(JSON.stringify(serverNodes.map((each) => ({ ...each, paused: url.endsWith('/pause') }))), { status: 200 });
      }
      if (init?.method === 'POST') {
        const changed = { ...serverNodes[0], paused: url.endsWith('/pause') };
        return new Response(JSON.stringify(changed), { status: 200 });
      }
      const body = url.startsWith('/api/nodes')
        ? serverNodes
        : url.startsWith('/api/jobs')
          ? [job(2, { filename: 'show.mov', status: 'processing', node: 'encoder-1' })]
          : url.startsWith('/api/stats')
            ? stats
            : { paused: false, max_workers: 4 };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'X-Total-Count': '1' } });
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('WebSocket', FakeWebSocket);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function renderPage() {
    render(
      <DashboardStoreProvider>
        <NodesPage />
      </DashboardStoreProvider>,
    );
  }

  it('showsEachNodeWithItsStatusWorkersHeartbeatVersionAndJobsLinked', async () => {
    renderPage();

    const first = await screen.findByRole('region', { name: 'Node encoder-1' });
    expect(within(first).getByText('alive').className).toContain('node-alive');
    expect(within(first).getByText('1 / 4 busy')).toBeTruthy();
    expect(within(first).getByText('3 s ago')).toBeTruthy();
    expect(within(first).getByText('1.4.0')).toBeTruthy();
    await waitFor(() => expect(within(first).getByRole('link', { name: 'show.mov' }).getAttribute('href')).toBe('/jobs/2'));
    expect(within(first).getByRole('link', { name: 'job 9' }).getAttribute('href')).toBe('/jobs/9');
    const second = screen.getByRole('region', { name: 'Node encoder-2' });
    expect(within(second).getByText('dead').className).toContain('node-dead');
    expect(within(second).getByText('not answering')).toBeTruthy();
    expect(within(second).queryByRole('button')).toBeNull();
    expect(screen.getByText('2 nodes · 1 alive')).toBeTruthy();
  });

  it('pausesOneNodeThroughItsOwnRouteAndShowsItPaused', async () => {
    renderPage();
    const first = await screen.findByRole('region', { name: 'Node encoder-1' });

    fireEvent.click(within(first).getByRole('button', { name: 'Pause node' }));

    await waitFor(() => expect(within(first).getByRole('button', { name: 'Resume node' })).toBeTruthy());
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe('/api/nodes/n-1/pause');
    expect(within(first).getByText('paused')).toBeTruthy();
    expect(within(first).getByText('paused: starts no new job')).toBeTruthy();
  });

  it('pausesAndResumesEveryNodeAtOnce', async () => {
    renderPage();
    await screen.findByRole('region', { name: 'Node encoder-1' });
    expect((screen.getByRole('button', { name: 'Resume all nodes' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Pause all nodes' }));

    // Enabled only once the answer is shown (while the call runs both buttons are disabled).
    await waitFor(() => expect((screen.getByRole('button', { name: 'Resume all nodes' }) as HTMLButtonElement).disabled).toBe(false));
    expect((screen.getByRole('button', { name: 'Pause all nodes' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fetch.mock.calls.find(([, init]) => init?.method === 'POST')?.[0]).toBe('/api/nodes/pause');
    expect(within(screen.getByRole('region', { name: 'Node encoder-1' })).getByText('paused')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Resume all nodes' }));

    await waitFor(() => expect((screen.getByRole('button', { name: 'Pause all nodes' }) as HTMLButtonElement).disabled).toBe(false));
    expect((screen.getByRole('button', { name: 'Resume all nodes' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url]) => url)).toEqual(['/api/nodes/pause', '/api/nodes/resume']);
  });

  it('followsTheNodesUpdatesOfTheFeed', async () => {
    renderPage();
    await screen.findByRole('region', { name: 'Node encoder-1' });

    act(() =>
      FakeWebSocket.instances[0].onmessage?.({
        data: JSON.stringify({ type: 'nodes_update', nodes: [{ ...serverNodes[0], status: 'dead' }] }),
      } as MessageEvent),
    );

    expect(screen.queryByRole('region', { name: 'Node encoder-2' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Node encoder-1' })).getByText('dead')).toBeTruthy();
    expect(screen.getByText('1 node · 0 alive')).toBeTruthy();
  });
});
