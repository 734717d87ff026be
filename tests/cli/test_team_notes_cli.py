"""`scrutiny notes` on a team store (a real PostgreSQL server the tests start): --team and
--private on add and edit, the author shown in the list, another member's note refused with
whose it is, and a note typed as the connection drops kept and saved by the next command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from scrutiny_tui.cli import main
from scrutiny_tui.locations import data_dir
from tests.team import Team
from tests.ui.fixture_store import build_store

CARE_ITEM = "/minutes/care-2016-06-29.txt#i0"


@pytest.fixture
def team(pg_server: Any) -> Iterator[Team]:
    team = Team(pg_server, officers=(), build=build_store)
    yield team
    team.close()


def run(team, capsys, member: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", team.url(member), "notes", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def uuid_of(out: str) -> str:
    return out.split()[1]


def test_team_and_private_notes_and_who_wrote_them(team, capsys) -> None:
    code, out, _ = run(team, capsys, "alice", "add", "--item", CARE_ITEM, "--team", "Shared")
    assert code == 0 and "(shared with the team)" in out
    shared = uuid_of(out)
    assert run(team, capsys, "alice", "add", "--item", CARE_ITEM, "Mine alone")[0] == 0

    _, alices, _ = run(team, capsys, "alice", "list")
    assert f"{shared} concern · normal · open · shared with the team" in alices
    assert "Mine alone" in alices
    _, bobs, _ = run(team, capsys, "bob", "list")
    assert f"{shared} concern · normal · open · by alice" in bobs
    assert "Mine alone" not in bobs
    _, as_json, _ = run(team, capsys, "bob", "list", "--json")
    (seen,) = json.loads(as_json)
    assert (seen["owner"], seen["visibility"], seen["mine"]) == ("alice", "team", False)

    code, out, _ = run(team, capsys, "alice", "edit", shared[:8], "--private")
    assert code == 0 and "(private)" in out
    assert "No notes." in run(team, capsys, "bob", "list")[1]
    code, out, _ = run(team, capsys, "alice", "edit", shared, "Shared", "again", "--team")
    assert code == 0 and "(shared with the team): Shared again" in out
    assert "Shared again" in run(team, capsys, "bob", "list")[1]


def test_another_members_note_is_refused_with_whose_it_is(team, capsys) -> None:
    out = run(team, capsys, "alice", "add", "--item", CARE_ITEM, "--team", "Alice's point")[1]
    uuid = uuid_of(out)
    for argv in (("edit", uuid, "Bob's words"), ("resolve", uuid), ("delete", uuid)):
        code, _, err = run(team, capsys, "bob", *argv)
        assert code == 1
        assert "this is alice's note: only alice can change it" in err
    (seen,) = json.loads(run(team, capsys, "alice", "list", "--json")[1])
    assert (seen["body"], seen["status"]) == ("Alice's point", "open")


def test_a_note_typed_as_the_connection_drops_is_kept_and_saved_next_time(
    team, capsys, monkeypatch
) -> None:
    from scrutiny_tui.cli import notes_cmd

    found = notes_cmd._item_target

    def then_drop(store, item):  # the store is open and the item found: now the line goes
        target = found(store, item)
        team.drop("alice")
        return target

    monkeypatch.setattr(notes_cmd, "_item_target", then_drop)
    code, _, err = run(team, capsys, "alice", "add", "--item", CARE_ITEM, "--team", "Not lost")
    monkeypatch.setattr(notes_cmd, "_item_target", found)
    assert code == 1
    assert "lost the connection to the team database at" in err
    (kept,) = (data_dir() / "unsaved-notes").glob("note-*.json")
    assert f"kept in {kept}: it will be saved when the team database is back" in err
    assert json.loads(kept.read_text())["store"] == team.url("alice")  # (no password)

    team.back("alice")
    code, out, err = run(team, capsys, "alice", "list")
    assert code == 0 and "Saved a note kept earlier" in err
    assert "Not lost" in out and "shared with the team" in out
    assert not kept.exists()
    assert "Not lost" in run(team, capsys, "bob", "list")[1]


def test_a_note_for_a_team_database_that_cannot_be_reached_says_it_was_not_saved(
    tmp_path, capsys
) -> None:
    nowhere = f"postgresql://alice@/team?host={tmp_path / 'no-server'}"
    code = main(["--db", nowhere, "notes", "add", "--item", "1", "Lost?"])
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot reach the team database at" in err
    assert "your note was not saved: give the same command again once it answers" in err
