-- Documents know who they are, and names say what they hold.
--
-- A document is recognised by its content (sha256) and by its logical source: the path
-- relative to the folder it was imported from (relpath), or the address it was synced from.
-- `key` is the document's stable name, given once and kept when its folder moves or its
-- file is edited: record uids and notes are built on it, never on the absolute path. A store
-- made before this migration keeps its paths as keys, so every uid, note and tracking row
-- still matches.
--
-- `missing_since` marks a file that has gone (shown, never deleted, with its notes);
-- `same_as` points a further copy or format of the same minutes at the document that holds
-- the meeting, so one meeting has several sources and each record appears once.

ALTER TABLE document ADD COLUMN key VARCHAR;

UPDATE document SET key = path;

CREATE UNIQUE INDEX ix_document_key ON document (key);

ALTER TABLE document ADD COLUMN relpath VARCHAR;

ALTER TABLE document ADD COLUMN missing_since DATETIME;

ALTER TABLE document ADD COLUMN same_as INTEGER REFERENCES document (id) ON DELETE SET NULL;

CREATE INDEX ix_document_same_as ON document (same_as);

ALTER TABLE annotation RENAME COLUMN document_path TO document_key;

DROP INDEX ix_annotation_document_path;

CREATE INDEX ix_annotation_document_key ON annotation (document_key);

ALTER TABLE meeting RENAME COLUMN body TO committee;

DROP INDEX ix_meeting_body;

CREATE INDEX ix_meeting_committee ON meeting (committee);

ALTER TABLE action RENAME COLUMN body TO due_to;

-- Every record a member can note or track, with the item and meeting that hold it: the one
-- place "which item holds this uid" is answered.
CREATE VIEW record (uid, kind, item_id, meeting_id, document_id, label, text) AS
	SELECT ai.uid, 'item', ai.id, ai.meeting_id, ai.document_id, ai.number, ai.title
	FROM agenda_item ai
	UNION ALL
	SELECT r.uid, 'resolution', r.item_id, ai.meeting_id, ai.document_id, r.label, r.text
	FROM resolution r JOIN agenda_item ai ON ai.id = r.item_id
	UNION ALL
	SELECT r.uid, 'recommendation', r.item_id, ai.meeting_id, ai.document_id, r.ref, r.text
	FROM recommendation r JOIN agenda_item ai ON ai.id = r.item_id
	UNION ALL
	SELECT a.uid, 'action', a.item_id, ai.meeting_id, ai.document_id, NULL, a.text
	FROM action a JOIN agenda_item ai ON ai.id = a.item_id;
