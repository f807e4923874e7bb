-- The nodes of a cluster and the lease each running job is held under (decisions 0019 and 0020).
--
-- A node is one daemon: its id is kept in its data folder, so a restart is the same node. last_heartbeat
-- is written from the database's own clock (never a node's), so "dead" (no heartbeat for the node timeout)
-- means the same to every node whatever their clocks say.
--
-- jobs.node_id is the node that claimed the job last; jobs.lease is bumped by every claim and every
-- rescue, and each write of a run's outcome (and its publish intent) names the lease it was claimed with:
-- a node whose job was taken over writes nothing.

CREATE TABLE nodes (
    id             TEXT    PRIMARY KEY,
    name           TEXT    NOT NULL,
    version        TEXT    NOT NULL,
    max_workers    INTEGER NOT NULL,
    busy_workers   INTEGER NOT NULL DEFAULT 0,
    encoders       TEXT    NOT NULL,
    started_at     BIGINT  NOT NULL,
    last_heartbeat BIGINT  NOT NULL
);

ALTER TABLE jobs ADD COLUMN node_id TEXT;
ALTER TABLE jobs ADD COLUMN lease BIGINT NOT NULL DEFAULT 0;

-- The rescuer and a node's start-up recovery look for the running jobs of one node.
CREATE INDEX jobs_running_by_node ON jobs (node_id, status);
