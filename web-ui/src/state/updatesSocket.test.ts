import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../api/types';
import { MAX_RETRY_MS, retryDelay, UpdatesSocket, updatesUrl, type SocketLike, type UpdatesListener } from './updatesSocket';

class FakeSocket implements SocketLike {
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  send(): void {}
  close(): void {
    this.closed = true;
  }
  open() {
    this.onopen?.(new Event('open'));
  }
  drop() {
    this.onerror?.(new Event('error'));
    this.onclose?.({} as CloseEvent);
  }
  receive(data: string) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

describe('UpdatesSocket', () => {
  let sockets: FakeSocket[];
  let events: string[];
  let messages: ServerMessage[];
  let listener: UpdatesListener;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    events = [];
    messages = [];
    listener = {
      onMessage: (message) => messages.push(message),
      onOpen: (reconnected) => events.push(reconnected ? 'reopened' : 'opened'),
      onDown: () => events.push('down'),
    };
  });

  afterEach(() => vi.useRealTimers());

  const start = () => {
    const socket = new UpdatesSocket('ws://host/ws/updates', listener, () => {
      const fake = new FakeSocket();
      sockets.push(fake);
      return fake;
    });
    socket.start();
    return socket;
  };

  it('backoffDoublesFromHalfASecondUpToThirtySeconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, MAX_RETRY_MS, MAX_RETRY_MS]);
  });

  it('reconnectsAfterEachDropWithGrowingDelays', () => {
    start();
    sockets[0].drop();
    expect(events).toEqual(['down']);
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1].drop();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
  });

  it('keepsTryingForeverAtTheCap', () => {
    start();
    for (let attempt = 0; attempt < 40; attempt++) {
      sockets[sockets.length - 1].drop();
      vi.advanceTimersByTime(MAX_RETRY_MS);
    }
    expect(sockets).toHaveLength(41);
  });

  it('reportsReconnectSoTheCallerResyncsAndResetsTheBackoff', () => {
    start();
    sockets[0].open();
    sockets[0].drop();
    vi.advanceTimersByTime(500);
    sockets[1].drop();
    vi.advanceTimersByTime(1000);
    sockets[2].open();
    expect(events).toEqual(['opened', 'down', 'down', 'reopened']);
    sockets[2].drop();
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4);
  });

  it('passesParsedMessagesAndIgnoresGarbage', () => {
    start();
    sockets[0].open();
    sockets[0].receive('{"type":"queue_update","paused":true,"max_workers":2}');
    sockets[0].receive('not json');
    expect(messages).toEqual([{ type: 'queue_update', paused: true, max_workers: 2 }]);
  });

  it('stopClosesTheSocketAndCancelsThePendingRetry', () => {
    const socket = start();
    sockets[0].drop();
    socket.stop();
    vi.advanceTimersByTime(MAX_RETRY_MS * 2);
    expect(sockets).toHaveLength(1);
  });

  it('usesWssBehindHttps', () => {
    expect(updatesUrl({ protocol: 'https:', host: 'example.org:8443' })).toBe('wss://example.org:8443/ws/updates');
    expect(updatesUrl({ protocol: 'http:', host: '127.0.0.1:8000' })).toBe('ws://127.0.0.1:8000/ws/updates');
  });
});
