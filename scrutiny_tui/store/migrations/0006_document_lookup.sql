-- Deciding what an ingest must read starts from every document's path, size, mtime, hash,
-- key and logical source. Those columns sit after the document's text in each row, so a
-- plain scan walked every text's overflow pages (the whole archive, 0.5 s at 20k items).
-- This covering index answers the scan without touching the text.
CREATE INDEX ix_document_known ON document
	(path, id, sha256, size, mtime_ns, key, relpath, missing_since, same_as);

-- The committee-and-date index, named for what it holds since the column was renamed.
DROP INDEX IF EXISTS ix_meeting_body_date;

CREATE INDEX ix_meeting_committee_date ON meeting (committee, date);
