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
    job_id           BIGINT           NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    kind             TEXT             NOT NULL CHECK (kind IN ('video', 'audio')),
    idx              INTEGER          NOT NULL,
    start_seconds    DOUBLE PRECISION NOT NULL,
    duration_seconds DOUBLE PRECISION NOT NULL,
    start_frame      BIGINT           NOT NULL,
    frame_count      BIGINT           NOT NULL,
    state            TEXT             NOT NULL CHECK (state IN ('queued', 'running', 'done')),
    attempts         INTEGER          NOT NULL DEFAULT 0,
    lease            BIGINT,
    node_id          TEXT,
    worker           INTEGER,
    size_bytes       BIGINT,
    sha256           TEXT,
    on_disk          BOOLEAN          NOT NULL DEFAULT FALSE,
    updated_at       BIGINT           NOT NULL,
    PRIMARY KEY (job_id, kind, idx)
);
