import type { ServerMessage } from '../api/types';

export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 30_000;

/** 0.5 s, 1 s, 2 s ... capped at 30 s: quick after a blip, gentle on a daemon that is down for long. */
export function retryDelay(failures: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures));
}

/** The part of the browser WebSocket this class uses, so tests can hand it a fake. */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface UpdatesListener {
  onMessage(message: ServerMessage): void;
  /** Called on every open; after a reconnect the caller reloads everything over REST, since updates were missed. */
  onOpen(reconnected: boolean): void;
  onDown(): void;
}

export function updatesUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/updates';
}

/**
 * One WebSocket to /ws/updates that reconnects forever with exponential backoff. The browser sends the
 * session cookie with the upgrade request, which is how the daemon authenticates it.
 */
export class UpdatesSocket {
  private socket: SocketLike | null = null;
  private failures = 0;
  private everOpened = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly listener: UpdatesListener,
    private readonly connect: (url: string) => SocketLike = (target) => new WebSocket(target),
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  }

  /** The delay before the next attempt; exposed for the connection indicator and tests. */
  get nextDelay(): number {
    return retryDelay(this.failures);
  }

  private open(): void {
    let socket: SocketLike;
    try {
      socket = this.connect(this.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.failures = 0;
      this.listener.onOpen(reconnected);
    };
    socket.onmessage = (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      this.listener.onMessage(message);
    };
    socket.onerror = () => {
      // A close event always follows; retrying happens there, once.
    };
    socket.onclose = () => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      this.listener.onDown();
      this.scheduleRetry();
    };
  }

  private scheduleRetry(): void {
    if (this.stopped) {
      return;
    }
    const delay = retryDelay(this.failures);
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) {
        this.open();
      }
    }, delay);
  }
}
