-- The actions tracker's default order, undated actions last and the rest by due date, kept
-- as an index: the tracker's first page is read from the front of it (store/tracking.py),
-- instead of every action being joined to its meeting and sorted before one row is shown
-- (1 s at 100k agenda items, growing with the store).
CREATE INDEX ix_action_due_order ON action ((due IS NULL), due);
