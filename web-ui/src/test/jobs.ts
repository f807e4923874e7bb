import type { AllowedAction, Job, JobStatus, Node } from '../api/types';

/**
 * What the daemon's table of job commands allows in each state (JobCommandTest pins the same table on the
 * daemon's side): the fixtures carry it the way the API does.
 */
export const ALLOWED_BY_STATUS: Record<JobStatus, AllowedAction[]> = {
  waiting: ['cancel', 'priority'],
  queued: ['pause', 'cancel', 'priority'],
  processing: ['pause', 'cancel', 'priority'],
  paused: ['resume', 'cancel', 'priority'],
  completed: ['retry', 'delete', 'priority'],
  failed: ['retry', 'delete', 'priority'],
  cancelled: ['retry', 'delete', 'priority'],
};

export function job(id: number | string, patch: Partial<Job> = {}): Job {
  const status = patch.status ?? 'queued';
  return {
    id: String(id),
    filename: `clip-${id}.mov`,
    status,
    progress: 0,
    started_at: null,
    completed_at: null,
    error: null,
    profile: 'h264_proxy',
    duration: 2,
    allowed_actions: ALLOWED_BY_STATUS[status],
    ...patch,
  };
}

/** A node as GET /api/nodes answers it: alive, idle, heard from at the given moment. */
export function node(id: string, patch: Partial<Node> = {}): Node {
  return {
    id,
    name: `node-${id}`,
    version: '1.0.0',
    status: 'alive',
    max_workers: 2,
    busy_workers: 0,
    current_jobs: [],
    encoders: ['aac', 'libx264', 'prores_ks'],
    started_at: '2026-03-01T09:00:00Z',
    last_heartbeat: '2026-03-01T10:00:00Z',
    paused: false,
    ...patch,
  };
}
