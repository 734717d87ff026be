"""Team notes on a real PostgreSQL store (the tests start the server): each note says whose
it is and who sees it, another member's note is refused with whose it is rather than left
unchanged without a word, and a note being saved when the connection to the team database
drops is kept in the member's data folder and saved once the database answers again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from scrutiny_tui.locations import data_dir
from scrutiny_tui.services import notes
from scrutiny_tui.services.notes import NoteInput, NoteKept, NotYours
from scrutiny_tui.store.db import Store
from tests.team import Team
from tests.ui.fixture_store import build_store

TEAM_WORDS = "Ask the Cabinet Member when the response is due"


@pytest.fixture
def team(pg_server: Any) -> Iterator[Team]:
    """A team store holding the fixture minutes, with members alice and bob."""
    team = Team(pg_server, officers=(), build=build_store)
    yield team
    team.close()


def _item_uid(store: Store) -> str:
    with store.read() as conn:
        return str(conn.execute("SELECT uid FROM agenda_item ORDER BY id LIMIT 1").fetchone()[0])


def test_a_team_note_shows_its_author_to_others_and_shared_to_its_owner(team) -> None:
    alice, bob = team.member("alice"), team.member("bob")
    mine = notes.add_note(alice, "item", _item_uid(alice), NoteInput(TEAM_WORDS, visibility="team"))
    private = notes.add_note(alice, "item", _item_uid(alice), NoteInput("Just for me"))
    assert notes.authorship(notes.get_note(alice, mine.uuid)) == "shared with the team"
    assert notes.authorship(notes.get_note(alice, private.uuid)) is None
    (seen,) = notes.list_notes(bob)
    assert (seen.uuid, seen.mine, notes.authorship(seen)) == (mine.uuid, False, "by alice")


def test_another_members_note_is_refused_with_whose_it_is(team) -> None:
    alice, bob = team.member("alice"), team.member("bob")
    note = notes.add_note(alice, "item", _item_uid(alice), NoteInput(TEAM_WORDS, visibility="team"))
    expected = "this is alice's note: only alice can change it"
    with pytest.raises(NotYours, match=expected):
        notes.edit_note(bob, note.uuid, NoteInput("Bob's words instead"))
    with pytest.raises(NotYours, match=expected):
        notes.set_status(bob, note.uuid, "resolved")
    with pytest.raises(NotYours, match=expected):
        notes.delete_note(bob, note.uuid)
    assert not notes.may_change(notes.get_note(bob, note.uuid), team_store=True)
    after = notes.get_note(alice, note.uuid)
    assert (after.body, after.status) == (TEAM_WORDS, "open")
    # Alice deletes her note: bob's undo brings back nothing of hers.
    notes.delete_note(alice, note.uuid)
    assert notes.undo_delete(bob) is None
    assert notes.undo_delete(alice).uuid == note.uuid


def test_editing_keeps_or_changes_who_sees_a_note(team) -> None:
    alice, bob = team.member("alice"), team.member("bob")
    note = notes.add_note(alice, "item", _item_uid(alice), NoteInput(TEAM_WORDS, visibility="team"))
    notes.edit_note(alice, note.uuid, NoteInput("Reworded", visibility="team"))
    assert [n.body for n in notes.list_notes(bob)] == ["Reworded"]
    notes.edit_note(alice, note.uuid, NoteInput("Now mine alone", visibility="private"))
    assert notes.list_notes(bob) == []
    assert notes.get_note(alice, note.uuid).visibility == "private"


def test_a_note_saved_as_the_connection_drops_is_kept_and_saved_when_it_is_back(team) -> None:
    alice = team.member("alice")
    item = _item_uid(alice)  # the member's connection is open
    assert team.drop("alice") >= 1
    with pytest.raises(NoteKept) as kept:
        notes.add_note(alice, "item", item, NoteInput("Typed as the line went", tags=("roads",)))
    message = str(kept.value)
    assert "lost the connection to the team database at" in message
    assert "it will be saved when the team database is back" in message
    assert kept.value.path.parent == data_dir() / "unsaved-notes"
    assert str(kept.value.path) in message
    assert oct(kept.value.path.stat().st_mode & 0o777) == "0o600"
    with team.admin.read() as conn:  # nothing half-written (the admin reads every note)
        assert conn.execute("SELECT count(*) FROM annotation").fetchone()[0] == 0

    team.back("alice")
    report = notes.save_kept_notes(alice)  # the connection is made again
    assert [n.body for n in report.saved] == ["Typed as the line went"]
    assert (report.waiting, report.problems) == (0, [])
    (saved,) = notes.list_notes(alice)
    assert (saved.uuid, saved.tags, saved.item_title) == (
        kept.value.uuid,
        ("roads",),
        "Care Services Portfolio Plan Priorities",
    )
    assert not kept.value.path.exists()
    assert notes.save_kept_notes(alice).saved == []  # saved once, not twice


def test_an_edit_made_as_the_connection_drops_is_kept_too(team) -> None:
    alice = team.member("alice")
    note = notes.add_note(alice, "item", _item_uid(alice), NoteInput("First words"))
    team.drop("alice")
    with pytest.raises(NoteKept) as kept:
        notes.edit_note(alice, note.uuid, NoteInput("Second words", visibility="team"))
    team.back("alice")
    assert notes.get_note(alice, note.uuid).body == "First words"  # (connected again)
    assert [n.body for n in notes.save_kept_notes(alice).saved] == ["Second words"]
    assert notes.get_note(alice, note.uuid).visibility == "team"
    assert not kept.value.path.exists()


def test_a_kept_note_given_again_is_saved_once(team) -> None:
    alice = team.member("alice")
    item = _item_uid(alice)
    team.drop("alice")
    with pytest.raises(NoteKept) as kept:
        notes.add_note(alice, "item", item, NoteInput("Once only"))
    team.back("alice")
    # The member saves the same note again from the form (the same uuid), then the kept
    # copies are tried: one note, with the words last typed, and no file left.
    notes.add_note(alice, "item", item, NoteInput("Once only, reworded"), uuid=kept.value.uuid)
    assert not kept.value.path.exists()
    assert notes.save_kept_notes(alice).saved == []
    assert [n.body for n in notes.list_notes(alice)] == ["Once only, reworded"]


def test_kept_notes_of_another_store_are_left_for_it(team, tmp_path) -> None:
    alice = team.member("alice")
    item = _item_uid(alice)
    team.drop("alice")
    with pytest.raises(NoteKept) as kept:
        notes.add_note(alice, "item", item, NoteInput("For the team store"))
    own = build_store(tmp_path / "own.db")
    try:
        assert notes.save_kept_notes(own).saved == []
        assert notes.list_notes(own) == []
    finally:
        own.close()
    assert kept.value.path.exists()
    team.back("alice")
    assert [n.body for n in notes.save_kept_notes(alice).saved] == ["For the team store"]


def test_a_briefing_pack_says_whose_team_notes_it_lists(team) -> None:
    from datetime import UTC, date, datetime

    from scrutiny_tui.services.briefing import BriefingScope, build_briefing

    alice, bob = team.member("alice"), team.member("bob")
    item = _item_uid(alice)
    notes.add_note(alice, "item", item, NoteInput(TEAM_WORDS, visibility="team"))
    notes.add_note(bob, "item", item, NoteInput("Bob's own question", kind="question"))
    when = {"today": date(2026, 1, 15), "generated_at": datetime(2026, 1, 15, tzinfo=UTC)}
    pack = build_briefing(bob, BriefingScope(), **when).markdown
    assert f"{TEAM_WORDS} *(concern, open, by alice)*" in pack
    assert "Bob's own question *(question, open)*" in pack
    pack = build_briefing(alice, BriefingScope(), **when).markdown
    assert f"{TEAM_WORDS} *(concern, open, shared with the team)*" in pack
    assert "Bob's own question" not in pack
