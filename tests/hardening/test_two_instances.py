"""Two processes on one database: one ingesting, the other annotating and tracking. No
"database is locked" reaches the user, and each sees the other's work."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from conftest import make_corpus, members_records

ANNOTATOR = """
import sys
from scrutiny_tui.services import notes, tracker
from scrutiny_tui.store.db import open_store
store = open_store(sys.argv[1])
item_uid, resolution_uid = sys.argv[2], sys.argv[3]
for n in range(60):
    notes.add_note(store, "item", item_uid, notes.NoteInput(f"while ingesting {n}"))
    tracker.set_status(store, resolution_uid, "Slipped" if n % 2 else "On track (not yet due)")
    # and reads what the ingest has written so far
    with store.read() as conn:
        conn.execute("SELECT count(*) FROM document").fetchone()
print("annotator done", flush=True)
"""


def test_ingest_and_annotate_at_once(member_store, tmp_path):
    corpus = make_corpus(800, tmp_path / "corpus")
    before = members_records(member_store)
    with sqlite3.connect(member_store) as conn:
        item_uid = conn.execute("SELECT uid FROM agenda_item LIMIT 1").fetchone()[0]
        resolution_uid = conn.execute("SELECT uid FROM resolution LIMIT 1").fetchone()[0]
    ingest = subprocess.Popen(
        [sys.executable, "-m", "scrutiny_tui", "--db", str(member_store), "ingest", str(corpus)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    annotator = subprocess.Popen(
        [sys.executable, "-c", ANNOTATOR, str(member_store), item_uid, resolution_uid],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    ingest_out, ingest_err = ingest.communicate(timeout=300)
    notes_out, notes_err = annotator.communicate(timeout=300)
    assert ingest.returncode == 0, ingest_err
    assert annotator.returncode == 0, notes_err
    assert "locked" not in ingest_err + notes_err
    assert "0 failed" in ingest_out and "annotator done" in notes_out

    after = members_records(member_store)
    assert after["annotation"] == before["annotation"] + 60
    assert after["status_change"] == before["status_change"] + 60
    search = subprocess.run(
        [sys.executable, "-m", "scrutiny_tui", "--db", str(member_store), "search",
         "while ingesting", "--limit", "100"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert search.stdout.count("note ") >= 50  # the ingesting side's store sees the notes
    with sqlite3.connect(member_store) as conn:
        stored = conn.execute("SELECT count(*) FROM document WHERE path LIKE ?", (f"{corpus}%",))
        assert stored.fetchone()[0] == len(list(corpus.rglob("*.txt")))
