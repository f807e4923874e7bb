-- A node's pause as the whole cluster sees it, and a pause or resume asked for by another node.
--
-- paused is written by the node itself with each heartbeat (whether its queue is paused). pause_request
-- is written by any node's API (true: pause, false: resume); the node applies it at its next heartbeat
-- and clears it, only if it is still the request it read, so a newer one is never lost. Kept in the
-- table, a request made while the node is away is applied when it comes back.

ALTER TABLE nodes ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE nodes ADD COLUMN pause_request INTEGER;
