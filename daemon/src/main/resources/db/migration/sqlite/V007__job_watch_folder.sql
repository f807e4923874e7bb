-- The watched folder a job's file was found in (decision 0022): the folder's absolute path as the config
-- named it when the job was created, so a list can show and filter each folder's jobs. Jobs created before
-- this column, and jobs added by hand, keep NULL: "no folder recorded". A path rather than a number:
-- folders in the config have no identity but their path, and a list entry's position changes as
-- folders are added and removed.

ALTER TABLE jobs ADD COLUMN watch_folder TEXT;
CREATE INDEX jobs_by_watch_folder ON jobs (watch_folder, id DESC);
