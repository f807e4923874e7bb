package dev.bulletproof.daemon.webhooks;

import java.time.Instant;

/**
 * One event for one endpoint, as stored: what is sent (the body, fixed when the event happened), and how
 * sending it went so far.
 *
 * @param deliveryId sent in {@code X-Bulletproof-Delivery}; the same on every attempt
 * @param url the endpoint's address as configured; the secret is looked up by it at each attempt
 * @param nextAttemptAt when a pending delivery is due; meaningless once delivered or failed
 */
public record Delivery(
        long id,
        String deliveryId,
        String url,
        String event,
        Long jobId,
        String payload,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }
}
