-- The nodes and the lease each running job is held under, as in PostgreSQL's V006 (decisions 0019 and
-- 0020). A daemon on SQLite is the only node of its database: it registers and beats like any node, so the
-- node list has the same shape everywhere, but nothing rescues its jobs (its start-up recovery does).

CREATE TABLE nodes (
    id             TEXT    PRIMARY KEY,
    name           TEXT    NOT NULL,
    version        TEXT    NOT NULL,
    max_workers    INTEGER NOT NULL,
    busy_workers   INTEGER NOT NULL DEFAULT 0,
    encoders       TEXT    NOT NULL,
    started_at     INTEGER NOT NULL,
    last_heartbeat INTEGER NOT NULL
);

ALTER TABLE jobs ADD COLUMN node_id TEXT;
ALTER TABLE jobs ADD COLUMN lease INTEGER NOT NULL DEFAULT 0;

CREATE INDEX jobs_running_by_node ON jobs (node_id, status);
