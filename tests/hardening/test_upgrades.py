"""A database made by an earlier schema opens with this version, migrated, nothing lost.

``tests/fixtures/db/schema_NNNN.sqlite`` is a small store written by the release whose newest
migration was NNNN, holding annotations, tracking statuses with their history and action
states. Add one fixture whenever a migration is added.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny_tui.store.db import SCHEMA_VERSION, StoreError, open_store
from tests.raw_sqlite import connect as raw_connect

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"
OLD_STORES = sorted(FIXTURES.glob("schema_*.sqlite"))


def user_records(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {
            "annotation": conn.execute(
                "SELECT uuid, target_uid, quote_exact, body, kind, priority, tags, status, ask_at,"
                " anchor_state FROM annotation ORDER BY uuid"
            ).fetchall(),
            "tracking": conn.execute(
                "SELECT uid, status, lead, action_taken FROM recommendation_tracking"
            ).fetchall(),
            "history": conn.execute(
                "SELECT uid, status, changed_at FROM status_change ORDER BY id"
            ).fetchall(),
            "actions": conn.execute("SELECT uid, done, note FROM action_state").fetchall(),
        }


def versions(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY 1")]


@pytest.mark.parametrize("fixture", OLD_STORES, ids=lambda p: p.stem)
def test_old_store_is_migrated_with_every_user_record(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old.db"
    shutil.copy(fixture, copy)
    before = user_records(copy)
    assert before["annotation"], "the fixture holds annotations to protect"

    store = open_store(copy)
    store.close()

    assert versions(copy) == list(range(1, SCHEMA_VERSION + 1))
    assert user_records(copy) == before
    open_store(copy).close()  # opening again changes nothing
    assert user_records(copy) == before


def test_fixture_exists_for_the_first_schema() -> None:
    assert FIXTURES / "schema_0001.sqlite" in OLD_STORES


def test_store_from_a_newer_version_is_refused_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version (version, name) VALUES (999, '0999_future.sql')")
    with pytest.raises(StoreError, match="newer scrutiny-tui"):
        open_store(path)
    assert 999 in versions(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a scrutiny-tui database"):
        open_store(path)
    assert path.read_text().startswith("these are my notes")


def test_two_processes_creating_the_same_store_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "race.db"
    code = (
        "import sys; from pathlib import Path; from scrutiny_tui.store.db import open_store;"
        "open_store(Path(sys.argv[1])).close()"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    errors = [p.communicate(timeout=60)[1].decode() for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0, 0], errors
    assert versions(path) == list(range(1, SCHEMA_VERSION + 1))


def test_a_store_from_schema_4_keeps_its_notes_attached_and_its_tracking_readable(
    tmp_path: Path,
) -> None:
    """The release before documents had keys: every uid was built on the file's path. After
    the upgrade the path is the document's key, so each note still finds its item and each
    tracked record its status and history."""
    copy = tmp_path / "schema4.db"
    shutil.copy(FIXTURES / "schema_0004.sqlite", copy)
    from scrutiny_tui.services import notes, tracker

    store = open_store(copy)
    try:
        listed = notes.list_notes(store)
        assert len(listed) == 3
        assert all(n.anchor_state == "attached" and n.item_id is not None for n in listed)
        assert all(n.item_title and n.committee for n in listed)
        tracked = [row[0] for row in user_records(copy)["tracking"]]
        assert tracked
        for uid in tracked:
            history = [c.status for c in tracker.status_history(store, uid)]
            assert sorted(history) == ["Accepted", "Achieved"]
    finally:
        store.close()
    with raw_connect(copy) as conn:
        keys = conn.execute("SELECT count(*) FROM document WHERE key = path").fetchone()[0]
        documents = conn.execute("SELECT count(*) FROM document").fetchone()[0]
    assert keys == documents == 2


def test_a_store_from_schema_11_has_its_notes_and_records_in_the_new_index(
    tmp_path: Path,
) -> None:
    """Schema 12 replaced the search index with one that holds words only: an upgraded
    store finds every record and live note by its words, and a deleted note by none."""
    copy = tmp_path / "schema11.db"
    shutil.copy(FIXTURES / "schema_0011.sqlite", copy)
    from scrutiny_tui.services.search import search

    store = open_store(copy)
    try:
        found = search(store, "placement sufficiency").hits
        assert [h.kind for h in found] == ["note"] and found[0].item_id is not None
        assert [h.kind for h in search(store, "herringbone").hits] == ["note"]
        assert search(store, "zeppelin").hits == ()  # deleted before the upgrade
        assert search(store, "CAMHS").hits
    finally:
        store.close()
    with raw_connect(copy) as conn:
        conn.execute("INSERT INTO search_words (search_words) VALUES ('integrity-check')")
        indexed = conn.execute("SELECT count(*) FROM search_words").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM search_entry").fetchone()[0]
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    assert indexed == entries > 20
    assert "search_index" not in tables and "discussion_point" not in tables
