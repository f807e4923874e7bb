import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { job, node } from '../test/jobs';
import { DashboardStoreProvider, useDashboard } from './DashboardStore';

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

const stats = { total_jobs: 1, successful: 0, failed: 0, avg_duration: 0, in_progress: 0, queued: 1 };

function Probe() {
  const { state, unauthorized } = useDashboard();
  return (
    <div>
      <span data-testid="connection">{state.connection}</span>
      <span data-testid="jobs">{state.jobs.map((j) => `${j.filename}:${j.status}`).join(',')}</span>
      <span data-testid="unauthorized">{String(unauthorized)}</span>
      <span data-testid="nodes">{(state.nodes ?? []).map((n) => `${n.name}:${n.status}`).join(',')}</span>
    </div>
  );
}

describe('DashboardStoreProvider', () => {
  let serverJobs = [job(1)];
  const serverNodes = [node('n-1', { name: 'encoder-1' })];
  let status = 200;
  let fetch: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    FakeWebSocket.instances = [];
    serverJobs = [job(1)];
    status = 200;
    fetch = vi.fn(async (url: string) => {
      if (status !== 200) {
        return new Response('{"error":"unauthorized","message":"a valid token is required"}', { status });
      }
      const body = url.startsWith('/api/jobs') ? serverJobs : url.startsWith('/api/stats') ? stats : url.startsWith('/api/nodes') ? serverNodes : { paused: false, max_workers: 2 };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'X-Total-Count': String(serverJobs.length) } });
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('WebSocket', FakeWebSocket);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('loadsOverRestThenAppliesLiveUpdates', async () => {
    render(
      <DashboardStoreProvider>
        <Probe />
      </DashboardStoreProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('jobs').textContent).toBe('clip-1.mov:queued'));
    expect(FakeWebSocket.instances[0].url).toBe('ws://localhost:3000/ws/updates');
    act(() => FakeWebSocket.instances[0].onopen?.(new Event('open')));
    act(() => FakeWebSocket.instances[0].onmessage?.({ data: JSON.stringify({ type: 'job_update', job: job(2, { status: 'processing' }) }) } as MessageEvent));
    await waitFor(() => expect(screen.getByTestId('jobs').textContent).toBe('clip-2.mov:processing,clip-1.mov:queued'));
    expect(screen.getByTestId('connection').textContent).toBe('connected');
  });

  it('loadsTheNodesOverRestAndFollowsTheirUpdates', async () => {
    render(
      <DashboardStoreProvider>
        <Probe />
      </DashboardStoreProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('nodes').textContent).toBe('encoder-1:alive'));
    act(() => FakeWebSocket.instances[0].onopen?.(new Event('open')));
    await waitFor(() => expect(fetch.mock.calls.filter(([url]) => url === '/api/nodes')).toHaveLength(2));
    const dead = [node('n-1', { name: 'encoder-1', status: 'dead' }), node('n-2', { name: 'encoder-2' })];
    act(() => FakeWebSocket.instances[0].onmessage?.({ data: JSON.stringify({ type: 'nodes_update', nodes: dead }) } as MessageEvent));
    expect(screen.getByTestId('nodes').textContent).toBe('encoder-1:dead,encoder-2:alive');
  });

  it('reloadsEverythingOverRestAfterAReconnect', async () => {
    render(
      <DashboardStoreProvider>
        <Probe />
      </DashboardStoreProvider>,
    );
    act(() => FakeWebSocket.instances[0].onopen?.(new Event('open')));
    await waitFor(() => expect(screen.getByTestId('jobs').textContent).toBe('clip-1.mov:queued'));
    vi.useFakeTimers();
    act(() => FakeWebSocket.instances[0].onclose?.({} as CloseEvent));
    expect(screen.getByTestId('connection').textContent).toBe('reconnecting');
    // While the page was deaf, job 1 was deleted and job 3 finished: only a reload can tell.
    serverJobs = [job(3, { status: 'completed' })];
    act(() => vi.advanceTimersByTime(500));
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.useRealTimers();
    act(() => FakeWebSocket.instances[1].onopen?.(new Event('open')));
    await waitFor(() => expect(screen.getByTestId('jobs').textContent).toBe('clip-3.mov:completed'));
    expect(screen.getByTestId('connection').textContent).toBe('connected');
  });

  it('asksForTheTokenWhenTheDaemonRefusesTheSession', async () => {
    status = 401;
    render(
      <DashboardStoreProvider>
        <Probe />
      </DashboardStoreProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('unauthorized').textContent).toBe('true'));
    expect(fetch.mock.calls[0][1]).toMatchObject({ credentials: 'same-origin' });
  });
});
