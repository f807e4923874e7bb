import type { AlertLevel, Config, Job, Node, QueueRunState, QueueState, Schedule, ServerMessage, Stats } from '../api/types';

/** How many jobs the live view keeps; the jobs page pages older ones from the server. */
export const JOB_LIMIT = 500;

export type Connection = 'connecting' | 'connected' | 'reconnecting';

export interface Toast {
  id: number;
  level: AlertLevel;
  message: string;
  jobId: string | null;
}

export interface DashboardState {
  /** Newest first (highest id first). */
  jobs: Job[];
  stats: Stats | null;
  queue: QueueState | null;
  config: Config | null;
  /** The cluster's nodes; null until loaded. */
  nodes: Node[] | null;
  toasts: Toast[];
  nextToastId: number;
  connection: Connection;
  /** Bumped on every full reload from REST, so views holding their own pages reload too. */
  resyncs: number;
}

export const initialState: DashboardState = {
  jobs: [],
  stats: null,
  queue: null,
  config: null,
  nodes: null,
  toasts: [],
  nextToastId: 1,
  connection: 'connecting',
  resyncs: 0,
};

export type Action =
  | Exclude<ServerMessage, { type: 'queue_update' }>
  // The WebSocket's queue_update carries no running count; the REST answer (GET /api/queue) does.
  | {
      type: 'queue_update';
      paused: boolean;
      max_workers: number;
      running?: number;
      state?: QueueRunState;
      schedule?: Schedule | null;
    }
  | { type: 'resynced'; jobs: Job[]; stats: Stats; queue: QueueState; nodes?: Node[] }
  | { type: 'connection'; connection: Connection }
  | { type: 'toast'; level: AlertLevel; message: string; jobId?: string | null }
  | { type: 'dismiss'; id: number };

/** Job ids are numbers on the wire as strings; compare them numerically so "10" sorts after "9". */
export function compareNewestFirst(a: Job, b: Job): number {
  const left = Number(a.id);
  const right = Number(b.id);
  if (Number.isFinite(left) && Number.isFinite(right)) {
    return right - left;
  }
  return b.id.localeCompare(a.id);
}

const ACTIVE: ReadonlySet<string> = new Set(['waiting', 'queued', 'processing', 'paused']);

export function isActive(job: Job): boolean {
  return ACTIVE.has(job.status);
}

/** Keeps every unfinished job and the newest finished ones, at most JOB_LIMIT in all. */
function limit(jobs: Job[]): Job[] {
  if (jobs.length <= JOB_LIMIT) {
    return jobs;
  }
  const active = jobs.filter(isActive).length;
  let finishedRoom = Math.max(0, JOB_LIMIT - active);
  return jobs.filter((job) => {
    if (isActive(job)) {
      return true;
    }
    finishedRoom -= 1;
    return finishedRoom >= 0;
  });
}

export function upsertJob(jobs: Job[], job: Job): Job[] {
  const index = jobs.findIndex((existing) => existing.id === job.id);
  if (index >= 0) {
    const next = jobs.slice();
    next[index] = job;
    return next;
  }
  return limit([...jobs, job].sort(compareNewestFirst));
}

const MAX_TOASTS = 5;

function addToast(state: DashboardState, level: AlertLevel, message: string, jobId: string | null): DashboardState {
  const toast: Toast = { id: state.nextToastId, level, message, jobId };
  return { ...state, toasts: [...state.toasts, toast].slice(-MAX_TOASTS), nextToastId: state.nextToastId + 1 };
}

/** The nodes that stopped answering, for the banner every page shows while one is down. */
export function deadNodes(state: Pick<DashboardState, 'nodes'>): Node[] {
  return (state.nodes ?? []).filter((node) => node.status === 'dead');
}

/** Applies one REST result or WebSocket message; pure, so every transition is testable without a server. */
export function reducer(state: DashboardState, action: Action): DashboardState {
  switch (action.type) {
    case 'job_update':
      return { ...state, jobs: upsertJob(state.jobs, action.job) };
    case 'stats_update':
      return { ...state, stats: action.stats };
    case 'queue_update':
      return {
        ...state,
        queue: {
          paused: action.paused,
          max_workers: action.max_workers,
          running: action.running ?? state.queue?.running,
          state: action.state ?? (action.paused ? 'paused' : 'running'),
          // A message without the schedule (an older daemon, a REST answer that left it out) keeps the last one.
          schedule: action.schedule !== undefined ? action.schedule : state.queue?.schedule,
        },
      };
    case 'config_update':
      return { ...state, config: action.config };
    case 'nodes_update':
      return { ...state, nodes: action.nodes };
    case 'alert':
      return addToast(state, action.level, action.message, action.job_id);
    case 'pong':
      return state;
    case 'resynced':
      return {
        ...state,
        jobs: limit(action.jobs.slice().sort(compareNewestFirst)),
        stats: action.stats,
        queue: action.queue,
        nodes: action.nodes ?? state.nodes,
        resyncs: state.resyncs + 1,
      };
    case 'connection':
      return state.connection === action.connection ? state : { ...state, connection: action.connection };
    case 'toast':
      return addToast(state, action.level, action.message, action.jobId ?? null);
    case 'dismiss':
      return { ...state, toasts: state.toasts.filter((toast) => toast.id !== action.id) };
  }
}
