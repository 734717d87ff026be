-- The discussion points of each item (its paragraphs) and each record's "source" (its passage
-- of the minutes: the document's text at its span) were written at every ingest and never
-- read: they are gone (see the single file's 0012, which also makes its search index
-- contentless; the team store's tsvector index holds no copy of the text already).
DROP TABLE IF EXISTS discussion_point;
ALTER TABLE resolution DROP COLUMN IF EXISTS source;
ALTER TABLE recommendation DROP COLUMN IF EXISTS source;
ALTER TABLE action DROP COLUMN IF EXISTS source;
