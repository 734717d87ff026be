-- The member's own choices about people: two entries that are one person (merge) or an
-- entry that is several (split). Keyed by the council and the names as matched (lower
-- case, honorific and honours stripped), never by row ids, so they survive a re-ingest or a
-- sync that rebuilds the person and attendance rows; applied in the order they were made.
CREATE TABLE person_choice (
	id INTEGER NOT NULL PRIMARY KEY,
	council VARCHAR,
	"action" VARCHAR NOT NULL,
	name VARCHAR NOT NULL,
	other VARCHAR,
	made_at DATETIME NOT NULL
);

CREATE INDEX ix_person_choice_council ON person_choice (council);

-- The People list reads attendance meeting by meeting, council by council, to count each
-- person's meetings and apologies; this index holds every column it reads, so that pass
-- never touches the table's rows (0.3 s over 240,000 attendance rows).
CREATE INDEX ix_attendance_people ON attendance (meeting_id, person_id, kind, role);
