-- A smaller store, and a search index that holds only what it searches.
--
-- The index kept a second copy of every item's, record's and note's text (FTS5's content
-- table) beside the tables it was copied from; search never read it back (snippets are cut
-- from the tables' text), so the index is now contentless: words and positions only. Its
-- rowid still says where each entry came from (source row id * 8 + kind code: 1 item,
-- 2 resolution, 3 recommendation, 4 action; a note: (2^48 + its id) * 8 + 5), and the view
-- search_entry gives each entry's kind, uid and item.
--
-- Items and their records are indexed by the writer (store/records.py, index_items), once
-- per document in one sorted statement: an insert trigger per row cost five times as much.
-- A contentless FTS5 index forgets an entry only when it is given the words it indexed, so
-- each delete trigger passes the old row's values, exactly as they were indexed; nothing
-- updates an indexed column in place (agenda items and their records are only replaced).
--
-- The discussion points of each item (its paragraphs, about a third of the store) were
-- written at every ingest and never read: they are gone. So is each record's "source" (its
-- passage of the minutes, a second copy of its words), which is the document's text at the
-- record's span.
DROP TRIGGER IF EXISTS search_item_insert;
DROP TRIGGER IF EXISTS search_item_delete;
DROP TRIGGER IF EXISTS search_resolution_insert;
DROP TRIGGER IF EXISTS search_resolution_delete;
DROP TRIGGER IF EXISTS search_recommendation_insert;
DROP TRIGGER IF EXISTS search_recommendation_delete;
DROP TRIGGER IF EXISTS search_action_insert;
DROP TRIGGER IF EXISTS search_action_delete;
DROP TRIGGER IF EXISTS search_note_insert;
DROP TRIGGER IF EXISTS search_note_update;
DROP TRIGGER IF EXISTS search_note_delete;
DROP TABLE IF EXISTS search_index;
DROP TABLE IF EXISTS discussion_point;
ALTER TABLE resolution DROP COLUMN source;
ALTER TABLE recommendation DROP COLUMN source;
ALTER TABLE action DROP COLUMN source;

CREATE VIRTUAL TABLE search_words USING fts5(
	title,
	body,
	content = '',
	tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_item BEGIN
	INSERT INTO search_words (search_words, rowid, title, body)
	VALUES ('delete', old.id * 8 + 1, old.title, old.text);
END;

CREATE TRIGGER search_resolution_delete AFTER DELETE ON resolution BEGIN
	INSERT INTO search_words (search_words, rowid, title, body)
	VALUES ('delete', old.id * 8 + 2, coalesce(old.label, ''), old.text);
END;

CREATE TRIGGER search_recommendation_delete AFTER DELETE ON recommendation BEGIN
	INSERT INTO search_words (search_words, rowid, title, body)
	VALUES ('delete', old.id * 8 + 3, coalesce(old.ref, ''), old.text);
END;

CREATE TRIGGER search_action_delete AFTER DELETE ON action BEGIN
	INSERT INTO search_words (search_words, rowid, title, body)
	VALUES ('delete', old.id * 8 + 4, coalesce(old.due_to, ''), old.text);
END;

-- A note is indexed while it is live (not soft-deleted), numbered above every record
-- (2^48 + its id): a search over very many matches ranks the newest entries first, and a
-- member's own notes are always among them (see store/search.py).
CREATE TRIGGER search_note_insert AFTER INSERT ON annotation WHEN new.deleted_at IS NULL BEGIN
	INSERT INTO search_words (rowid, title, body)
	VALUES ((new.id + 281474976710656) * 8 + 5, new.tags, new.body || ' ' || new.quote_exact);
END;

CREATE TRIGGER search_note_update AFTER UPDATE ON annotation BEGIN
	INSERT INTO search_words (search_words, rowid, title, body)
	SELECT 'delete', (old.id + 281474976710656) * 8 + 5, old.tags, old.body || ' ' || old.quote_exact
	WHERE old.deleted_at IS NULL;
	INSERT INTO search_words (rowid, title, body)
	SELECT (new.id + 281474976710656) * 8 + 5, new.tags, new.body || ' ' || new.quote_exact
	WHERE new.deleted_at IS NULL;
END;

CREATE TRIGGER search_note_delete AFTER DELETE ON annotation WHEN old.deleted_at IS NULL BEGIN
	INSERT INTO search_words (search_words, rowid, title, body)
	VALUES ('delete', (old.id + 281474976710656) * 8 + 5, old.tags, old.body || ' ' || old.quote_exact);
END;

-- The index's own terms (stems: "regeneration" is kept as "regener"), for a search to widen
-- a prefix typed past a word's stem (see services/search.py).
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_words, 'row');

-- What each index entry is, from its rowid (for tests, checks and the curious; a search reads
-- the rows it shows by their own tables' keys).
CREATE VIEW search_entry (rowid, kind, ref, item_id, title, body) AS
	SELECT id * 8 + 1, 'item', uid, id, title, text FROM agenda_item
	UNION ALL
	SELECT id * 8 + 2, 'resolution', uid, item_id, coalesce(label, ''), text FROM resolution
	UNION ALL
	SELECT id * 8 + 3, 'recommendation', uid, item_id, coalesce(ref, ''), text FROM recommendation
	UNION ALL
	SELECT id * 8 + 4, 'action', uid, item_id, coalesce(due_to, ''), text FROM action
	UNION ALL
	SELECT (id + 281474976710656) * 8 + 5, 'note', uuid, NULL, tags, body || ' ' || quote_exact
	FROM annotation WHERE deleted_at IS NULL;

INSERT INTO search_words (rowid, title, body) SELECT rowid, title, body FROM search_entry;
