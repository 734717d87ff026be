CREATE TABLE action_state (
	uid VARCHAR NOT NULL, 
	done BOOLEAN NOT NULL, 
	done_at DATETIME, 
	note VARCHAR, 
	PRIMARY KEY (uid)
);

CREATE TABLE annotation (
	id INTEGER NOT NULL, 
	uuid VARCHAR NOT NULL, 
	target_kind VARCHAR NOT NULL, 
	target_uid VARCHAR, 
	document_path VARCHAR, 
	quote_exact VARCHAR NOT NULL, 
	quote_prefix VARCHAR NOT NULL, 
	quote_suffix VARCHAR NOT NULL, 
	span_start INTEGER, 
	span_end INTEGER, 
	anchor_state VARCHAR NOT NULL, 
	body VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	priority VARCHAR NOT NULL, 
	tags VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	ask_at VARCHAR, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	deleted_at DATETIME, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_annotation_deleted_at ON annotation (deleted_at);

CREATE INDEX ix_annotation_document_path ON annotation (document_path);

CREATE INDEX ix_annotation_target_uid ON annotation (target_uid);

CREATE UNIQUE INDEX ix_annotation_uuid ON annotation (uuid);

CREATE TABLE document (
	id INTEGER NOT NULL, 
	path VARCHAR NOT NULL, 
	sha256 VARCHAR NOT NULL, 
	format VARCHAR NOT NULL, 
	size INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	warnings VARCHAR NOT NULL, 
	ingested_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_document_path ON document (path);

CREATE INDEX ix_document_sha256 ON document (sha256);

CREATE TABLE person (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	honorific VARCHAR, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_person_name ON person (name);

CREATE TABLE recommendation_tracking (
	uid VARCHAR NOT NULL, 
	status VARCHAR, 
	area VARCHAR, 
	executive_response_date VARCHAR, 
	lead VARCHAR, 
	action_taken VARCHAR, 
	updated_at DATETIME, 
	PRIMARY KEY (uid)
);

CREATE TABLE status_change (
	id INTEGER NOT NULL, 
	uid VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	changed_at DATETIME NOT NULL, 
	note VARCHAR, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_status_change_uid ON status_change (uid);

CREATE TABLE meeting (
	id INTEGER NOT NULL, 
	uid VARCHAR NOT NULL, 
	document_id INTEGER NOT NULL, 
	council VARCHAR, 
	body VARCHAR, 
	date VARCHAR, 
	title VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);

CREATE INDEX ix_meeting_body ON meeting (body);

CREATE INDEX ix_meeting_council ON meeting (council);

CREATE INDEX ix_meeting_date ON meeting (date);

CREATE INDEX ix_meeting_document_id ON meeting (document_id);

CREATE INDEX ix_meeting_uid ON meeting (uid);

CREATE TABLE agenda_item (
	id INTEGER NOT NULL, 
	uid VARCHAR NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	ordinal INTEGER NOT NULL, 
	number VARCHAR, 
	title VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	report_refs VARCHAR NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE
);

CREATE INDEX ix_agenda_item_document_id ON agenda_item (document_id);

CREATE INDEX ix_agenda_item_meeting_id ON agenda_item (meeting_id);

CREATE INDEX ix_agenda_item_uid ON agenda_item (uid);

CREATE TABLE action (
	id INTEGER NOT NULL, 
	uid VARCHAR NOT NULL, 
	item_id INTEGER NOT NULL, 
	ordinal INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	due VARCHAR, 
	body VARCHAR, 
	source VARCHAR NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id) ON DELETE CASCADE
);

CREATE INDEX ix_action_due ON action (due);

CREATE INDEX ix_action_item_id ON action (item_id);

CREATE INDEX ix_action_uid ON action (uid);

CREATE TABLE attendance (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	meeting_id INTEGER NOT NULL, 
	item_id INTEGER, 
	kind VARCHAR NOT NULL, 
	role VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id) ON DELETE CASCADE
);

CREATE INDEX ix_attendance_item_id ON attendance (item_id);

CREATE INDEX ix_attendance_meeting_id ON attendance (meeting_id);

CREATE INDEX ix_attendance_person_id ON attendance (person_id);

CREATE TABLE discussion_point (
	id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	ordinal INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id) ON DELETE CASCADE
);

CREATE INDEX ix_discussion_point_item_id ON discussion_point (item_id);

CREATE TABLE recommendation (
	id INTEGER NOT NULL, 
	uid VARCHAR NOT NULL, 
	item_id INTEGER NOT NULL, 
	ordinal INTEGER NOT NULL, 
	ref VARCHAR, 
	text VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id) ON DELETE CASCADE
);

CREATE INDEX ix_recommendation_item_id ON recommendation (item_id);

CREATE INDEX ix_recommendation_uid ON recommendation (uid);

CREATE TABLE resolution (
	id INTEGER NOT NULL, 
	uid VARCHAR NOT NULL, 
	item_id INTEGER NOT NULL, 
	ordinal INTEGER NOT NULL, 
	label VARCHAR, 
	kind VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	span_start INTEGER NOT NULL, 
	span_end INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(item_id) REFERENCES agenda_item (id) ON DELETE CASCADE
);

CREATE INDEX ix_resolution_item_id ON resolution (item_id);

CREATE INDEX ix_resolution_kind ON resolution (kind);

CREATE INDEX ix_resolution_uid ON resolution (uid);

