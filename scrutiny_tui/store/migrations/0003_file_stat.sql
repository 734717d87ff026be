-- The size and modification time of each file when it was last read, so an unchanged
-- archive is recognised from a stat() per file instead of re-hashing every byte.
ALTER TABLE document ADD COLUMN mtime_ns INTEGER;
