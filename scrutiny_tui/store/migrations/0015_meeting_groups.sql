-- The Meetings screen's first rows, each council's committees with how many meetings they
-- held, counted along one index that holds both columns (store/browse.py), instead of every
-- meeting being joined to its document and its agenda items counted before the list shows
-- (0.05-0.12 s at 100k agenda items, growing with the store).
CREATE INDEX ix_meeting_council_committee ON meeting (council, committee);
