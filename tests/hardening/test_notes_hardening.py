"""Notes under hostile imports, edits on both sides, concurrent writers and changed minutes:
no note and no word the member typed is lost, and every one that cannot be taken is named."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from scrutiny_tui.cli import main
from scrutiny_tui.locations import data_dir
from scrutiny_tui.services import notes
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import BUSY_TIMEOUT_MS, Store, open_store

MINUTES = """Overview and Scrutiny Committee - Tuesday, 4th March, 2025 7.00 pm

1. Budget monitoring

The Committee noted the £2.4m overspend on placements for children in care.

Members asked about the use of agency staff in the assessment teams and its cost.

The Director explained that recruitment had improved since the autumn.

RESOLVED – That the report be noted.

2. Libraries review

The Committee considered the review of library opening hours across the borough.

RESOLVED – That the review be endorsed.
"""
TRIMMED = "The Director explained that recruitment had improved since the autumn.\n\n"


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    path = tmp_path / "minutes" / "oss-2025-03-04.txt"
    path.parent.mkdir()
    path.write_text(MINUTES, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path, minutes: Path):
    store = open_store(tmp_path / "store.db")
    ingest_paths(store, [minutes])
    yield store
    store.close()


def rewrite(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 10
    os.utime(path, (later, later))


def item_uids(store: Store) -> dict[str, str]:
    with store.read() as conn:
        return dict(conn.execute("SELECT title, uid FROM agenda_item"))


# ---- 19: a note on a whole item follows its item ----------------------------------------


def test_a_note_on_a_whole_item_stays_on_it_when_a_paragraph_is_trimmed(store, minutes):
    budget = item_uids(store)["Budget monitoring"]
    on_item = notes.add_note(store, "item", budget, notes.NoteInput("Watch this one"))
    on_words = notes.add_note(
        store, "resolution", next(iter(_resolutions(store))), notes.NoteInput("And this")
    )
    rewrite(minutes, MINUTES.replace(TRIMMED, ""))
    summary = ingest_paths(store, [minutes])
    assert (summary.changed, summary.notes_detached) == (1, 0)
    note = notes.get_note(store, on_item.uuid)
    assert note.anchor_state == "attached" and note.item_title == "Budget monitoring"
    assert note.target_uid == item_uids(store)["Budget monitoring"]
    assert "recruitment had improved" not in note.quote  # it quotes the item as it is now
    assert note.quote.startswith("1. Budget monitoring")
    assert notes.get_note(store, on_words.uuid).anchor_state == "attached"

    # renumbered, with the words changed too: still the same item, found by its heading
    rewrite(
        minutes,
        MINUTES.replace(TRIMMED, "")
        .replace("1. Budget monitoring", "1. Apologies\n\nNone.\n\n2. Budget monitoring")
        .replace("2. Libraries review", "3. Libraries review")
        .replace("£2.4m overspend", "£2.6m overspend"),
    )
    ingest_paths(store, [minutes])
    note = notes.get_note(store, on_item.uuid)
    assert note.anchor_state == "attached" and note.item_title == "Budget monitoring"

    # the item itself gone: kept, detached, with its quote
    libraries = "2. Libraries review" + MINUTES.split("2. Libraries review")[1]
    rewrite(minutes, MINUTES.split("1. Budget monitoring")[0] + libraries)
    ingest_paths(store, [minutes])
    note = notes.get_note(store, on_item.uuid)
    assert note.anchor_state == "detached" and note.body == "Watch this one"


def _resolutions(store: Store) -> list[str]:
    with store.read() as conn:
        return [uid for (uid,) in conn.execute("SELECT uid FROM resolution ORDER BY id")]


# ---- 16: a copy from the future does not win over the member's edits ------------------


def exported(store: Store) -> dict:
    from scrutiny_tui.services.notes_exchange import export_notes

    return json.loads(json.dumps(export_notes(store)))


def test_an_imported_copy_dated_in_the_future_is_kept_beside_the_members_edit(
    store, tmp_path, capsys
):
    budget = item_uids(store)["Budget monitoring"]
    mine = notes.add_note(store, "item", budget, notes.NoteInput("Ask about agency costs"))
    theirs = exported(store)
    theirs["items"][0]["modified"] = "2099-01-01T00:00:00Z"
    theirs["items"][0]["body"][0]["value"] = "Their words, from a clock far ahead"
    notes.edit_note(store, mine.uuid, notes.NoteInput("Ask about agency costs, and vacancies"))
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(theirs), encoding="utf-8")

    for _ in range(3):  # every re-import: the member's text stays, one conflict copy is kept
        assert main(["--db", str(store.path), "notes", "import", str(path)]) == 0
        out, _ = capsys.readouterr()
        by_uuid = {n.uuid: n for n in notes.list_notes(store)}
        assert by_uuid[mine.uuid].body == "Ask about agency costs, and vacancies"
        copies = [n for n in by_uuid.values() if n.conflict_of == mine.uuid]
        assert [n.body for n in copies] == ["Their words, from a clock far ahead"]
        assert copies[0].anchor_state == "attached" and copies[0].item_title == "Budget monitoring"
    assert "0 added, 0 updated, 1 unchanged" in out  # the third time: the copy is known

    # where the member sees notes says so
    assert main(["--db", str(store.path), "notes", "list"]) == 0
    listing, _ = capsys.readouterr()
    assert f"CONFLICT: an imported copy that differs from your note {mine.uuid}" in listing

    # settled by editing the copy (or deleting one): no longer a conflict
    notes.edit_note(store, copies[0].uuid, notes.NoteInput("Both: agency costs and vacancies"))
    assert notes.get_note(store, copies[0].uuid).conflict_of is None


def test_the_first_import_of_a_future_copy_reports_the_conflict(store, tmp_path, capsys):
    budget = item_uids(store)["Budget monitoring"]
    mine = notes.add_note(store, "item", budget, notes.NoteInput("Mine"))
    theirs = exported(store)
    theirs["items"][0]["modified"] = "2999-12-31T23:59:59Z"
    theirs["items"][0]["body"][0]["value"] = "Theirs"
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(theirs), encoding="utf-8")
    assert main(["--db", str(store.path), "notes", "import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "1 kept beside your own changed notes as conflicts" in out
    assert f"entry 1: it differs from your note {mine.uuid[:8]}" in err
    assert "in the future" in err
    assert notes.get_note(store, mine.uuid).body == "Mine"


# ---- 17: one bad entry does not cost the others --------------------------------------


def test_bad_entries_are_reported_and_the_rest_imported(store, tmp_path, capsys):
    budget = item_uids(store)["Budget monitoring"]
    for n in range(4):
        notes.add_note(store, "item", budget, notes.NoteInput(f"Note {n}"))
    data = exported(store)
    data["items"][0]["created"] = "0001-01-01T00:00:00+14:00"  # year 1 (out of range in UTC)
    data["items"][1]["modified"] = "0001-01-01T00:00:00Z"
    data["items"][2]["body"][0]["value"] = "Lone \ud800 surrogate"
    nested = "[" * 100_000 + "]" * 100_000
    deep = f'{{"id": "urn:uuid:{"0" * 32}", "body": {nested}}}'
    text = json.dumps(data)  # (the lone surrogate written as the escape \\ud800)
    text = text.replace('"items": [', f'"items": [{deep}, ', 1)  # entry 1: 100k deep
    path = tmp_path / "with-bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))

    other = open_store(tmp_path / "other.db")
    ingest_paths(other, [Path(store.path).parent / "minutes"])
    other.close()
    code = main(["--db", str(tmp_path / "other.db"), "notes", "import", str(path)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "4 added" in out
    assert "entry 1 skipped: it is nested too deep to read" in err
    assert "entry 2: its created time '0001-01-01T00:00:00+14:00' is not a believable time" in err
    assert "entry 3: its modified time '0001-01-01T00:00:00Z' is not a believable time" in err
    assert "entry 4: 1 character(s) that are not text (lone surrogates)" in err
    assert main(["--db", str(tmp_path / "other.db"), "notes", "list", "--json"]) == 0
    listed, _ = capsys.readouterr()
    bodies = sorted(n["body"] for n in json.loads(listed))
    assert bodies == ["Lone \ufffd surrogate", "Note 0", "Note 1", "Note 3"]


# ---- 18: an import in batches; the member's note waits its turn or is kept -------------

IMPORTED = 8_000


def many_notes(store: Store, path: Path, count: int) -> None:
    budget = item_uids(store)["Budget monitoring"]
    notes.add_note(store, "item", budget, notes.NoteInput("The first"))
    (template,) = exported(store)["items"]
    entries = []
    for n in range(count):
        entry = json.loads(json.dumps(template))
        entry["id"] = f"urn:uuid:{uuid.UUID(int=n + 1)}"
        entry["body"][0]["value"] = f"Imported note {n}"
        entries.append(entry)
    path.write_text(json.dumps({"items": entries}), encoding="utf-8")


def test_a_note_added_during_a_large_import_is_written_between_its_batches(store, tmp_path, capsys):
    bulk = tmp_path / "bulk.json"
    many_notes(store, bulk, IMPORTED)
    db = str(store.path)
    importer = subprocess.Popen(
        [sys.executable, "-m", "scrutiny_tui", "--db", db, "notes", "import", str(bulk)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        seen: set[int] = set()
        deadline = time.monotonic() + 120
        with sqlite3.connect(db) as watcher:  # a reader sees each batch as it is committed
            while importer.poll() is None and time.monotonic() < deadline:
                count = watcher.execute("SELECT count(*) FROM annotation").fetchone()[0] - 1
                seen.add(count)
                if 0 < count < IMPORTED:
                    break
                time.sleep(0.01)
        assert any(0 < count < IMPORTED for count in seen), "the import wrote in one go"
        code = main(["--db", db, "notes", "add", "--item", "1", "Typed", "meanwhile"])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "Noted" in out
        still_importing = importer.poll() is None
        stdout, stderr = importer.communicate(timeout=120)
    finally:
        importer.kill()
    assert importer.returncode == 0, stderr
    assert f"Imported: {IMPORTED} added" in stdout
    with sqlite3.connect(db) as conn:
        typed = conn.execute("SELECT id FROM annotation WHERE body = 'Typed meanwhile'").fetchone()
        last = conn.execute("SELECT max(id) FROM annotation WHERE body LIKE 'Imported%'").fetchone()
        total = conn.execute("SELECT count(*) FROM annotation").fetchone()[0]
    assert total == IMPORTED + 2
    assert still_importing and typed[0] < last[0]  # written while the import went on


def test_a_note_the_store_is_too_busy_for_is_kept_and_saved_by_the_next_command(
    store, tmp_path, capsys, monkeypatch
):
    db = str(store.path)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, db], stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        monkeypatch.setattr("scrutiny_tui.store.db.BUSY_TIMEOUT_MS", 100)
        code = main(["--db", db, "notes", "add", "--item", "1", "Do", "not", "lose", "this"])
        _, err = capsys.readouterr()
    finally:
        locker.kill()
        locker.wait()
    assert code == 1
    assert "the store is busy" in err and "the note was not saved" in err
    kept = next((data_dir() / "unsaved-notes").glob("note-*.json"))  # not beside the store
    assert f"kept in {kept}: it will be saved when the store is free again" in err
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    assert notes.list_notes(store) == []
    monkeypatch.setattr("scrutiny_tui.store.db.BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)
    assert main(["--db", db, "notes", "list"]) == 0
    assert "Saved a note kept earlier" in capsys.readouterr().err
    (note,) = notes.list_notes(store)
    assert note.body == "Do not lose this" and note.item_title == "Budget monitoring"
    assert not kept.exists()


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(120)
"""


