-- ModernGov sites the member follows, and the meetings synced from them.
--
-- A synced meeting is stored like a file: a document (path moderngov://SOURCE/MEETINGID,
-- sha256 of the GetMeeting answer, text assembled from the items' minutes) with its meeting,
-- items and records, so notes and tracking work the same whichever way minutes arrive.
-- sync_meeting keys it by (source, ModernGov meeting id); the meeting and its items keep the
-- site's own facts (location, public page, agendaitemid, restricted).

CREATE TABLE source (
	id INTEGER NOT NULL PRIMARY KEY,
	name VARCHAR NOT NULL,
	base_url VARCHAR NOT NULL,
	committees VARCHAR NOT NULL DEFAULT '[]',
	added_at DATETIME NOT NULL,
	last_sync_at DATETIME,
	last_sync VARCHAR
);

CREATE UNIQUE INDEX ix_source_name ON source (name);

CREATE TABLE sync_meeting (
	id INTEGER NOT NULL PRIMARY KEY,
	source_id INTEGER NOT NULL,
	meeting_key INTEGER NOT NULL,
	committee_id INTEGER,
	committee VARCHAR,
	date VARCHAR,
	status VARCHAR,
	document_path VARCHAR NOT NULL,
	synced_at DATETIME NOT NULL,
	FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_sync_meeting_key ON sync_meeting (source_id, meeting_key);

ALTER TABLE meeting ADD COLUMN location VARCHAR;

ALTER TABLE meeting ADD COLUMN url VARCHAR;

ALTER TABLE agenda_item ADD COLUMN external_id VARCHAR;

ALTER TABLE agenda_item ADD COLUMN restricted BOOLEAN NOT NULL DEFAULT 0;
