-- Statistics over a long history without reading it all.
--
-- job_totals keeps, per status, how many jobs there are and the sum of their processing times. Triggers
-- update it in the same transaction as every change to jobs, so it can never disagree with the table; it is
-- derived data only, and the UPDATE at the end of this script recomputes it from scratch. The triggers (a
-- PL/pgSQL function each) are created by history.jdbc.JobTotals, not here: their bodies hold semicolons,
-- and scripts are split on them. A new status value in jobs needs its row here too.

CREATE TABLE job_totals (
    status           TEXT             PRIMARY KEY,
    jobs             BIGINT           NOT NULL DEFAULT 0,
    processing_count BIGINT           NOT NULL DEFAULT 0,
    processing_sum   DOUBLE PRECISION NOT NULL DEFAULT 0
);

INSERT INTO job_totals (status) VALUES
    ('WAITING'), ('QUEUED'), ('PROCESSING'), ('PAUSED'), ('COMPLETED'), ('FAILED'), ('CANCELLED');

UPDATE job_totals
   SET jobs = (SELECT COUNT(*) FROM jobs WHERE jobs.status = job_totals.status),
       processing_count = (SELECT COUNT(processing_seconds) FROM jobs WHERE jobs.status = job_totals.status),
       processing_sum = (SELECT COALESCE(SUM(processing_seconds), 0) FROM jobs
                          WHERE jobs.status = job_totals.status);

-- Buckets and timelines read finished jobs by time; with these columns in the index they never touch the table.
CREATE INDEX jobs_history_by_completed_at
    ON jobs (completed_at, status, processing_seconds, media_duration_seconds);
