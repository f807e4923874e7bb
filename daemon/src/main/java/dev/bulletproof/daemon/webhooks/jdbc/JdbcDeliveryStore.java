package dev.bulletproof.daemon.webhooks.jdbc;

import dev.bulletproof.daemon.db.RowMapper;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.webhooks.Delivery;
import dev.bulletproof.daemon.webhooks.DeliveryStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link DeliveryStore} on the daemon's database (table {@code webhook_deliveries}, migration V008). */
public final class JdbcDeliveryStore implements DeliveryStore {

    private static final RowMapper<Delivery> DELIVERY = row -> {
        long jobId = row.getLong("job_id");
        Long job = row.wasNull() ? null : jobId;
        int code = row.getInt("last_status_code");
        Integer statusCode = row.wasNull() ? null : code;
        return new Delivery(
                row.getLong("id"),
                row.getString("delivery_id"),
                row.getString("url"),
                row.getString("event"),
                job,
                row.getString("payload"),
                Delivery.Status.valueOf(row.getString("status")),
                row.getInt("attempts"),
                Instant.ofEpochMilli(row.getLong("next_attempt_at")),
                statusCode,
                row.getString("last_error"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("updated_at")));
    };

    private final SqlDatabase database;

    public JdbcDeliveryStore(SqlDatabase database) {
        this.database = database;
    }

    @Override
    public Delivery add(String deliveryId, String url, String event, Long jobId, String payload, Instant now) {
        return database.inTransaction(tx -> {
            long id = tx.insert(
                    "INSERT INTO webhook_deliveries (delivery_id, url, event, job_id, payload, status, attempts,"
                            + " next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)",
                    deliveryId,
                    url,
                    event,
                    jobId,
                    payload,
                    now,
                    now,
                    now);
            return tx.queryOne("SELECT * FROM webhook_deliveries WHERE id = ?", DELIVERY, id)
                    .orElseThrow();
        });
    }

    @Override
    public Optional<Delivery> addOnce(String deliveryId, String url, String event, String payload, Instant now) {
        return database.inTransaction(tx -> {
            // One statement both databases read the same way; the unique delivery_id decides, also between
            // two nodes recording it at the same instant.
            int added = tx.update(
                    "INSERT INTO webhook_deliveries (delivery_id, url, event, job_id, payload, status, attempts,"
                            + " next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, 'PENDING', 0, ?, ?, ?)"
                            + " ON CONFLICT (delivery_id) DO NOTHING",
                    deliveryId,
                    url,
                    event,
                    payload,
                    now,
                    now,
                    now);
            return added == 0
                    ? Optional.<Delivery>empty()
                    : tx.queryOne("SELECT * FROM webhook_deliveries WHERE delivery_id = ?", DELIVERY, deliveryId);
        });
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        return database.query(
                "SELECT * FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, id LIMIT ?",
                DELIVERY,
                now,
                limit);
    }

    @Override
    public Optional<Instant> nextDue() {
        return database.queryOne(
                "SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status = 'PENDING'", row -> {
                    long millis = row.getLong(1);
                    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
                });
    }

    @Override
    public boolean claim(Delivery delivery, Instant leaseUntil, Instant now) {
        return database.inTransaction(tx -> tx.update(
                        "UPDATE webhook_deliveries SET next_attempt_at = ?, updated_at = ?"
                                + " WHERE id = ? AND status = 'PENDING' AND attempts = ? AND next_attempt_at = ?",
                        leaseUntil,
                        now,
                        delivery.id(),
                        delivery.attempts(),
                        delivery.nextAttemptAt())
                == 1);
    }

    @Override
    public void delivered(long id, int attempts, int statusCode, Instant now) {
        database.inTransaction(tx -> tx.update(
                "UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = ?, last_status_code = ?,"
                        + " last_error = NULL, updated_at = ? WHERE id = ?",
                attempts,
                statusCode,
                now,
                id));
    }

    @Override
    public void attemptFailed(long id, int attempts, Integer statusCode, String error, Instant retryAt, Instant now) {
        database.inTransaction(tx -> tx.update(
                "UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status_code = ?, last_error = ?,"
                        + " next_attempt_at = ?, updated_at = ? WHERE id = ?",
                retryAt == null ? "FAILED" : "PENDING",
                attempts,
                statusCode,
                error,
                retryAt == null ? now : retryAt,
                now,
                id));
    }

    @Override
    public List<Delivery> recent(int limit) {
        return database.query("SELECT * FROM webhook_deliveries ORDER BY id DESC LIMIT ?", DELIVERY, limit);
    }

    @Override
    public int prune(Instant before) {
        return database.inTransaction(tx -> tx.update(
                "DELETE FROM webhook_deliveries WHERE status IN ('DELIVERED', 'FAILED') AND updated_at < ?", before));
    }
}
