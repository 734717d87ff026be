-- The discussion points of each item (its paragraphs) were written at every ingest and never
-- read: they are gone (see the single file's 0012, which also makes its search index
-- contentless; the team store's tsvector index holds no copy of the text already).
DROP TABLE IF EXISTS discussion_point;
