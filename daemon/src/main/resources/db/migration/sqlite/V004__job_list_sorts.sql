-- The job list's sortable columns (GET /api/jobs?sort=...). Ties are broken by id, newest first when the
-- key ascends, so each index ends with id DESC and a page of a sorted list of any length is read in index
-- order (backwards for a descending sort), with no sort of the table. Sorting by creation uses the primary
-- key, by status the index jobs_by_status_newest of V001.

CREATE INDEX jobs_sorted_by_finished ON jobs (completed_at, id DESC);
CREATE INDEX jobs_sorted_by_filename ON jobs (filename, id DESC);
CREATE INDEX jobs_sorted_by_duration ON jobs (media_duration_seconds, id DESC);
CREATE INDEX jobs_sorted_by_processing_time ON jobs (processing_seconds, id DESC);
