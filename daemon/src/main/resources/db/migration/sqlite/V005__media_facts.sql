-- Media facts kept on the job row: what the probe learned when the job was queued, the published output's
-- size, and whether a poster frame was made (thumbnails/<job id>.jpg in the data folder).
--
-- media_facts is the probe's codecs, frame rate and audio tracks as a small JSON text (shared-model
-- MediaFacts); clients only display it, so no query looks inside it.

ALTER TABLE jobs ADD COLUMN media_facts TEXT;
ALTER TABLE jobs ADD COLUMN output_size INTEGER;
ALTER TABLE jobs ADD COLUMN thumbnail INTEGER;
