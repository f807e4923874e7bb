import type { Job } from '../api/types';

export function job(id: number | string, patch: Partial<Job> = {}): Job {
  return {
    id: String(id),
    filename: `clip-${id}.mov`,
    status: 'queued',
    progress: 0,
    started_at: null,
    completed_at: null,
    error: null,
    profile: 'h264_proxy',
    duration: 2,
    ...patch,
  };
}
