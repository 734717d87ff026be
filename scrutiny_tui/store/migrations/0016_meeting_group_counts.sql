-- Each council's committees with how many meetings they held, kept as meetings are written,
-- deleted (also by their document's deletion) or corrected, so the Meetings screen's first
-- rows are a few pages of this table. Counted along ix_meeting_council_committee (0015)
-- they were a fast walk when the store was in memory, but the first one after the computer
-- started read that index page by page from across a large file: 7.4 s at a million
-- agenda items.
CREATE TABLE meeting_group (
	council VARCHAR,
	committee VARCHAR,
	meetings INTEGER NOT NULL
);

CREATE INDEX ix_meeting_group ON meeting_group (council, committee);

INSERT INTO meeting_group (council, committee, meetings)
	SELECT council, committee, count(*) FROM meeting GROUP BY council, committee;

CREATE TRIGGER meeting_group_added AFTER INSERT ON meeting BEGIN
	INSERT INTO meeting_group (council, committee, meetings)
		SELECT NEW.council, NEW.committee, 0
		WHERE NOT EXISTS (SELECT 1 FROM meeting_group
			WHERE council IS NEW.council AND committee IS NEW.committee);
	UPDATE meeting_group SET meetings = meetings + 1
		WHERE council IS NEW.council AND committee IS NEW.committee;
END;

CREATE TRIGGER meeting_group_removed AFTER DELETE ON meeting BEGIN
	UPDATE meeting_group SET meetings = meetings - 1
		WHERE council IS OLD.council AND committee IS OLD.committee;
	DELETE FROM meeting_group
		WHERE council IS OLD.council AND committee IS OLD.committee AND meetings <= 0;
END;

CREATE TRIGGER meeting_group_moved AFTER UPDATE OF council, committee ON meeting
	WHEN OLD.council IS NOT NEW.council OR OLD.committee IS NOT NEW.committee
BEGIN
	UPDATE meeting_group SET meetings = meetings - 1
		WHERE council IS OLD.council AND committee IS OLD.committee;
	DELETE FROM meeting_group
		WHERE council IS OLD.council AND committee IS OLD.committee AND meetings <= 0;
	INSERT INTO meeting_group (council, committee, meetings)
		SELECT NEW.council, NEW.committee, 0
		WHERE NOT EXISTS (SELECT 1 FROM meeting_group
			WHERE council IS NEW.council AND committee IS NEW.committee);
	UPDATE meeting_group SET meetings = meetings + 1
		WHERE council IS NEW.council AND committee IS NEW.committee;
END;
