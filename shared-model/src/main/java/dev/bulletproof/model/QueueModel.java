package dev.bulletproof.model;

import java.time.Instant;
import java.util.List;

/**
 * The state of the work queue ({@code GET /api/queue}, and the answer to {@code POST /api/queue/pause}
 * and {@code /resume}).
 *
 * @param paused true while no new job is started; running jobs carry on
 * @param maxWorkers how many jobs may run at once
 * @param running busy workers: how many jobs are processing right now; a paused job's encoder is
 *     suspended and holds no worker
 * @param estimatedFinish when the last queued job should be done; null when nothing is queued. While the
 *     queue is paused it assumes the queue resumes now
 * @param estimates when each queued job should start and finish, in the order the queue claims them
 */
public record QueueModel(
        boolean paused, int maxWorkers, int running, Instant estimatedFinish, List<QueueEstimateModel> estimates) {

    public QueueModel {
        estimates = estimates == null ? List.of() : List.copyOf(estimates);
    }

    /** The state without estimates (the answer of a daemon before queue estimates existed). */
    public QueueModel(boolean paused, int maxWorkers, int running) {
        this(paused, maxWorkers, running, null, List.of());
    }
}
