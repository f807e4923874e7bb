-- The statistics summary counts jobs per status and averages the processing time of completed ones;
-- with processing_seconds in the index that is one pass over the index, never over the table.
CREATE INDEX jobs_by_status_processing ON jobs (status, processing_seconds);
