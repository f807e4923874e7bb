package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.jobs.QueueControl;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** /api/queue: whether new jobs start, and how many may run at once. */
final class QueueService implements HttpService {

    /** @param running busy workers: jobs processing right now; a paused job holds no worker */
    record QueueState(boolean paused, int maxWorkers, int running) {}

    private final ApiContext context;

    QueueService(ApiContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/queue", this::state)
                .post("/api/queue/pause", this::pause)
                .post("/api/queue/resume", this::resume);
    }

    private void state(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, stateOf(context.queue()));
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

    static QueueState stateOf(QueueControl queue) {
        return new QueueState(queue.isQueuePaused(), queue.maxWorkers(), queue.runningCount());
    }
}
