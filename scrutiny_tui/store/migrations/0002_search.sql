-- Full-text search over agenda items, resolutions, recommendations, actions and the
-- member's own notes. Triggers keep the index in step with the tables, whoever writes
-- them (ingest, the app, the notes commands) and through ON DELETE CASCADE.
--
-- rowid = source row id * 8 + kind code, so a source row's entry is found by rowid:
--   1 item, 2 resolution, 3 recommendation, 4 action, 5 note (annotation)

CREATE VIRTUAL TABLE search_index USING fts5(
	kind UNINDEXED,
	ref UNINDEXED,
	item_id UNINDEXED,
	title,
	body,
	tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_item_insert AFTER INSERT ON agenda_item BEGIN
	INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
	VALUES (new.id * 8 + 1, 'item', new.uid, new.id, new.title, new.text);
END;

CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_item BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER search_resolution_insert AFTER INSERT ON resolution BEGIN
	INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
	VALUES (new.id * 8 + 2, 'resolution', new.uid, new.item_id, coalesce(new.label, ''), new.text);
END;

CREATE TRIGGER search_resolution_delete AFTER DELETE ON resolution BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER search_recommendation_insert AFTER INSERT ON recommendation BEGIN
	INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
	VALUES (new.id * 8 + 3, 'recommendation', new.uid, new.item_id, coalesce(new.ref, ''), new.text);
END;

CREATE TRIGGER search_recommendation_delete AFTER DELETE ON recommendation BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER search_action_insert AFTER INSERT ON action BEGIN
	INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
	VALUES (new.id * 8 + 4, 'action', new.uid, new.item_id, coalesce(new.body, ''), new.text);
END;

CREATE TRIGGER search_action_delete AFTER DELETE ON action BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;

-- Notes: indexed while live (not soft-deleted); the item is looked up when searching,
-- because a note's target moves when its minutes are re-ingested.
CREATE TRIGGER search_note_insert AFTER INSERT ON annotation WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
	VALUES (new.id * 8 + 5, 'note', new.uuid, NULL, new.tags, new.body || ' ' || new.quote_exact);
END;

CREATE TRIGGER search_note_update AFTER UPDATE ON annotation BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
	INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
	SELECT new.id * 8 + 5, 'note', new.uuid, NULL, new.tags, new.body || ' ' || new.quote_exact
	WHERE new.deleted_at IS NULL;
END;

CREATE TRIGGER search_note_delete AFTER DELETE ON annotation BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;

-- A store made before this index existed gets everything it holds indexed now.
INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
SELECT id * 8 + 1, 'item', uid, id, title, text FROM agenda_item;

INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
SELECT id * 8 + 2, 'resolution', uid, item_id, coalesce(label, ''), text FROM resolution;

INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
SELECT id * 8 + 3, 'recommendation', uid, item_id, coalesce(ref, ''), text FROM recommendation;

INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
SELECT id * 8 + 4, 'action', uid, item_id, coalesce(body, ''), text FROM action;

INSERT INTO search_index (rowid, kind, ref, item_id, title, body)
SELECT id * 8 + 5, 'note', uuid, NULL, tags, body || ' ' || quote_exact
FROM annotation WHERE deleted_at IS NULL;

-- The panes look records up by uid and group meetings by committee and date.
CREATE INDEX IF NOT EXISTS ix_meeting_body_date ON meeting (body, date);
CREATE INDEX IF NOT EXISTS ix_recommendation_tracking_status ON recommendation_tracking (status);
