-- A document's text and each item's text are stored zlib-compressed from now on (see
-- store/packed_text.py): together they were two copies of the minutes' words, about two
-- thirds of the file. Rows written before stay as plain text, which `unpacked` returns as
-- it is, so nothing is rewritten here. What reads an item's text in SQL now unpacks it: the
-- delete trigger that hands the index the words it indexed, and the view of index entries.

DROP TRIGGER search_item_delete;

CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_item BEGIN
	INSERT INTO search_words (search_words, rowid, title, body)
	VALUES ('delete', old.id * 8 + 1, old.title, unpacked(old.text));
END;

DROP VIEW search_entry;

CREATE VIEW search_entry (rowid, kind, ref, item_id, title, body) AS
	SELECT id * 8 + 1, 'item', uid, id, title, unpacked(text) FROM agenda_item
	UNION ALL
	SELECT id * 8 + 2, 'resolution', uid, item_id, coalesce(label, ''), text FROM resolution
	UNION ALL
	SELECT id * 8 + 3, 'recommendation', uid, item_id, coalesce(ref, ''), text FROM recommendation
	UNION ALL
	SELECT id * 8 + 4, 'action', uid, item_id, coalesce(due_to, ''), text FROM action
	UNION ALL
	SELECT (id + 281474976710656) * 8 + 5, 'note', uuid, NULL, tags, body || ' ' || quote_exact
	FROM annotation WHERE deleted_at IS NULL;
