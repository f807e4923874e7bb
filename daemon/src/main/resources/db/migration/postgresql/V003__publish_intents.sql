-- The publish journal: one row per job whose verified output is being given its final name.
--
-- A row is written (durably) after verification and before the rename, and deleted in the same transaction
-- that records the job as completed. A row found at start-up therefore means "a crash hit the publish
-- sequence"; recovery finishes it (the output exists or its verified temporary file does) or rolls it back.
-- See docs/decisions/0003-exactly-once-publish.md for every crash point and what recovery does there.

CREATE TABLE publish_intents (
    job_id             BIGINT           PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    temp_path          TEXT             NOT NULL,
    final_path         TEXT             NOT NULL,
    size               BIGINT           NOT NULL,
    fingerprint        TEXT             NOT NULL,
    processing_seconds DOUBLE PRECISION NOT NULL,
    -- Set once the input's on_success action is about to run: DELETE, or MOVE to disposal_target.
    disposal           TEXT CHECK (disposal IS NULL OR disposal IN ('DELETE', 'MOVE')),
    disposal_target    TEXT,
    created_at         BIGINT           NOT NULL
);
