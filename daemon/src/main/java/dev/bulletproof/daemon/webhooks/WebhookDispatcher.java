package dev.bulletproof.daemon.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.config.WebhookEndpoint;
import dev.bulletproof.daemon.events.DiskSpaceLow;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Turns the daemon's events into stored webhook deliveries, one per interested endpoint, and hands them to
 * the {@link WebhookSender}. Recording is one small insert on the publisher's thread (so the delivery is
 * durable before anything else happens); sending happens on the sender's own threads, so no job ever waits
 * for a receiver.
 *
 * <p>{@code queue.drained} is sent when the last queued or running job has finished after there was work:
 * the check reads the database, so it runs on the sender's thread, never on the publisher's.
 */
public final class WebhookDispatcher implements WebhookHistory, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    static final String TEST_EVENT = "webhook.test";

    private final List<WebhookEndpoint> endpoints;
    private final DeliveryStore store;
    private final Clock clock;
    private final Function<Job, Object> jobView;
    private final BooleanSupplier queueIsEmpty;
    private final WebhookSender sender;
    private final ObjectMapper json = Json.mapper();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    /** Work was queued or running since the last queue.drained; guarded by itself. */
    private final AtomicBoolean busy = new AtomicBoolean();

    /**
     * @param jobView the job as the API shows it (the payload's {@code job})
     * @param queueIsEmpty true when no job is queued, processing or paused
     */
    public WebhookDispatcher(
            List<WebhookEndpoint> endpoints,
            DeliveryStore store,
            EventBus bus,
            Clock clock,
            Function<Job, Object> jobView,
            BooleanSupplier queueIsEmpty,
            WebhookSender sender) {
        this.endpoints = List.copyOf(endpoints);
        this.store = store;
        this.clock = clock;
        this.jobView = jobView;
        this.queueIsEmpty = queueIsEmpty;
        this.sender = sender;
        if (!this.endpoints.isEmpty()) {
            subscriptions.add(bus.subscribe(JobEvent.Changed.class, this::onJobChanged));
            subscriptions.add(bus.subscribe(DiskSpaceLow.class, this::onDiskLow));
            sender.afterEachRound(this::checkDrained);
        }
    }

    private void onJobChanged(JobEvent.Changed changed) {
        Job job = changed.job();
        switch (changed.change()) {
            case COMPLETED -> record("job.completed", job, null);
            case FAILED -> record("job.failed", job, null);
            case RETRY_SCHEDULED, RETRIED -> record("job.retried", job, null);
            default -> {}
        }
        if (job.status() == JobStatus.QUEUED || job.status().isActive()) {
            busy.set(true);
        } else if (job.status().isFinished() && busy.get()) {
            sender.wakeUp(); // it checks whether that was the last one
        }
    }

    private void onDiskLow(DiskSpaceLow low) {
        ObjectNode disk = json.createObjectNode();
        disk.put("folder", low.folder().toString());
        disk.put("free_bytes", low.freeBytes());
        disk.put("needed_bytes", low.neededBytes());
        disk.put("message", low.message());
        record("disk.low", null, disk);
    }

    /**
     * A node found dead: one {@code node.down} delivery per endpoint that wants it and per death, however
     * many rounds or leaders see it. Its delivery id is made from the node and its last heartbeat, so the
     * second sight is refused by the store, on this node or any other.
     */
    public void nodeDown(String nodeId, String name, Instant lastHeartbeat, List<Long> requeuedJobIds) {
        boolean any = false;
        for (WebhookEndpoint endpoint : endpoints) {
            if (!endpoint.wants("node.down")) {
                continue;
            }
            String deliveryId = "node.down-" + nodeId + "-" + lastHeartbeat.toEpochMilli() + "-"
                    + UUID.nameUUIDFromBytes(endpoint.url().toString().getBytes(StandardCharsets.UTF_8));
            ObjectNode node = json.createObjectNode();
            node.put("id", nodeId);
            node.put("name", name);
            node.put("last_heartbeat", lastHeartbeat.toString());
            var requeued = node.putArray("requeued_jobs");
            requeuedJobIds.forEach(id -> requeued.add(Long.toString(id)));
            Instant now = clock.instant();
            try {
                any |= store.addOnce(
                                deliveryId,
                                endpoint.url().toString(),
                                "node.down",
                                payload(deliveryId, "node.down", now, null, "node", node),
                                now)
                        .isPresent();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "could not record the node.down webhook for " + endpoint, e);
            }
        }
        if (any) {
            sender.wakeUp();
        }
    }

    /** Runs on the sender's thread after each round. */
    private void checkDrained() {
        if (busy.get() && queueIsEmpty.getAsBoolean() && busy.compareAndSet(true, false)) {
            record("queue.drained", null, null);
        }
    }

    @Override
    public List<Delivery> sendTest() {
        List<Delivery> queued = new ArrayList<>();
        for (WebhookEndpoint endpoint : endpoints) {
            queued.add(add(endpoint, TEST_EVENT, null, null));
        }
        sender.wakeUp();
        return queued;
    }

    @Override
    public List<Delivery> recent(int limit) {
        return store.recent(limit);
    }

    @Override
    public String shownUrl(String url) {
        try {
            return endpoints.stream()
                    .filter(e -> e.url().toString().equals(url))
                    .findFirst()
                    .map(WebhookEndpoint::shownUrl)
                    .orElseGet(() -> WebhookEndpoint.shown(URI.create(url)));
        } catch (IllegalArgumentException e) {
            return "(address not shown)";
        }
    }

    private void record(String event, Job job, ObjectNode extra) {
        boolean any = false;
        for (WebhookEndpoint endpoint : endpoints) {
            if (endpoint.wants(event)) {
                try {
                    add(endpoint, event, job, extra);
                    any = true;
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "could not record the " + event + " webhook for " + endpoint, e);
                }
            }
        }
        if (any) {
            sender.wakeUp();
        }
    }

    private Delivery add(WebhookEndpoint endpoint, String event, Job job, ObjectNode extra) {
        String deliveryId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return store.add(
                deliveryId,
                endpoint.url().toString(),
                event,
                job == null ? null : job.id(),
                payload(deliveryId, event, now, job, "disk", extra),
                now);
    }

    /** The body, fixed once: every attempt sends the same bytes, so a receiver sees one event, not versions of it. */
    private String payload(String deliveryId, String event, Instant time, Job job, String extraName, ObjectNode extra) {
        ObjectNode body = json.createObjectNode();
        body.put("event", event);
        body.put("delivery_id", deliveryId);
        body.put("time", time.toString());
        if (job != null) {
            body.set("job", json.valueToTree(jobView.apply(job)));
        }
        if (extra != null) {
            body.set(extraName, extra);
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload is plain JSON", e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a subscription failed", e);
            }
        }
    }
}
