package dev.bulletproof.model;

import java.time.Instant;

/**
 * One webhook delivery as the API shows it ({@code GET /api/webhooks/deliveries}): an event sent, or to be
 * sent, to one configured endpoint. Never carries the endpoint's secret.
 *
 * @param id the delivery id, also sent in the {@code X-Bulletproof-Delivery} header; receivers de-duplicate by it
 * @param url the endpoint's address without user info or query
 * @param event {@code job.completed}, {@code job.failed}, {@code job.retried}, {@code queue.drained},
 *     {@code disk.low} or {@code webhook.test}
 * @param jobId the job the event is about, or null
 * @param status {@code pending}, {@code delivered} or {@code failed} (given up after the endpoint's attempts)
 * @param attempts how many times it was sent
 * @param lastStatusCode the HTTP status of the last answer, or null when none came
 * @param lastError why the last attempt failed, in words, or null
 * @param nextAttemptAt when a pending delivery is sent next; null once delivered or failed
 */
public record WebhookDeliveryModel(
        String id,
        String url,
        String event,
        String jobId,
        String status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant nextAttemptAt) {}
