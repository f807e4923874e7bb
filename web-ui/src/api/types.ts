export type JobStatus = 'waiting' | 'queued' | 'processing' | 'paused' | 'completed' | 'failed' | 'cancelled';

export const JOB_STATUSES: JobStatus[] = ['waiting', 'queued', 'processing', 'paused', 'completed', 'failed', 'cancelled'];

export interface Job {
  id: string;
  filename: string;
  status: JobStatus;
  progress: number;
  started_at: string | null;
  completed_at: string | null;
  error: string | null;
  profile: string | null;
  duration: number | null;
  bitrate?: number | null;
  resolution?: string | null;
  input_path?: string;
  output_path?: string | null;
  priority?: number;
  attempts?: number;
  created_at?: string;
  elapsed_seconds?: number | null;
  fps?: number | null;
  speed?: number | null;
  eta_seconds?: number | null;
  verified?: boolean | null;
  status_reason?: string | null;
  /** What the daemon accepts for this job in its state; clients offer exactly these. */
  allowed_actions?: AllowedAction[];
  /** The input file's size in bytes. */
  input_size?: number | null;
  /** What the probe learned about the input when the job was queued; null until probed. */
  media?: MediaFacts | null;
  /** The published output's size in bytes; null until completed. */
  output_size?: number | null;
  /** Input size divided by output size; null until completed. */
  compression_ratio?: number | null;
  /** Whether GET /api/jobs/{id}/thumbnail has a poster frame. */
  thumbnail?: boolean;
  /** The name of the node that runs or ran the job; null while no node has claimed it. */
  node?: string | null;
  /** The watch folder the file came from (its path); null for a job added by hand. */
  watch_folder?: string | null;
}

export type NodeStatus = 'alive' | 'dead';

/** One daemon of the cluster (GET /api/nodes); a single machine is its one node. */
export interface Node {
  id: string;
  name: string;
  version: string;
  status: NodeStatus;
  max_workers: number;
  busy_workers: number;
  /** Ids of the jobs the node holds now, processing or paused. */
  current_jobs: string[];
  encoders: string[];
  started_at: string;
  last_heartbeat: string;
  /** True while the node starts no new job. */
  paused: boolean;
}

export interface MediaFacts {
  container: string | null;
  video_codec: string | null;
  frame_rate: number | null;
  audio_tracks: AudioTrack[];
}

export interface AudioTrack {
  codec: string | null;
  channels: number;
  sample_rate: number;
}

export type AllowedAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'delete' | 'priority';

/** The actions POST /api/jobs/actions runs for many jobs at once. */
export type BulkActionName = Exclude<AllowedAction, 'priority'>;

export interface BulkAction {
  action: BulkActionName;
  outcomes: BulkActionOutcome[];
}

export interface BulkActionOutcome {
  id: string;
  result: 'done' | 'refused' | 'not_found';
  reason: string | null;
  job: Job | null;
}

/** One webhook delivery (GET /api/webhooks/deliveries); endpoints and secrets live in the config file only. */
export interface WebhookDelivery {
  id: string;
  url: string;
  event: string;
  job_id: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  next_attempt_at: string | null;
}

export interface Stats {
  total_jobs: number;
  successful: number;
  failed: number;
  avg_duration: number;
  in_progress: number;
  queued: number;
  cancelled?: number;
  last_24h?: number;
}

export interface QueueState {
  paused: boolean;
  max_workers: number;
  running?: number;
  estimated_finish?: string | null;
  estimates?: QueueEstimate[];
  /** running; draining (a drain waits for its running jobs to end, nothing new starts); paused. */
  state?: QueueRunState;
  schedule?: Schedule | null;
}

export type QueueRunState = 'running' | 'draining' | 'paused';

/** open: jobs run; paused: nothing starts and running encodes are suspended; holding: nothing starts, running jobs finish. */
export type SchedulePhase = 'open' | 'paused' | 'holding';

