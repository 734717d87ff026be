-- The single file now stores documents' and items' text compressed (its migration 0014).
-- A team store needs no change: the server already compresses long text values itself
-- (TOAST), and the store's SQL reaches it with the packing functions dropped
-- (store/pg_sql.py). Numbered so both engines keep one schema version.
SELECT 1;
