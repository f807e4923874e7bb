import type { BulkAction, BulkActionName, Config, HistoryBucket, Job, Node, Profile, QueueState, RuleTestResult, Schedule, Stats, TimelinePoint, WebhookDelivery } from './types';

/** A refusal from the daemon, with its stable code and, for 422, the message of each bad field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** The app shows the token form whenever any call is refused for want of a token. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  // The session is the HttpOnly cookie the daemon set when the page was opened with ?token=...
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  if (response.ok) {
    return response;
  }
  let body: { error?: string; message?: string; fields?: Record<string, string> } = {};
  try {
    body = await response.json();
  } catch {
    body = { message: `${response.status} ${response.statusText}` };
  }
  const error = new ApiError(
    response.status,
    body.error ?? 'http_' + response.status,
    body.message ?? `${response.status} ${response.statusText}`,
    body.fields ?? {},
  );
  if (error.unauthorized) {
    unauthorizedListeners.forEach((listener) => listener());
  }
  throw error;
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await request(path, init);
  return (await response.json()) as T;
}

/**
 * Every state change is declared JSON, with or without a body: the daemon refuses any other content
 * type, so that a form on another page can never post to it with the cookie.
 */
function stateChange(method: string, path: string, body?: unknown): Promise<Response> {
  return request(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await stateChange(method, path, body);
  return (await response.json()) as T;
}

export interface JobQuery {
  status?: string;
  q?: string;
  limit?: number;
  offset?: number;
  /** created, finished, filename, duration, processing_time or status; a leading - sorts descending. */
  sort?: string;
  /** Only jobs from this watch folder (its path, as a job's watch_folder names it). */
  folder?: string;
}

export interface JobPage {
  jobs: Job[];
  total: number;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  });
  const text = search.toString();
  return text ? '?' + text : '';
}

export type JobAction = 'pause' | 'resume' | 'cancel' | 'retry';

export const api = {
  async jobs(filter: JobQuery = {}): Promise<JobPage> {
    const response = await request('/api/jobs' + query({ ...filter }));
    const jobs = (await response.json()) as Job[];
    const total = Number(response.headers.get('X-Total-Count') ?? jobs.length);
    return { jobs, total: Number.isFinite(total) ? total : jobs.length };
  },
  job: (id: string) => json<Job>(`/api/jobs/${encodeURIComponent(id)}`),
  jobAction: (id: string, action: JobAction) => send<Job>('POST', `/api/jobs/${encodeURIComponent(id)}/${action}`),
  setPriority: (id: string, priority: number) => send<Job>('POST', `/api/jobs/${encodeURIComponent(id)}/priority`, { priority }),
  /** One action for many jobs; each job's outcome says whether it was done, refused (and why) or gone. */
  bulkAction: (action: BulkActionName, ids: string[]) => send<BulkAction>('POST', '/api/jobs/actions', { action, ids }),
  async deleteJob(id: string): Promise<void> {
    await stateChange('DELETE', `/api/jobs/${encodeURIComponent(id)}`);
  },
  async jobLog(id: string, lines = 200): Promise<string> {
    const response = await request(`/api/jobs/${encodeURIComponent(id)}/log?lines=${lines}`);
    return response.text();
  },
  /** The whole log (the daemon caps it at 4 MiB, then sends its end and says so). */
  async fullJobLog(id: string): Promise<{ text: string; truncated: boolean }> {
    const response = await request(`/api/jobs/${encodeURIComponent(id)}/log?full=true`);
    return { text: await response.text(), truncated: response.headers.get('X-Log-Truncated') === 'true' };
  },
  jobLogDownloadUrl: (id: string) => `/api/jobs/${encodeURIComponent(id)}/log?full=true&download=true`,
  stats: () => json<Stats>('/api/stats'),
  history: (from: string, to: string, bucket: 'hour' | 'day') =>
    json<HistoryBucket[]>('/api/stats/history' + query({ from, to, bucket })),
  timeline: (from: string, to: string) => json<TimelinePoint[]>('/api/stats/timeline' + query({ from, to })),
  queue: () => json<QueueState>('/api/queue'),
  pauseQueue: () => send<QueueState>('POST', '/api/queue/pause'),
  resumeQueue: () => send<QueueState>('POST', '/api/queue/resume'),
  /** Finish the running jobs, then pause. */
  drainQueue: () => send<QueueState>('POST', '/api/queue/drain'),
  schedule: () => json<Schedule>('/api/schedule'),
  /** Run or hold until an instant, or for a number of seconds from now. */
  overrideSchedule: (mode: 'run' | 'hold', end: { until: string } | { duration_seconds: number }) =>
    send<Schedule>('POST', '/api/schedule/override', { mode, ...end }),
  clearScheduleOverride: () => send<Schedule>('DELETE', '/api/schedule/override'),
  /** Every node of the cluster; a single machine is its one node. */
  nodes: () => json<Node[]>('/api/nodes'),
  /** Stops one node from starting new jobs (its running ones carry on), or lets it start them again. */
  nodeAction: (id: string, action: 'pause' | 'resume') => send<Node>('POST', `/api/nodes/${encodeURIComponent(id)}/${action}`),
  /** Every node of the cluster at once; the answer lists the nodes as they were asked to be. */
  clusterAction: (action: 'pause' | 'resume') => send<Node[]>('POST', `/api/nodes/${action}`),
  config: () => json<Config>('/api/config'),
  saveConfig: (config: Partial<Config>) => send<Config>('POST', '/api/config', config),
  resetConfig: () => send<Config>('DELETE', '/api/config/reset'),
  profiles: () => json<Profile[]>('/api/profiles'),
  webhookDeliveries: (limit = 20) => json<WebhookDelivery[]>('/api/webhooks/deliveries' + query({ limit })),
  sendTestWebhook: () => send<WebhookDelivery[]>('POST', '/api/webhooks/test'),
  testRule: (filename: string) => send<RuleTestResult>('POST', '/api/rules/test', { filename }),
  /** Checks a token without storing it, so a typo is reported in the form instead of by a JSON error page. */
  async tokenAccepted(token: string): Promise<boolean> {
    const response = await fetch('/api/queue', { headers: { Authorization: 'Bearer ' + token } });
    return response.ok;
  },
};
