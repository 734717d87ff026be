-- The Meetings screen's council and committee groups counted along one index (see the single
-- file's 0015).
CREATE INDEX ix_meeting_council_committee ON meeting (council, committee);
