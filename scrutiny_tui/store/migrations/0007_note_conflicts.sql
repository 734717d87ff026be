-- A note imported over one the member changed here is not written over it: the imported
-- copy is kept as a note of its own, marked with the uuid of the note it conflicts with
-- until the member edits or deletes one of them.
ALTER TABLE annotation ADD COLUMN conflict_of VARCHAR;
