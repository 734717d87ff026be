-- The single file keeps each committee's meeting count in a table of its own, so that its
-- Meetings screen reads a few pages when the file is not yet in memory (its migration
-- 0016). A team store's server keeps the index of meetings by council and committee (0015)
-- in its own memory for every member, and counts along it. Numbered so both engines keep
-- one schema version.
SELECT 1;
