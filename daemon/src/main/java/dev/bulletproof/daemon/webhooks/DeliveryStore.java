package dev.bulletproof.daemon.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The durable record of webhook deliveries; every write is one transaction. */
public interface DeliveryStore {

    /** Records a new pending delivery, due at {@code now}. */
    Delivery add(String deliveryId, String url, String event, Long jobId, String payload, Instant now);

    /**
     * Records a new pending delivery unless one with this {@code deliveryId} exists (made by this node or
     * another one sharing the database): an event several nodes may see is recorded once.
     *
     * @return the new delivery, or empty when it was already recorded
     */
    Optional<Delivery> addOnce(String deliveryId, String url, String event, String payload, Instant now);

    /** Pending deliveries due at {@code now}, the longest waiting first. */
    List<Delivery> due(Instant now, int limit);

    /** When the next pending delivery is due, if any is pending. */
    Optional<Instant> nextDue();

    /**
     * Takes a due delivery for one attempt: moves its due time to {@code leaseUntil}, so that if the daemon
     * dies mid-attempt the delivery is sent again after that, and no other sender takes it meanwhile.
     *
     * @return false when it was taken or changed since it was read
     */
    boolean claim(Delivery delivery, Instant leaseUntil, Instant now);

    /** The attempt got a 2xx answer. */
    void delivered(long id, int attempts, int statusCode, Instant now);

    /**
     * The attempt failed; the delivery is due again at {@code retryAt}, or failed for good when that is null.
     *
     * @param statusCode the answer's status, or null when none came
     */
    void attemptFailed(long id, int attempts, Integer statusCode, String error, Instant retryAt, Instant now);

    /** Newest first. */
    List<Delivery> recent(int limit);

    /** Deletes delivered and failed records last changed before {@code before}; returns how many. */
    int prune(Instant before);
}
