import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './client';

/** Records each call and answers with an empty JSON object (or 204 for a delete). */
function recordingFetch() {
  const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
    init?.method === 'DELETE' && !String(_url).includes('config')
      ? new Response(null, { status: 204 })
      : new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('declares every state change as JSON, with or without a body', async () => {
    const fetch = recordingFetch();

    await api.pauseQueue();
    await api.resumeQueue();
    await api.jobAction('7', 'retry');
    await api.deleteJob('7');
    await api.resetConfig();
    await api.setPriority('7', 5);
    await api.testRule('show.mov');

    expect(fetch).toHaveBeenCalledTimes(7);
    for (const [url, init] of fetch.mock.calls) {
      expect(init?.method, String(url)).toMatch(/^(POST|DELETE)$/);
      expect(init?.headers, String(url)).toEqual({ 'Content-Type': 'application/json' });
      expect(init?.credentials, String(url)).toBe('same-origin');
    }
  });

  it('sends no body where the request takes none', async () => {
    const fetch = recordingFetch();

    await api.pauseQueue();
    await api.setPriority('7', 5);

    expect(fetch.mock.calls[0][1]?.body).toBeUndefined();
    expect(fetch.mock.calls[1][1]?.body).toBe('{"priority":5}');
  });
});