# ---- the same in the app: a conflict is shown; a save the store is too busy for keeps
# ---- the words in the form


async def test_the_app_shows_a_conflict_and_keeps_words_it_could_not_save(
    store, tmp_path, monkeypatch
):
    from textual.widgets import TextArea

    from scrutiny_tui.config import Settings
    from scrutiny_tui.services.notes_exchange import import_notes
    from scrutiny_tui.ui.app import ScrutinyApp
    from scrutiny_tui.ui.dialogs.note_form import NoteForm
    from tests.ui.conftest import screen_text

    budget = item_uids(store)["Budget monitoring"]
    mine = notes.add_note(store, "item", budget, notes.NoteInput("Mine"))
    theirs = exported(store)
    theirs["items"][0]["modified"] = "2999-01-01T00:00:00Z"
    theirs["items"][0]["body"][0]["value"] = "Theirs"
    assert import_notes(store, theirs).conflicts == 1

    app = ScrutinyApp(store, Settings(), cursor_blink=False)
    app.animation_level = "none"
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        shown = " ".join(screen_text(pilot).split())
        assert f"conflict: an imported copy that differs from your note {mine.uuid[:8]}" in shown
        assert "1 imported in conflict with yours" in shown

        locker = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(store.path)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
            monkeypatch.setattr("scrutiny_tui.store.db.BUSY_TIMEOUT_MS", 100)
            monkeypatch.setattr("scrutiny_tui.services.notes.WRITE_ATTEMPTS", 1)
            store.close()  # the app's next connections wait 0.1 s for the lock, not 15 s
            await pilot.press("e")
            await settle(pilot)
            app.screen.query_one("#body", TextArea).insert("Words typed while it was busy. ")
            await pilot.press("ctrl+s")
            await settle(pilot)
            form = app.screen
            assert isinstance(form, NoteForm)  # back, with the words and why
            assert form.query_one("#body", TextArea).text.startswith("Words typed while")
            assert "Not saved: the store is busy" in " ".join(screen_text(pilot).split())
        finally:
            locker.kill()
            locker.wait()
        await pilot.press("ctrl+s")
        await settle(pilot)
    bodies = {n.body for n in notes.list_notes(store)}
    assert any(body.startswith("Words typed while it was busy.") for body in bodies)


async def settle(pilot) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
