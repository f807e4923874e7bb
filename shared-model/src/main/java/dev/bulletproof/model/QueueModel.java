package dev.bulletproof.model;

/**
 * The state of the work queue ({@code GET /api/queue}, and the answer to {@code POST /api/queue/pause}
 * and {@code /resume}).
 *
 * @param paused true while no new job is started; running jobs carry on
 * @param maxWorkers how many jobs may run at once
 * @param running busy workers: how many jobs are processing right now; a paused job's encoder is
 *     suspended and holds no worker
 */
public record QueueModel(boolean paused, int maxWorkers, int running) {}
