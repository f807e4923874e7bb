package dev.bulletproof.desktop.webhooks;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.format.Formats;
import dev.bulletproof.model.WebhookDeliveryModel;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The latest webhook deliveries and the "send a test event" command. Endpoints are set in the daemon's config
 * file only (it never shows their secrets), so this screen reads and tests them, nothing more.
 */
public final class WebhooksViewModel {

    /** One delivery as a table row. */
    public record Row(String id, String event, String endpoint, String outcome, String status, String changed) {}

    private final Supplier<BulletproofClient> client;
    private final BackgroundCalls calls;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");

    public WebhooksViewModel(Supplier<BulletproofClient> client, BackgroundCalls calls, ZoneId zone) {
        this.client = client;
        this.calls = calls;
        this.zone = zone;
    }

    public void refresh() {
        calls.run(() -> client.get().webhookDeliveries(), this::show, e -> message.set(BackgroundCalls.describe(e)));
    }

    public void sendTestEvent() {
        calls.run(
                () -> client.get().sendTestWebhook(),
                queued -> {
                    testQueued(queued);
                    refresh();
                },
                e -> message.set(BackgroundCalls.describe(e)));
    }

    void show(List<WebhookDeliveryModel> deliveries) {
        rows.setAll(deliveries.stream().map(this::row).toList());
        message.set("");
    }

    void testQueued(List<WebhookDeliveryModel> queued) {
        note.set(
                queued.isEmpty()
                        ? "No webhooks are set in the daemon's config file."
                        : "Test event queued for " + queued.size() + " endpoint(s).");
    }

    private Row row(WebhookDeliveryModel delivery) {
        String event = delivery.jobId() == null ? delivery.event() : delivery.event() + " · job " + delivery.jobId();
        return new Row(
                delivery.id(),
                event,
                delivery.url(),
                outcome(delivery),
                delivery.status(),
                Formats.dateTime(delivery.updatedAt(), zone));
    }

    /** How a delivery went, in words: "delivered (HTTP 200, 3 attempts)", "retrying: HTTP 500 (attempt 1)". */
    public static String outcome(WebhookDeliveryModel delivery) {
        String attempts = delivery.attempts() == 1 ? "attempt 1" : delivery.attempts() + " attempts";
        String answer = delivery.lastStatusCode() == null ? null : "HTTP " + delivery.lastStatusCode();
        String why = delivery.lastError() != null ? delivery.lastError() : answer != null ? answer : "no answer";
        return switch (delivery.status()) {
            case "delivered" -> "delivered (" + (answer == null ? "" : answer + ", ") + attempts + ")";
            case "failed" -> "gave up after " + attempts + ": " + why;
            default -> delivery.attempts() == 0 ? "waiting to be sent" : "retrying: " + why + " (" + attempts + ")";
        };
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty noteProperty() {
        return note;
    }
}
