package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.jobs.QueueForecast;
import dev.bulletproof.model.QueueEstimateModel;
import dev.bulletproof.model.QueueModel;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** /api/queue: whether new jobs start, how many may run at once, and when the queued jobs should be done. */
final class QueueService implements HttpService {

    private final ApiContext context;
    private final QueuedDurations durations;

    QueueService(ApiContext context) {
        this.context = context;
        this.durations = new QueuedDurations(context.engine().tools());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/queue", this::state)
                .post("/api/queue/pause", this::pause)
                .post("/api/queue/resume", this::resume)
                .post("/api/queue/drain", this::drain);
    }

    private void state(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, stateOf(context, durations));
    }

    private void pause(ServerRequest request, ServerResponse response) {
        context.bodies().none(request);
        context.queue().pauseQueue();
        state(request, response);
    }

    private void resume(ServerRequest request, ServerResponse response) {
        context.bodies().none(request);
        context.queue().resumeQueue();
        state(request, response);
    }

    /** Finish the running jobs, then pause: answers "draining", or "paused" when nothing was running. */
    private void drain(ServerRequest request, ServerResponse response) {
        context.bodies().none(request);
        context.queue().drainQueue();
        state(request, response);
    }

    static QueueModel stateOf(ApiContext context, QueuedDurations durations) {
        QueueForecast.Forecast forecast = new QueueForecast(
                        context.jobs(), context.queue(), context.clock(), durations.forOneRequest())
                .forecast();
        return new QueueModel(
                context.queue().isQueuePaused(),
                context.queue().maxWorkers(),
                context.queue().runningCount(),
                forecast.queueFinish().orElse(null),
                forecast.jobs().stream()
                        .map(estimate -> new QueueEstimateModel(
                                Long.toString(estimate.jobId()), estimate.start(), estimate.finish()))
                        .toList(),
                ScheduleViews.queueState(context.queue()),
                context.engine().schedule() == null
                        ? null
                        : ScheduleViews.model(context.engine().schedule()));
    }
}
