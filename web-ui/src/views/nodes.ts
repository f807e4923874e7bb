import type { Job, Node } from '../api/types';
import { ago } from '../format';

/** "3 s ago" from the node's last heartbeat and the viewer's clock. */
export function heartbeatText(node: Pick<Node, 'last_heartbeat'>, nowMs: number): string {
  const heard = Date.parse(node.last_heartbeat);
  return Number.isFinite(heard) ? ago((nowMs - heard) / 1000) : ago(null);
}

/** "1 / 4 busy": a paused job holds no worker, so it is not counted. */
export function workersText(node: Pick<Node, 'busy_workers' | 'max_workers'>): string {
  return `${node.busy_workers} / ${node.max_workers} busy`;
}

/** What a node is doing, in a few words for its card. */
export function nodeState(node: Pick<Node, 'status' | 'paused'>): string {
  if (node.status === 'dead') {
    return 'not answering';
  }
  return node.paused ? 'paused: starts no new job' : 'taking jobs';
}

/** A current job by its file name when the page knows the job, else by its id. */
export function jobLabel(id: string, jobs: Job[]): string {
  return jobs.find((job) => job.id === id)?.filename ?? `job ${id}`;
}

/** The sentence of the banner shown on every page while nodes are down. */
export function deadBannerText(dead: Pick<Node, 'name'>[]): string {
  if (dead.length === 1) {
    return `Node ${dead[0].name} is not answering.`;
  }
  return `${dead.length} nodes are not answering: ${dead.map((node) => node.name).join(', ')}.`;
}
