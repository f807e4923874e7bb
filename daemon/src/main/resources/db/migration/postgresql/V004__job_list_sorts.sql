-- The job list's sortable columns (GET /api/jobs?sort=...), as in SQLite's V004. Ties are broken by id,
-- newest first when the key ascends; jobs without a value come last in both directions (NULLS LAST), so
-- each index is spelled for the ascending order with NULLS LAST. A descending sort reads it with an
-- incremental sort on top. Sorting by creation uses the primary key, by status jobs_by_status_newest.

CREATE INDEX jobs_sorted_by_finished ON jobs (completed_at NULLS LAST, id DESC);
CREATE INDEX jobs_sorted_by_filename ON jobs (filename, id DESC);
CREATE INDEX jobs_sorted_by_duration ON jobs (media_duration_seconds NULLS LAST, id DESC);
CREATE INDEX jobs_sorted_by_processing_time ON jobs (processing_seconds NULLS LAST, id DESC);
