-- Jobs and their state history. Times are epoch milliseconds (UTC), booleans 0/1, enums their names.

CREATE TABLE jobs (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    input_path             TEXT    NOT NULL,
    input_size             INTEGER NOT NULL,
    input_mtime            INTEGER NOT NULL,
    filename               TEXT    NOT NULL,
    status                 TEXT    NOT NULL CHECK (status IN
                               ('WAITING', 'QUEUED', 'PROCESSING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED')),
    status_reason          TEXT,
    profile                TEXT,
    output_path            TEXT,
    on_success             TEXT CHECK (on_success IS NULL OR on_success IN ('KEEP', 'MOVE', 'DELETE')),
    priority               INTEGER NOT NULL DEFAULT 0,
    attempts               INTEGER NOT NULL DEFAULT 0,
    error                  TEXT,
    created_at             INTEGER NOT NULL,
    started_at             INTEGER,
    completed_at           INTEGER,
    not_before             INTEGER,
    media_duration_seconds REAL,
    bitrate                INTEGER,
    resolution             TEXT,
    verified               INTEGER,
    processing_seconds     REAL,
    version                INTEGER NOT NULL DEFAULT 0
);

-- Claiming: the next queued job by priority, then oldest first.
CREATE INDEX jobs_claim_order ON jobs (status, priority DESC, created_at, id);

-- De-duplication: has this exact file (path, size, mtime) been seen before?
CREATE INDEX jobs_by_input ON jobs (input_path, input_size, input_mtime);

-- Listing newest first uses the primary key; these serve the status and profile filters of that list.
CREATE INDEX jobs_by_status_newest ON jobs (status, id DESC);
CREATE INDEX jobs_by_profile_newest ON jobs (profile, id DESC);

-- History and statistics by the time a job finished.
CREATE INDEX jobs_by_completed_at ON jobs (completed_at);

CREATE TABLE job_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id      INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    type        TEXT    NOT NULL,
    from_status TEXT,
    to_status   TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    detail      TEXT
);

CREATE INDEX job_events_by_job ON job_events (job_id, id);
