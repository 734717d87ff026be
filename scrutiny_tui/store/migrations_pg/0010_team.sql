-- A team on one store. Minutes, meetings, decisions and the tracker are shared; a note is
-- its owner's, and a private note (the default) is readable by its owner only: row-level
-- security on the server, so that no other member (nor an officer) can read it, through the
-- app or with psql and their own credentials. Superusers bypass row-level security, so no
-- member or officer should be one.
ALTER TABLE status_change ADD COLUMN changed_by TEXT DEFAULT current_user;

ALTER TABLE action_state ADD COLUMN done_by TEXT DEFAULT current_user;

ALTER TABLE annotation ADD COLUMN owner TEXT NOT NULL DEFAULT current_user;

ALTER TABLE annotation ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
	CHECK (visibility IN ('private', 'team'));

CREATE INDEX ix_annotation_owner ON annotation (owner);

-- The roles: every member is granted scrutiny_member (officers also scrutiny_officer, which
-- may add members). Roles belong to the whole server, so they may exist already.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'scrutiny_member') THEN
		CREATE ROLE scrutiny_member NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'scrutiny_officer') THEN
		CREATE ROLE scrutiny_officer NOLOGIN CREATEROLE;
	END IF;
END
$$;

GRANT scrutiny_member TO scrutiny_officer;

DO $$
BEGIN
	EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO scrutiny_member', current_database());
END
$$;

GRANT USAGE ON SCHEMA public TO scrutiny_member;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO scrutiny_member;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO scrutiny_member;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO scrutiny_member;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
	GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO scrutiny_member;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO scrutiny_member;

-- Notes: each member reads their own and the team's; writes only their own.
ALTER TABLE annotation ENABLE ROW LEVEL SECURITY;
ALTER TABLE annotation FORCE ROW LEVEL SECURITY;
CREATE POLICY note_read ON annotation FOR SELECT
	USING (visibility = 'team' OR owner = current_user);
CREATE POLICY note_add ON annotation FOR INSERT WITH CHECK (owner = current_user);
CREATE POLICY note_change ON annotation FOR UPDATE
	USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY note_remove ON annotation FOR DELETE USING (owner = current_user);

-- The search index holds each note's words: a note's row is read only where its note is.
ALTER TABLE search_index ENABLE ROW LEVEL SECURITY;
ALTER TABLE search_index FORCE ROW LEVEL SECURITY;
CREATE POLICY search_read ON search_index FOR SELECT
	USING (kind <> 'note' OR EXISTS (SELECT 1 FROM annotation a WHERE a.uuid = search_index.ref));
CREATE POLICY search_keep ON search_index FOR INSERT WITH CHECK (true);
CREATE POLICY search_drop ON search_index FOR DELETE USING (true);

-- Members' apps refresh the screen they are on when another member changes the store: every
-- statement that changes what the screens show notifies the channel scrutiny_changed with
-- the changing connection's process id (so an app can tell others' changes from its own).
CREATE FUNCTION scrutiny_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('scrutiny_changed', pg_backend_pid()::text);
	RETURN NULL;
END
$$;

DO $$
DECLARE
	watched text;
BEGIN
	FOREACH watched IN ARRAY ARRAY['document', 'meeting', 'meeting_edit', 'recommendation_tracking',
		'status_change', 'action_state', 'annotation', 'topic', 'person_choice', 'source']
	LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I'
			' FOR EACH STATEMENT EXECUTE FUNCTION scrutiny_changed()', watched || '_changed', watched);
	END LOOP;
END
$$;
