-- Who did what, for a store a team shares: who set each tracking status and marked each
-- action done, and whose each note is and who may read it ("private", the default, or
-- "team"). On a single-member store the owner is the member's login name.
ALTER TABLE status_change ADD COLUMN changed_by VARCHAR;

ALTER TABLE action_state ADD COLUMN done_by VARCHAR;

ALTER TABLE annotation ADD COLUMN owner VARCHAR;

ALTER TABLE annotation ADD COLUMN visibility VARCHAR NOT NULL DEFAULT 'private';
