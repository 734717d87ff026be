"""Hostile and broken input: each gets a specific message or a safe literal result, and
nothing already stored is lost."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import members_records

from scrutiny_tui.cli import main
from scrutiny_tui.services.ingest import NOT_MINUTES, ingest_paths
from scrutiny_tui.services.search import search
from scrutiny_tui.store.db import open_store
from tests.raw_sqlite import connect as raw_connect

MINUTES = (
    "Overview and Scrutiny Committee - Tuesday, 4th March, 2025 7.00 pm\n\n"
    "1. Budget monitoring\n\nThe Committee noted the £2.4m overspend on “placements”.\n\n"
    "RESOLVED – That the report be noted.\n"
)
HOSTILE = (
    "Overview and Scrutiny Committee - Tuesday, 4th March, 2025 7.00 pm\n\n"
    "1. [bold red]Budget[/] \x1b[2J monitoring\n\n"
    "The Committee noted [@click=app.quit]this[/] and \x1b]52;c;ZXZpbA==\x07 that.\n\n"
    "RESOLVED – That the [link=https://example.invalid]report[/link] be noted.\n"
)


def _sparse(size: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)

    return write


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    ("empty.txt", lambda p: p.write_bytes(b""), "empty file"),
    ("photo.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40), "binary"),
    ("fifty-mb.txt", _sparse(50 * 1024 * 1024), "binary"),
    ("huge.txt", _sparse(65 * 1024 * 1024), "file too large"),
    ("shopping.txt", lambda p: p.write_text("Milk\nEggs\nBread\n", "utf-8"), NOT_MINUTES),
    ("scanned.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n%%EOF\n"), "PDF"),
    ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really"), "Word"),
]


@pytest.mark.parametrize(("name", "write", "reason"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_file_is_named_and_nothing_stored_is_lost(
    member_store, tmp_path, name, write, reason
):
    before = members_records(member_store)
    path = tmp_path / name
    write(path)
    store = open_store(member_store)
    summary = ingest_paths(store, [path])
    store.close()
    (problem,) = summary.failed
    assert reason.lower() in problem.reason.lower()
    assert members_records(member_store) == before


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_legacy_encodings_are_read_correctly(tmp_path, db_path, encoding):
    path = tmp_path / f"minutes-{encoding}.txt"
    path.write_bytes(MINUTES.replace("\n", "\r\n").encode(encoding))
    store = open_store(db_path)
    assert ingest_paths(store, [path]).new == 1
    hit = search(store, "overspend").hits[0]
    assert "£2.4m overspend on “placements”" in hit.snippet


def test_a_one_megabyte_line_is_read_in_reasonable_time(tmp_path, db_path):
    path = tmp_path / "one-line.txt"
    long_line = "The Committee discussed " + "placements " * 95_000 + "at length."
    path.write_text(MINUTES.replace("RESOLVED", long_line + "\n\nRESOLVED"), "utf-8")
    store = open_store(db_path)
    started = time.perf_counter()
    summary = ingest_paths(store, [path])
    assert time.perf_counter() - started < 60
    assert summary.new == 1 and not summary.failed


def test_markup_and_escapes_in_minutes_never_reach_the_terminal(tmp_path, db_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    assert main(["--db", str(db_path), "ingest", str(path)]) == 0
    for command in (["search", "monitoring"], ["parse", str(path)], ["notes", "list"]):
        run = subprocess.run(
            [sys.executable, "-m", "scrutiny_tui", "--db", str(db_path), *command],
            capture_output=True, check=False,
        )  # fmt: skip
        assert run.returncode == 0, command
        assert b"\x1b" not in run.stdout + run.stderr and b"\x07" not in run.stdout
    with raw_connect(db_path) as conn:
        stored = conn.execute("SELECT unpacked(text) FROM document").fetchone()[0]
    assert "[bold red]Budget[/]" in stored  # kept as written: it is the record


@pytest.mark.parametrize("query", ['"', "AND (", "*", "NEAR(", "title:", '"AND (', "^", ")"])
def test_search_syntax_gets_a_notice_never_a_traceback(member_store, query):
    run = subprocess.run(
        [sys.executable, "-m", "scrutiny_tui", "--db", str(member_store), "search", query],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0
    assert "Traceback" not in run.stderr


def test_a_path_that_does_not_exist(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "ingest", str(tmp_path / "nowhere")]) == 1
    assert "no such file or folder" in capsys.readouterr().out
