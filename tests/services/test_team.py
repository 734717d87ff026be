"""A team on one PostgreSQL store (a real server the tests start): members as their own
roles, private notes readable by their owner alone (through the app's services, the CLI and
plain SQL), team notes shown with their author, and a status two members change at once."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.notes import NoteInput
from scrutiny_tui.services.search import search
from scrutiny_tui.services.team import TeamError, add_member, list_members
from scrutiny_tui.services.tracker import TrackerQuery
from scrutiny_tui.store.db import Store
from tests.conftest import DATA_DIR
from tests.team import Team
from tests.ui.fixture_store import build_store

PRIVATE_WORDS = "Privately worried about the transport contract overspend"
TEAM_WORDS = "Ask the Cabinet Member when the response is due"


@pytest.fixture
def team(pg_server: Any) -> Iterator[Team]:
    """A team store with the seeds read by its owner; an officer and two members."""
    team = Team(pg_server, seeds=DATA_DIR)
    yield team
    team.close()


def _first_item_uid(store: Store) -> str:
    with store.read() as conn:
        return str(conn.execute("SELECT uid FROM agenda_item ORDER BY id LIMIT 1").fetchone()[0])


def test_private_notes_are_their_owners_alone_and_team_notes_show_their_author(team) -> None:
    alice, bob, olivia = (team.member(n) for n in ("alice", "bob", "olivia"))
    item = _first_item_uid(alice)
    private = notes.add_note(alice, "item", item, NoteInput(PRIVATE_WORDS))
    shared = notes.add_note(alice, "item", item, NoteInput(TEAM_WORDS, visibility="team"))
    assert (private.owner, private.visibility) == ("alice", "private")
    assert {n.uuid for n in notes.list_notes(alice)} == {private.uuid, shared.uuid}

    for other in (bob, olivia):  # a member, and an officer
        seen = notes.list_notes(other)
        assert [(n.uuid, n.owner) for n in seen] == [(shared.uuid, "alice")]
        assert notes.get_note(other, private.uuid) is None
        assert not [
            h for h in search(other, "transport contract overspend").hits if h.kind == "note"
        ]
        with other.read() as conn:
            rows = conn.execute("SELECT body FROM annotation").fetchall()
        assert rows == [(TEAM_WORDS,)]
    # Alice's own search finds her private note.
    assert any(h.uid == private.uuid for h in search(alice, "transport overspend").hits)


def test_a_member_cannot_read_or_change_a_private_note_with_psql_and_their_own_login(team) -> None:
    alice = team.member("alice")
    note = notes.add_note(alice, "item", _first_item_uid(alice), NoteInput(PRIVATE_WORDS))
    with psycopg.connect(team.url("bob"), autocommit=True) as bob:
        assert bob.execute("SELECT count(*) FROM annotation").fetchone() == (0,)
        assert bob.execute("SELECT count(*) FROM search_index WHERE kind = 'note'").fetchone() == (
            0,
        )
        changed = bob.execute("UPDATE annotation SET body = 'x' WHERE uuid = %s", (note.uuid,))
        assert changed.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bob.execute(
                "INSERT INTO annotation (uuid, target_kind, body, kind, priority, tags, status,"
                " anchor_state, created_at, updated_at, owner) VALUES ('u', 'item', 'b', 'concern',"
                " 'normal', '[]', 'open', 'attached', 'now', 'now', 'alice')"
            )
    assert notes.get_note(alice, note.uuid).body == PRIVATE_WORDS


def test_the_cli_shows_another_member_no_private_note(team) -> None:
    alice = team.member("alice")
    notes.add_note(alice, "item", _first_item_uid(alice), NoteInput(PRIVATE_WORDS))
    notes.add_note(alice, "item", _first_item_uid(alice), NoteInput(TEAM_WORDS, visibility="team"))
    shown = subprocess.run(
        [sys.executable, "-m", "scrutiny_tui", "--db", team.url("bob"), "notes", "list"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert TEAM_WORDS in shown and PRIVATE_WORDS not in shown
    listed = subprocess.run(
        [sys.executable, "-m", "scrutiny_tui", "--db", team.url("olivia"), "team", "list"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert [line.split()[:2] for line in listed.splitlines()] == [
        ["alice", "member"],
        ["bob", "member"],
        ["olivia", "officer"],
    ]


def test_members_are_listed_and_bad_names_refused(team) -> None:
    admin = team.admin
    assert [(m.name, m.officer) for m in list_members(admin)] == [
        ("alice", False),
        ("bob", False),
        ("olivia", True),
    ]
    with pytest.raises(TeamError, match="lower-case letters"):
        add_member(admin, 'x"; DROP TABLE annotation; --')
    with pytest.raises(TeamError):
        add_member(team.member("bob"), "carol")  # a member is not an officer


def test_two_members_setting_one_status_at_once_one_is_told(team) -> None:
    alice, bob = team.member("alice"), team.member("bob")
    row = tracker.recommendations_page(alice, TrackerQuery()).rows[0]
    seen_by_alice = row.status
    tracker.set_status(bob, row.uid, "Accepted", expected=seen_by_alice)
    with pytest.raises(tracker.StatusChanged) as told:
        tracker.set_status(alice, row.uid, "Rejected", expected=seen_by_alice)
    assert told.value.status == "Accepted" and told.value.by == "bob"
    assert "changed to Accepted by bob" in str(told.value)
    assert tracker.recommendation(alice, row.uid).status == "Accepted"
    history = tracker.status_history(alice, row.uid)
    assert [(h.status, h.changed_by) for h in history] == [("Accepted", "bob")]


def test_a_single_member_store_records_its_member_too(tmp_path) -> None:
    store = build_store(tmp_path / "own.db")
    try:
        with store.read() as conn:
            uid = conn.execute("SELECT uid FROM recommendation LIMIT 1").fetchone()
        if uid is None:
            pytest.skip("the fixture store has no recommendation")
        tracker.set_status(store, uid[0], "Accepted")
        assert tracker.status_history(store, uid[0])[0].changed_by
    finally:
        store.close()


def test_a_private_note_is_found_again_by_its_owner_after_an_officers_reingest(
    pg_server, tmp_path
) -> None:
    from scrutiny_tui.services.notes import reanchor_own_notes

    folder = tmp_path / "minutes"
    folder.mkdir()
    seed = sorted(DATA_DIR.glob("*.txt"))[0]
    minutes = folder / "minutes.txt"
    minutes.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    team = Team(pg_server, seeds=folder)
    try:
        alice = team.member("alice")
        text = minutes.read_text(encoding="utf-8")
        words = text.split("\n\n")[3].strip()[:40]
        start = text.index(words)
        with alice.read() as conn:
            key = conn.execute("SELECT key FROM document").fetchone()[0]
            item = conn.execute("SELECT uid FROM agenda_item ORDER BY id LIMIT 1").fetchone()[0]
        span = (start, start + len(words))
        note = notes.add_note(alice, "passage", item, NoteInput("Private"), span)
        # The minutes are published again with a paragraph added at the top; the officer
        # reads them again, and cannot see (so cannot move) alice's private note.
        minutes.write_text(f"Published again with corrections.\n\n{text}", encoding="utf-8")
        summary = ingest_paths(team.member("olivia"), [folder])
        assert summary.changed == 1
        with alice.read() as conn:
            stale = conn.execute(
                "SELECT span_start FROM annotation WHERE uuid = ?", (note.uuid,)
            ).fetchone()[0]
            assert stale == start
        reanchor_own_notes(alice)
        with alice.read() as conn:
            now_at, state = conn.execute(
                "SELECT span_start, anchor_state FROM annotation WHERE uuid = ?", (note.uuid,)
            ).fetchone()
            sql = "SELECT unpacked(text) FROM document WHERE key = ?"
            new_text = conn.execute(sql, (key,)).fetchone()[0]
        assert state == "attached" and new_text[now_at : now_at + len(words)] == words
        assert now_at > start
    finally:
        team.close()
