-- Which reading of the minutes made each document's records (a stamp of the parser and the
-- text extraction that read it). A store made before this version has none, so its minutes
-- are read again by the next ingest: a better reading reaches minutes already stored, with
-- notes and tracking kept as for a changed file.
ALTER TABLE document ADD COLUMN parsed_with VARCHAR;

DROP INDEX IF EXISTS ix_document_known;

CREATE INDEX ix_document_known ON document
	(path, id, sha256, size, mtime_ns, key, relpath, missing_since, same_as, parsed_with);
