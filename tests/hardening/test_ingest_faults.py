"""An ingest that meets an odd folder or a busy store goes on with the rest and stores the
right thing: a symbolic link loop, a file name that is not UTF-8, a file edited while it is
read, other ingests of the same folder at the same time."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from scrutiny_tui.cli import main
from scrutiny_tui.services import ingest as ingest_module
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import open_store

DATA = Path(__file__).resolve().parent.parent.parent / "data"
SEEDS = sorted(DATA.glob("*.txt"))


def folder_of_seeds(where: Path) -> Path:
    where.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, where / seed.name)
    return where


# ---- a symbolic link loop ---------------------------------------------------------------


def test_a_symlink_loop_is_reported_and_the_rest_stored(db_path, tmp_path, capsys):
    folder = folder_of_seeds(tmp_path / "minutes")
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # a folder loop: not followed
    code = main(["--db", str(db_path), "ingest", str(folder)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"{len(SEEDS)} new" in out
    assert "symbolic link loop" in out and "a.txt" in out and "b.txt" in out
    store = open_store(db_path)
    assert ingest_paths(store, [folder / "a.txt"]).failed[0].reason.startswith("a symbolic")
    store.close()


def test_the_import_dialogs_call_returns_on_a_loop(db_path, tmp_path):
    """The app's import dialog runs ingest_paths and shows its summary: it must return."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "self.md").symlink_to("self.md")
    store = open_store(db_path)
    summary = ingest_paths(store, [folder], progress=lambda *_: None)
    store.close()
    assert [p.reason for p in summary.failed] == ["a symbolic link loop: it points back to itself"]


# ---- a file name that is not UTF-8 ------------------------------------------------------


def test_a_file_name_with_a_byte_that_is_not_utf8_is_stored_with_the_others(db_path, tmp_path):
    folder = folder_of_seeds(tmp_path / "minutes")
    odd = os.fsdecode(bytes(folder) + b"/caf\xe9 minutes.txt")  # Latin-1 é, not UTF-8
    shutil.copy(SEEDS[0], odd)
    (folder / SEEDS[0].name).unlink()  # so the odd name is a new document, not a copy
    for n in range(8):
        (folder / f"extra-{n}.txt").write_text(
            SEEDS[n % len(SEEDS)].read_text(encoding="utf-8") + f"\nExtra {n}.\n",
            encoding="utf-8",
        )
    store = open_store(db_path)
    summary = ingest_paths(store, [folder], workers=0)
    assert not summary.failed, summary.describe()
    assert summary.new == len(SEEDS) + 8
    with sqlite3.connect(db_path) as conn:
        paths = [row[0] for row in conn.execute("SELECT path FROM document")]
    conn.close()
    assert any(path.endswith("caf\\xe9 minutes.txt") for path in paths)
    again = ingest_paths(store, [folder], workers=0)
    assert (again.new, again.unchanged, again.missing) == (0, len(SEEDS) + 8, 0), again.describe()
    store.close()


def test_a_file_name_that_is_not_utf8_is_printed_safely(db_path, tmp_path, capsys):
    folder = tmp_path / "minutes"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/\xff\xfe.txt")
    Path(odd).write_text("Milk\nEggs\n", encoding="utf-8")
    code = main(["--db", str(db_path), "ingest", str(folder)])
    out = capsys.readouterr().out
    assert code == 1
    assert "\\xff\\xfe.txt: not minutes" in out


# ---- a file edited while it is read -----------------------------------------------------


def test_a_file_edited_during_its_parse_is_read_again_next_time(db_path, tmp_path, monkeypatch):
    path = tmp_path / "minutes.txt"
    first = SEEDS[0].read_text(encoding="utf-8")
    assert "Council" in first
    path.write_text(first, encoding="utf-8")
    edited = first.replace("Council", "Cabinet")  # the same size: only the mtime tells
    real_parse = ingest_module.parse_text

    def parse_while_the_member_saves(text: str, **kwargs: object):
        path.write_text(edited, encoding="utf-8")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
        return real_parse(text, **kwargs)

    store = open_store(db_path)
    monkeypatch.setattr(ingest_module, "parse_text", parse_while_the_member_saves)
    assert ingest_paths(store, [path], workers=0).new == 1
    monkeypatch.setattr(ingest_module, "parse_text", real_parse)
    second = ingest_paths(store, [path], workers=0)
    assert second.changed == 1, second.describe()
    with store.read() as conn:
        text = conn.execute("SELECT unpacked(text) FROM document").fetchone()[0]
    store.close()
    assert "Cabinet" in text


# ---- other ingests of the same folder at the same time ----------------------------------


def _another_ingest_at_the_first_step(db_path: Path, folder: Path):
    """A progress callback that runs a whole second ingest (its own connection, as another
    process would have) the first time the first ingest reports progress."""
    ran: list[object] = []

    def progress(done: int, total: int, name: str) -> None:
        if not ran:
            other = open_store(db_path)
            ran.append(ingest_paths(other, [folder], workers=0))
            other.close()

    return progress, ran


def test_files_another_ingest_just_stored_are_unchanged_not_failed(db_path, tmp_path):
    folder = folder_of_seeds(tmp_path / "minutes")
    store = open_store(db_path)
    ingest_paths(store, [folder], workers=0)
    for path in folder.iterdir():  # every file edited: both ingests plan to read them all
        path.write_text(path.read_text(encoding="utf-8") + "\nAdded later.\n", encoding="utf-8")
    progress, other = _another_ingest_at_the_first_step(db_path, folder)
    summary = ingest_paths(store, [folder], workers=0, progress=progress)
    store.close()
    assert other[0].changed == len(SEEDS)  # type: ignore[attr-defined]
    assert not summary.failed, summary.describe()
    assert (summary.changed, summary.unchanged) == (0, len(SEEDS)), summary.describe()


def test_copies_another_ingest_just_recorded_are_unchanged_not_failed(db_path, tmp_path):
    store = open_store(db_path)
    ingest_paths(store, [DATA], workers=0)
    copies = folder_of_seeds(tmp_path / "copies")  # the same bytes: copies of stored files
    progress, other = _another_ingest_at_the_first_step(db_path, copies)
    summary = ingest_paths(store, [copies], workers=0, progress=progress)
    store.close()
    assert other[0].copies == len(SEEDS)  # type: ignore[attr-defined]
    assert not summary.failed and summary.stopped is None, summary.describe()
    assert summary.unchanged + summary.copies == len(SEEDS)
