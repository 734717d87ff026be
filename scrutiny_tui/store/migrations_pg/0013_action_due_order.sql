-- The actions tracker's default order as an index (see the single file's 0013). The
-- tracker's ORDER BY puts NULLs first, as SQLite does (store/pg_sql.py), so the index says
-- the same, or PostgreSQL could not read the order from it.
CREATE INDEX ix_action_due_order ON action ((due IS NULL) NULLS FIRST, due NULLS FIRST);
