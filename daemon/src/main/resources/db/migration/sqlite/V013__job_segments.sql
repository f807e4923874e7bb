-- The units of work of a segmented encode (docs/decisions/0027-segmented-encoding.md): one row per video
-- segment and one for the audio, which is encoded once for the whole file.
--
-- A row is planned (queued) when a segmented run starts, marked running (its attempt counted) when its
-- encode starts, and done only once its file beside the output was verified, with that file's size and
-- SHA-256, so a crash or a restart runs again only the rows not done. Each write names the job's lease
-- (decision 0020): a node whose job was taken over writes nothing. on_disk says the verified piece is still
-- kept beside the output: it is cleared once the pieces are removed (after the join, when the job is
-- cancelled, or at start-up once the job has finished), while the row stays as the record of how the output
-- was made. The rows go with their job.

CREATE TABLE job_segments (
    job_id           INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL CHECK (kind IN ('video', 'audio')),
    idx              INTEGER NOT NULL,
    start_seconds    REAL    NOT NULL,
    duration_seconds REAL    NOT NULL,
    start_frame      INTEGER NOT NULL,
    frame_count      INTEGER NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('queued', 'running', 'done')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    lease            INTEGER,
    node_id          TEXT,
    worker           INTEGER,
    size_bytes       INTEGER,
    sha256           TEXT,
    on_disk          INTEGER NOT NULL DEFAULT 0,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (job_id, kind, idx)
);
