package dev.bulletproof.daemon.webhooks;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.config.WebhookEndpoint;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.events.EventBus;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends due deliveries, each attempt on a virtual thread of its own (a slow receiver delays only its own
 * deliveries), at most {@link #IN_FLIGHT} at a time. Before an attempt the delivery is claimed (its due time
 * moved past the attempt's timeout), so a crash mid-attempt only makes it due again later. A 2xx answer
 * delivers it; anything else (another status, a refused connection, a timeout) schedules the next attempt
 * after the endpoint's retry delay, doubled per failed attempt, until its max_attempts are used up.
 *
 * <p>Redirects are not followed: the address in the config file is the only place a delivery goes.
 */
public final class WebhookSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());
    private static final int IN_FLIGHT = 8;
    private static final int BATCH = 32;
    /** Added to an attempt's timeout for its lease: the time it may take to record the outcome. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private static final Duration IDLE_RECHECK = Duration.ofSeconds(5);
    private static final Duration KEEP_FINISHED = Duration.ofDays(30);
    private static final int MAX_ERROR_LENGTH = 300;

    private final Map<String, WebhookEndpoint> endpoints;
    private final DeliveryStore store;
    private final EventBus bus;
    private final Clock clock;
    private final String userAgent;
    private final HttpClient http;
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final Semaphore wake = new Semaphore(0);
    private volatile Runnable afterEachRound = () -> {};
    private BackgroundLoop loop;

    public WebhookSender(
            List<WebhookEndpoint> endpoints, DeliveryStore store, EventBus bus, Clock clock, String version) {
        this.endpoints = endpoints.stream()
                .collect(Collectors.toUnmodifiableMap(endpoint -> endpoint.url().toString(), Function.identity()));
        this.store = store;
        this.bus = bus;
        this.clock = clock;
        this.userAgent = "Bulletproof/" + version;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Starts sending: what is pending from before a restart goes first. */
    public void start() {
        int pruned = store.prune(clock.instant().minus(KEEP_FINISHED));
        if (pruned > 0) {
            LOG.log(System.Logger.Level.INFO, "removed {0} webhook deliveries older than 30 days", pruned);
        }
        loop = BackgroundLoop.start("bulletproof-webhooks", this::round);
    }

    void afterEachRound(Runnable check) {
        this.afterEachRound = check;
    }

    public void wakeUp() {
        wake.release();
    }

    private void round() throws InterruptedException {
        Instant now = clock.instant();
        for (Delivery delivery : store.due(now, BATCH)) {
            WebhookEndpoint endpoint = endpoints.get(delivery.url());
            if (endpoint == null) {
                store.attemptFailed(
                        delivery.id(),
                        delivery.attempts(),
                        null,
                        "this address is no longer among the config file's webhooks",
                        null,
                        now);
                continue;
            }
            if (!store.claim(delivery, now.plus(endpoint.timeout()).plus(LEASE_MARGIN), now)) {
                continue; // another sender took it
            }
            inFlight.acquire();
            attempts.execute(() -> {
                try {
                    attempt(delivery, endpoint);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "webhook delivery " + delivery.deliveryId() + " failed", e);
                } finally {
                    inFlight.release();
                    wakeUp();
                }
            });
        }
        afterEachRound.run();
        Duration idle = store.nextDue()
                .map(at -> Duration.between(clock.instant(), at))
                .filter(wait -> wait.compareTo(IDLE_RECHECK) < 0)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .orElse(IDLE_RECHECK);
        if (wake.tryAcquire(Math.max(1, idle.toMillis()), TimeUnit.MILLISECONDS)) {
            wake.drainPermits();
        }
    }

    private void attempt(Delivery delivery, WebhookEndpoint endpoint) {
        int attempt = delivery.attempts() + 1;
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url())
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header("X-Bulletproof-Event", delivery.event())
                .header("X-Bulletproof-Delivery", delivery.deliveryId())
                .header("X-Bulletproof-Attempt", Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (endpoint.secret() != null && !endpoint.secret().isEmpty()) {
            request.header(WebhookSignature.HEADER, WebhookSignature.of(body, endpoint.secret()));
        }
        Integer status = null;
        String error;
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                store.delivered(delivery.id(), attempt, status, clock.instant());
                LOG.log(
                        System.Logger.Level.INFO,
                        "webhook " + delivery.event() + " delivered to " + endpoint.shownUrl() + " (attempt " + attempt
                                + ", HTTP " + status + ")");
                return;
            }
            error = "HTTP " + status;
        } catch (HttpTimeoutException e) {
            error = "no answer within " + endpoint.timeout().toMillis() / 1000.0 + " s";
        } catch (IOException e) {
            error = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            // Stopping: due again at once for the next start, this attempt not counted. Should the database be
            // gone already, the lease runs out and the next start sends it anyway.
            store.attemptFailed(
                    delivery.id(),
                    delivery.attempts(),
                    null,
                    "interrupted: the daemon stopped",
                    clock.instant(),
                    clock.instant());
            return;
        }
        failed(delivery, endpoint, attempt, status, shortened(error));
    }

    private void failed(Delivery delivery, WebhookEndpoint endpoint, int attempt, Integer status, String error) {
        Instant now = clock.instant();
        boolean last = attempt >= endpoint.maxAttempts();
        Instant retryAt = last ? null : now.plus(endpoint.delayAfter(attempt));
        store.attemptFailed(delivery.id(), attempt, status, error, retryAt, now);
        if (last) {
            String message = "webhook " + delivery.event() + " to " + endpoint.shownUrl() + " failed after " + attempt
                    + " attempts: " + error;
            LOG.log(System.Logger.Level.WARNING, message);
            bus.publish(Alert.warning(message));
        } else {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "webhook " + delivery.event() + " to " + endpoint.shownUrl() + " failed (attempt " + attempt + ": "
                            + error + "); next attempt at " + retryAt);
        }
    }

    private static String shortened(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    /** Stops sending; an attempt cut short is sent again by the next start, once its lease has run out. */
    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
        attempts.shutdownNow();
        try {
            attempts.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}
