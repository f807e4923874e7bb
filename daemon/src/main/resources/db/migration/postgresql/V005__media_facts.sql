-- Media facts kept on the job row, as in SQLite's V005: what the probe learned when the job was queued,
-- the published output's size, and whether a poster frame was made (thumbnails/<job id>.jpg in the
-- data folder of the node that made it). media_facts is display-only JSON text.

ALTER TABLE jobs ADD COLUMN media_facts TEXT;
ALTER TABLE jobs ADD COLUMN output_size BIGINT;
ALTER TABLE jobs ADD COLUMN thumbnail BOOLEAN;
