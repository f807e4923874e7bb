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
 * @param state "running", "draining" (a drain waits for its running jobs to end; nothing new starts) or
 *     "paused"; the schedule holds the queue on its own, see {@code schedule}
 * @param schedule what the schedule says now; null from a daemon without schedules
 */
public record QueueModel(
        boolean paused,
        int maxWorkers,
        int running,
        Instant estimatedFinish,
        List<QueueEstimateModel> estimates,
        String state,
        ScheduleModel schedule) {

    public QueueModel {
        estimates = estimates == null ? List.of() : List.copyOf(estimates);
        state = state == null ? (paused ? "paused" : "running") : state;
    }

    public QueueModel(
            boolean paused, int maxWorkers, int running, Instant estimatedFinish, List<QueueEstimateModel> estimates) {
        this(paused, maxWorkers, running, estimatedFinish, estimates, null, null);
    }

    /** The state without estimates (the answer of a daemon before queue estimates existed). */
    public QueueModel(boolean paused, int maxWorkers, int running) {
        this(paused, maxWorkers, running, null, List.of());
    }
}
