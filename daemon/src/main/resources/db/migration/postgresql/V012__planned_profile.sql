-- The profile a job was planned with, whole (JSON of every field), so that every node of a cluster runs it
-- the same way even when their config files define the profile differently or not at all. NULL for jobs
-- queued before this column: they are run by their profile's name, as before.
ALTER TABLE jobs ADD COLUMN planned_profile TEXT;