/** What the daemon's schedule says now (GET /api/schedule, and inside the queue state). */
export interface Schedule {
  configured: boolean;
  state: SchedulePhase;
  outside: 'pause' | 'drain';
  max_workers: number | null;
  next_change: string | null;
  next_state: SchedulePhase | null;
  next_max_workers: number | null;
  override: ScheduleOverride | null;
  time_zone: string;
  windows: ScheduleWindow[];
  suspended_jobs: string[];
  /** Watch folders with a schedule of their own; their jobs follow it instead of the global one. */
  folders: FolderSchedule[];
}

/** A watch folder's own schedule now; the one override runs or holds it too. */
export interface FolderSchedule {
  folder: string;
  state: SchedulePhase;
  outside: 'pause' | 'drain';
  max_workers: number | null;
  next_change: string | null;
  next_state: SchedulePhase | null;
  next_max_workers: number | null;
  windows: ScheduleWindow[];
  suspended_jobs: string[];
  /** The folder's own override; null when it has none (the global one then applies, if any). */
  override: ScheduleOverride | null;
}

export interface ScheduleOverride {
  mode: 'run' | 'hold';
  until: string;
  set_at: string;
}

export interface ScheduleWindow {
  days: string[];
  from: string;
  to: string;
  max_workers: number | null;
}

/** When a queued job should start and finish, from its profile's measured speed on this daemon. */
export interface QueueEstimate {
  id: string;
  estimated_start: string;
  estimated_finish: string;
}

export type OnSuccess = 'keep' | 'move' | 'delete';
export type PatternType = 'glob' | 'regex' | 'exact';

export interface Rule {
  pattern: string;
  pattern_type: PatternType;
  profile: string;
  output_pattern: string;
  priority: number;
  on_success: OnSuccess | null;
}

/**
 * One entry of Config.watch_folders. A null key takes the top-level value of the same name (rules: the
 * shared rules).
 */
export interface WatchFolder {
  path: string;
  output_folder: string | null;
  rules: Rule[] | null;
  recursive: boolean | null;
  stable_seconds: number | null;
  on_success: OnSuccess | null;
  processed_folder: string | null;
  enabled: boolean | null;
  /** The folder's own schedule as the config file writes it; set in the file only, posted back as shown. */
  schedule?: unknown;
}

export interface Config {
  /** The one watched folder; null when watch_folders lists them. */
  monitor_folder: string | null;
  /** Several watched folders; null when monitor_folder names the one folder. */
  watch_folders?: WatchFolder[] | null;
  output_folder: string;
  max_workers: number;
  recursive: boolean;
  stable_seconds: number;
  scan_interval_seconds: number;
  on_success: OnSuccess;
  processed_folder: string;
  max_attempts: number;
  stall_timeout_seconds: number;
  ffmpeg_path?: string | null;
  server?: ServerSettings;
  profiles?: Record<string, unknown>[];
  rules: Rule[];
}

/** Read-only in the dashboard: the daemon refuses changes to where it listens over HTTP. */
export interface ServerSettings {
  host: string;
  port: number;
  auth: 'token' | 'none';
  allowed_hosts: string[];
}

export interface Profile {
  name: string;
  description: string;
  extension: string;
  ffmpeg_args: string[];
  builtin: boolean;
}

export interface RuleTestResult {
  filename: string;
  matched: boolean;
  rule_index: number | null;
  profile: string | null;
  output: string | null;
  on_success: string | null;
  explanation: string[];
}

export interface HistoryBucket {
  start: string;
  completed: number;
  failed: number;
  avg_processing_seconds: number | null;
  media_seconds_processed: number | null;
}

export interface TimelinePoint {
  job_id: number;
  filename: string;
  profile: string;
  status: string;
  completed_at: string;
  processing_seconds: number | null;
  media_seconds: number | null;
}

export type AlertLevel = 'error' | 'warning' | 'info' | 'success';

/** Messages the daemon pushes over /ws/updates. */
export type ServerMessage =
  | { type: 'job_update'; job: Job }
  | { type: 'stats_update'; stats: Stats }
  | { type: 'queue_update'; paused: boolean; max_workers: number; state?: QueueRunState; schedule?: Schedule | null }
  | { type: 'config_update'; config: Config }
  | { type: 'nodes_update'; nodes: Node[] }
  | { type: 'alert'; level: AlertLevel; message: string; job_id: string | null }
  | { type: 'pong' };
