package dev.bulletproof.daemon.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One receiver of the daemon's webhooks, from the config file's {@code webhooks:} list (only there: see
 * docs/decisions/0023-webhooks-are-set-in-the-config-file.md).
 *
 * @param url an http or https address
 * @param events the event names it wants, a subset of {@link #EVENTS}
 * @param secret signs each body (hex HMAC-SHA256); null sends no signature
 * @param timeout how long one attempt may take, connecting included
 * @param maxAttempts attempts before a delivery is given up as failed
 * @param retryDelay the wait after the first failed attempt; it doubles after each further one, up to {@link
 *     #MAX_RETRY_DELAY}
 */
public record WebhookEndpoint(
        URI url, Set<String> events, String secret, Duration timeout, int maxAttempts, Duration retryDelay) {

    /** Every event a webhook may ask for; {@code node.down} is sent by a cluster's rescue leader. */
    public static final List<String> EVENTS =
            List.of("job.completed", "job.failed", "job.retried", "queue.drained", "disk.low", "node.down");

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(10);
    public static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);

    public WebhookEndpoint {
        events = Set.copyOf(events);
    }

    public boolean wants(String event) {
        return events.contains(event);
    }

    /** The wait before attempt {@code failedAttempts + 1}: the retry delay doubled per failure, capped. */
    public Duration delayAfter(int failedAttempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(MAX_RETRY_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    /** The address as shown to API clients: without user info or query, which may carry credentials. */
    public String shownUrl() {
        return shown(url);
    }

    public static String shown(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path + (url.getRawQuery() == null ? "" : "?…");
    }

    @Override
    public String toString() {
        // Never the secret: this ends up in log lines.
        return "WebhookEndpoint[" + shownUrl() + " " + events + "]";
    }
}
