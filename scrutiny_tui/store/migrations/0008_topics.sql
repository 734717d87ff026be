-- Topics the member follows across meetings: a saved search (query, in the search syntax)
-- or a note tag. last_seen_at is when the member last opened its timeline, so what arrived
-- since (by import or sync) can be pointed out.
CREATE TABLE topic (
	id INTEGER NOT NULL PRIMARY KEY,
	name VARCHAR NOT NULL,
	"query" VARCHAR,
	tag VARCHAR,
	created_at DATETIME NOT NULL,
	last_seen_at DATETIME
);

CREATE UNIQUE INDEX ix_topic_name ON topic (name);

-- A meeting's facts (council, committee, date) as the member corrected them, keyed by the
-- meeting's uid so the correction outlives a re-import or a sync of the same minutes: each
-- write of the meeting takes these in place of what was read.
CREATE TABLE meeting_edit (
	meeting_uid VARCHAR NOT NULL PRIMARY KEY,
	council VARCHAR,
	committee VARCHAR,
	date VARCHAR,
	edited_at DATETIME NOT NULL
);
