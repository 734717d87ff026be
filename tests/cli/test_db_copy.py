"""`scrutiny db copy --to URL` and `--from URL` as a member runs them, against a real
PostgreSQL server the tests start: the counts printed, a second copy adding nothing, and one
clear line (nothing changed, no password shown) for a target that cannot be used."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from scrutiny_tui.cli import main
from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.notes import NoteInput
from scrutiny_tui.services.team import add_member
from scrutiny_tui.store.db import open_store
from tests.conftest import DATA_DIR


def run(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", db, "db", "copy", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def mine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A member's own store: the seeds, a status set twice, an action done, two notes."""
    path = str(tmp_path / "mine.db")
    assert main(["--db", path, "ingest", str(DATA_DIR)]) == 0
    capsys.readouterr()
    store = open_store(path)
    with store.read() as conn:
        resolution = conn.execute("SELECT uid FROM resolution ORDER BY id").fetchone()[0]
        action = conn.execute("SELECT uid FROM action ORDER BY id").fetchone()[0]
        item = conn.execute("SELECT uid FROM agenda_item ORDER BY id").fetchone()[0]
    when = datetime(2026, 2, 1, tzinfo=UTC)
    tracker.set_status(store, resolution, "accepted", now=when)
    tracker.set_status(store, resolution, "implemented", now=when.replace(day=2))
    tracker.set_action_done(store, action, True, now=when)
    notes.add_note(store, "item", item, NoteInput("Mine alone"))
    notes.add_note(store, "item", item, NoteInput("For the team", visibility="team"))
    store.close()
    return path


@pytest.fixture
def team(pg_server: Any) -> Any:
    admin_url = pg_server.new_database()
    database = admin_url.split("/", 3)[3].split("?", 1)[0]
    admin = open_store(admin_url)
    add_member(admin, "alice")
    add_member(admin, "bob")
    admin.close()
    return lambda name: pg_server.url(database, user=name)


def test_copy_to_the_team_store_and_back_prints_what_it_copied(mine, team, tmp_path, capsys):
    code, out, err = run(capsys, mine, "--to", team("alice"))
    assert (code, err) == (0, "")
    assert out == (
        "copied 5 meetings (5 items), 1 tracking status, 2 status changes, 1 action done, 2 notes\n"
    )
    code, out, _ = run(capsys, mine, "--to", team("alice"))
    assert code == 0
    assert out == (
        "copied nothing new; already there: 5 meetings, 1 tracking status, 2 status changes,"
        " 1 action done, 2 notes\n"
    )
    bob_file = str(tmp_path / "bob.db")
    code, out, _ = run(capsys, bob_file, "--from", team("bob"))
    assert code == 0
    assert out == (
        "copied 5 meetings (5 items), 1 tracking status, 2 status changes, 1 action done, 1 note\n"
    )
    assert main(["--db", bob_file, "notes", "list"]) == 0
    listed = capsys.readouterr().out
    assert "For the team" in listed and "Mine alone" not in listed


def test_a_target_that_cannot_be_used_gives_one_line_and_changes_nothing(mine, tmp_path, capsys):
    code, out, err = run(capsys, mine, "--to", "postgresql://alice:s3cret@127.0.0.1:9/team")
    assert code == 1 and out == ""
    assert err.startswith("scrutiny: db copy: cannot reach the team database at 127.0.0.1:9")
    assert err.count("\n") == 1 and "s3cret" not in err

    code, _, err = run(capsys, mine, "--to", mine)
    assert code == 1 and "cannot copy a store onto itself" in err

    foreign = tmp_path / "ledger.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE ledger (id int)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    code, _, err = run(capsys, mine, "--to", str(foreign))
    assert code == 1 and "is not a scrutiny-tui database" in err and err.count("\n") == 1
    assert foreign.read_bytes() == before

    code, _, err = run(capsys, str(tmp_path / "new.db"), "--from", str(tmp_path / "none.db"))
    assert code == 1 and "no store at" in err


def test_copy_needs_one_way(mine, capsys):
    with pytest.raises(SystemExit) as usage:
        main(["--db", mine, "db", "copy"])
    assert usage.value.code == 2
    assert "one of the arguments --to --from is required" in capsys.readouterr().err


def test_check_and_backup_of_a_team_store_say_they_need_a_file(capsys):
    for argv in (["check"], ["backup", "copy.db"]):
        code = main(["--db", "postgresql://alice@127.0.0.1:9/team", "db", *argv])
        out, err = capsys.readouterr()
        assert code == 1 and out == ""
        assert (
            err
            == "scrutiny: this works on a SQLite store only; the store in use is a team database\n"
        )
