-- A person's override of a schedule ("run now for 2 h", "hold until tomorrow 07:00"), kept so that a restart
-- keeps it. One row per schedule: scope 'global' is the daemon's own schedule (the config file's schedule:
-- section); a watch folder's schedule gets a scope of its own. The row is replaced as a whole in one
-- transaction; a row whose until_at has passed means nothing and is deleted when next read or replaced.
-- See docs/decisions/0021-schedules-pause-by-suspending.md for what a crash leaves.

CREATE TABLE schedule_overrides (
    scope    TEXT    PRIMARY KEY,
    mode     TEXT    NOT NULL CHECK (mode IN ('RUN', 'HOLD')),
    until_at INTEGER NOT NULL,
    set_at   INTEGER NOT NULL
);
