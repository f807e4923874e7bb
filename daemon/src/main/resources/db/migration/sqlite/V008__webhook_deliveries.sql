-- Webhook deliveries: one row per event and endpoint, written when the event happens and updated after each
-- attempt, so a restart (or a crash) between attempts loses none. A row is PENDING until a 2xx answer
-- (DELIVERED) or until the endpoint's max_attempts are used up (FAILED). A worker about to send pushes
-- next_attempt_at past the attempt's timeout first: a crash mid-attempt makes the row due again later, so
-- every delivery is sent at least once and receivers de-duplicate by delivery_id (docs/decisions/0023).
--
-- job_id is not a foreign key: deleting a finished job keeps the record of what was sent about it.

CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id      TEXT    NOT NULL UNIQUE,
    url              TEXT    NOT NULL,
    event            TEXT    NOT NULL,
    job_id           INTEGER,
    payload          TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
