"""Shared pieces for the hardening tests: a synthetic archive and a store with the member's
own records in it, and a count of everything that must never be lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import open_store

REPO = Path(__file__).resolve().parent.parent.parent
DATA = REPO / "data"


def make_corpus(items: int, out: Path, seed: int = 3) -> Path:
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "make_corpus.py"), str(items), str(out),
         "--seed", str(seed)],
        check=True, capture_output=True,
    )  # fmt: skip
    return out


def members_records(db: Path) -> dict[str, int]:
    """What belongs to the member: never to be lost by an ingest or a crash."""
    with sqlite3.connect(db) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("annotation", "recommendation_tracking", "status_change")
        }


@pytest.fixture
def member_store(db_path: Path) -> Path:
    """The seeds ingested, with notes and a tracking status of the member's."""
    store = open_store(db_path)
    ingest_paths(store, [DATA])
    with sqlite3.connect(db_path) as conn:
        items = [row[0] for row in conn.execute("SELECT uid FROM agenda_item ORDER BY id")]
        resolution = conn.execute("SELECT uid FROM resolution LIMIT 1").fetchone()[0]
    for n, uid in enumerate(items):
        notes.add_note(store, "item", uid, notes.NoteInput(f"Note {n} [bold]kept[/]", "concern"))
    tracker.set_status(store, resolution, "Slipped")
    store.close()
    return db_path
