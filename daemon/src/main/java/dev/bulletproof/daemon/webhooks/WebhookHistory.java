package dev.bulletproof.daemon.webhooks;

import java.util.List;

/** What the API shows and does about webhooks: the delivery history and a test event. */
public interface WebhookHistory {

    /** The latest deliveries, newest first. */
    List<Delivery> recent(int limit);

    /** Queues a {@code webhook.test} event for every configured endpoint; returns the deliveries queued. */
    List<Delivery> sendTest();

    /** How a stored address is shown: without user info or query. */
    String shownUrl(String url);
}
