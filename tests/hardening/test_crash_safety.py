"""kill -9 in the middle of an ingest and in the middle of saving notes: the store opens
consistent, every committed note is there, and a re-run completes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import make_corpus, members_records

from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import open_store


def documents(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM document").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def test_an_ingest_killed_mid_run_loses_nothing_and_completes_on_rerun(member_store, tmp_path):
    corpus = make_corpus(1500, tmp_path / "corpus")
    before = members_records(member_store)
    seeds = documents(member_store)
    ingest = subprocess.Popen(
        [sys.executable, "-m", "scrutiny_tui", "--db", str(member_store), "ingest", str(corpus),
         "--workers", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while documents(member_store) <= seeds and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(ingest.pid, signal.SIGKILL)
    ingest.wait()
    assert ingest.returncode == -signal.SIGKILL  # killed mid-run, not finished
    assert seeds < documents(member_store)

    assert integrity(member_store) == "ok"
    assert members_records(member_store) == before
    store = open_store(member_store)
    rerun = ingest_paths(store, [corpus], workers=1)
    store.close()
    assert not rerun.failed and rerun.new > 0
    assert members_records(member_store) == before
    clean = open_store(tmp_path / "clean.db")
    reference = ingest_paths(clean, [corpus], workers=1)
    clean.close()
    with sqlite3.connect(member_store) as a, sqlite3.connect(tmp_path / "clean.db") as b:
        for table in ("agenda_item", "resolution", "action"):
            query = f"SELECT count(*) FROM {table} t JOIN document d ON d.path LIKE ?" + (
                " WHERE t.document_id = d.id" if table == "agenda_item" else
                " JOIN agenda_item i ON i.document_id = d.id WHERE t.item_id = i.id"
            )  # fmt: skip
            like = (f"{corpus}%",)
            assert a.execute(query, like).fetchone() == b.execute(query, like).fetchone()
    assert reference.counts.items > 0


SAVER = """
import sys
from scrutiny_tui.services import notes
from scrutiny_tui.store.db import open_store
store = open_store(sys.argv[1])
uid = sys.argv[2]
n = 0
while True:
    view = notes.add_note(store, "item", uid, notes.NoteInput(f"saved {n}"))
    print(view.uuid, flush=True)
    n += 1
"""


def test_a_process_killed_while_saving_notes_keeps_every_saved_one(member_store):
    with sqlite3.connect(member_store) as conn:
        uid = conn.execute("SELECT uid FROM agenda_item LIMIT 1").fetchone()[0]
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(member_store), uid],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    reported: list[str] = []
    assert saver.stdout is not None
    while len(reported) < 40:
        reported.append(saver.stdout.readline().strip())
    saver.send_signal(signal.SIGKILL)
    rest = saver.stdout.read()
    saver.wait()
    reported += [line for line in rest.split() if line]
    assert integrity(member_store) == "ok"
    with sqlite3.connect(member_store) as conn:
        stored = {row[0] for row in conn.execute("SELECT uuid FROM annotation")}
    assert set(reported) <= stored
