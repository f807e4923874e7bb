package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.webhooks.Delivery;
import dev.bulletproof.daemon.webhooks.WebhookHistory;
import dev.bulletproof.model.WebhookDeliveryModel;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;

/**
 * /api/webhooks: the delivery history and a test event. Endpoints (addresses, secrets) are set in the config
 * file only and never shown with their secret (docs/decisions/0023-webhooks-are-set-in-the-config-file.md).
 */
final class WebhooksService implements HttpService {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final ApiContext context;

    WebhooksService(ApiContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/webhooks/deliveries", this::deliveries).post("/api/webhooks/test", this::test);
    }

    private void deliveries(ServerRequest request, ServerResponse response) {
        int limit = QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        WebhookHistory webhooks = context.engine().webhooks();
        JsonBodies.send(response, webhooks == null ? List.of() : views(webhooks, webhooks.recent(limit)));
    }

    private void test(ServerRequest request, ServerResponse response) {
        context.bodies().none(request);
        WebhookHistory webhooks = context.engine().webhooks();
        JsonBodies.send(response, webhooks == null ? List.of() : views(webhooks, webhooks.sendTest()));
    }

    private static List<WebhookDeliveryModel> views(WebhookHistory webhooks, List<Delivery> deliveries) {
        return deliveries.stream().map(delivery -> view(webhooks, delivery)).toList();
    }

    static WebhookDeliveryModel view(WebhookHistory webhooks, Delivery delivery) {
        return new WebhookDeliveryModel(
                delivery.deliveryId(),
                webhooks.shownUrl(delivery.url()),
                delivery.event(),
                delivery.jobId() == null ? null : Long.toString(delivery.jobId()),
                delivery.status().name().toLowerCase(Locale.ROOT),
                delivery.attempts(),
                delivery.lastStatusCode(),
                delivery.lastError(),
                delivery.createdAt(),
                delivery.updatedAt(),
                delivery.status() == Delivery.Status.PENDING ? delivery.nextAttemptAt() : null);
    }
}
