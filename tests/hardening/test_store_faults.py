"""Faults of the store itself (a full disk, a read-only file, a damaged page, another
program's database) are named in one line that says what to do, never as a traceback and
never as "not a scrutiny-tui database" when the store is good; `scrutiny db check` and
`scrutiny db backup` exist for the damaged and the careful."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from scrutiny_tui.cli import main
from scrutiny_tui.services import notes
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import APPLICATION_ID, StoreError, open_store

REPO = Path(__file__).resolve().parent.parent.parent
DATA = REPO / "data"
OLD_STORE = REPO / "tests" / "fixtures" / "db" / "schema_0001.sqlite"
PAGE = 4096


def run(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    store = open_store(db_path)
    ingest_paths(store, [DATA], workers=0)
    with store.read() as conn:
        uid = conn.execute("SELECT uid FROM agenda_item LIMIT 1").fetchone()[0]
    notes.add_note(store, "item", uid, notes.NoteInput("Ask about the overspend", "concern"))
    store.close()
    return db_path


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` cannot be written, whoever runs the test (root ignores file modes, so the
    file is made immutable instead)."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o600)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a file read-only")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("this file system cannot make a file immutable")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


# ---- a full disk ------------------------------------------------------------------------


def test_a_full_disk_during_ingest_says_so_and_keeps_what_was_stored(db_path, tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    for n, source in enumerate(sorted(DATA.glob("*.txt")) * 6):
        (folder / f"{n:02d}-{source.name}").write_text(
            source.read_text(encoding="utf-8") + f"\nCopy {n}.\n", encoding="utf-8"
        )
    store = open_store(db_path)
    assert ingest_paths(store, [DATA], workers=0).new == 5
    conn = store.connection()  # the connection this thread's ingest writes through
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 40}")  # SQLite's own "disk is full"
    summary = ingest_paths(store, [folder], workers=0)
    assert summary.stopped is not None and "full" in summary.stopped
    assert "savepoint" not in summary.stopped
    assert "stopped: the disk holding the store" in summary.describe()
    assert summary.new == 0  # the batch that did not fit is not counted as stored
    assert conn.execute("SELECT count(*) FROM document").fetchone()[0] == 5
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    store.close()


# ---- a read-only store ------------------------------------------------------------------


def test_a_read_only_store_reads_and_refuses_writes_in_one_line(filled_db, capsys):
    with read_only(filled_db):
        code, out, _ = run(filled_db, capsys, "search", "overspend")
        assert code == 0 and "overspend" in out.lower()
        code, _, err = run(filled_db, capsys, "notes", "add", "--item", "1", "A", "concern")
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "notes add failed" in err and "read-only" in err
    assert "not a scrutiny-tui database" not in err


def test_a_read_only_store_that_needs_upgrading_is_not_called_foreign(tmp_path):
    old = tmp_path / "old.db"
    shutil.copyfile(OLD_STORE, old)
    with read_only(old), pytest.raises(StoreError) as caught:
        open_store(old)
    assert "read-only" in str(caught.value)
    assert "not a scrutiny-tui database" not in str(caught.value)


# ---- another program's database ---------------------------------------------------------


def test_another_programs_database_is_refused_and_left_untouched(tmp_path, capsys):
    foreign = tmp_path / "photos.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO photo (name) VALUES ('beach.jpg')")
    conn.close()
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    code, _, err = run(foreign, capsys, "search", "budget")
    assert code == 1 and "another program" in err and "Traceback" not in err
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.db"]


def test_a_store_made_by_an_earlier_version_is_accepted_and_marked(tmp_path):
    old = tmp_path / "old.db"
    shutil.copyfile(OLD_STORE, old)
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
    conn.close()
    open_store(old).close()
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_a_new_store_is_marked(db_path):
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


# ---- one damaged page -------------------------------------------------------------------


def damage_root_page(db: Path, table: str) -> None:
    """Overwrite the first page of ``table`` (or index: one 4 KB page of the file)."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA page_size").fetchone()[0] == PAGE
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    conn.close()
    with open(db, "r+b") as handle:
        handle.seek((root - 1) * PAGE)
        handle.write(b"\xff" * PAGE)


DAMAGED = [
    (["meetings"], "meeting"),
    (["search", "overspend"], "search_words_data"),
    (["export", "--force"], "agenda_item"),
    (["notes", "list"], "annotation"),
    (["ingest", str(DATA)], "ix_document_known"),  # the index its first query reads
]


@pytest.mark.parametrize(("argv", "table"), DAMAGED, ids=[" ".join(a[:1]) for a, _ in DAMAGED])
def test_a_damaged_page_is_named_with_the_way_out(filled_db, tmp_path, capsys, argv, table):
    damage_root_page(filled_db, table)
    if argv[0] == "export":
        argv = [*argv, "--out", str(tmp_path / "pack.md")]
    code, _, err = run(filled_db, capsys, *argv)
    assert code == 1, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert f"{argv[0]}" in err and "failed" in err
    assert "damaged" in err and "scrutiny db check" in err


def test_db_check_finds_the_damage(filled_db, capsys):
    code, out, _ = run(filled_db, capsys, "db", "check")
    assert code == 0 and "ok" in out
    damage_root_page(filled_db, "agenda_item")
    code, out, err = run(filled_db, capsys, "db", "check")
    assert code == 1 and "Traceback" not in err
    assert "damaged" in (out + err) and "backup" in (out + err)
    code, _, _ = run(filled_db, capsys, "db", "check", "--full")
    assert code == 1


def test_db_backup_is_a_whole_private_store(filled_db, tmp_path, capsys):
    copy = tmp_path / "backups" / "store-copy.db"
    code, out, err = run(filled_db, capsys, "db", "backup", str(copy))
    assert code == 0, err
    assert str(copy) in out
    assert copy.stat().st_mode & 0o077 == 0
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM annotation").fetchone()[0] == 1
    conn.close()
    code, _, err = run(filled_db, capsys, "db", "backup", str(copy))
    assert code == 1 and "already exists" in err
    code, _, err = run(filled_db, capsys, "db", "backup", str(copy), "--force")
    assert code == 0, err
