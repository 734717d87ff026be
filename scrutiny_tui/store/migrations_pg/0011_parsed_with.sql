-- Which reading of the minutes made each document's records (see the single file's 0011).
ALTER TABLE document ADD COLUMN parsed_with TEXT;

DROP INDEX IF EXISTS ix_document_known;

CREATE INDEX ix_document_known ON document
	(path, id, sha256, size, mtime_ns, key, relpath, missing_since, same_as, parsed_with);
