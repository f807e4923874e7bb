-- The watched folder a job's file was found in, as in SQLite's V008 (decision 0022): the folder's absolute
-- path as the config named it when the job was created; NULL for jobs from before this column and jobs
-- added by hand.

ALTER TABLE jobs ADD COLUMN watch_folder TEXT;
CREATE INDEX jobs_by_watch_folder ON jobs (watch_folder, id DESC);
