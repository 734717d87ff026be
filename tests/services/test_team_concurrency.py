"""Members working at once on a team store, each in a process of their own, against a real
PostgreSQL server: a status two members set at the same moment, an officer's ingest while a
member annotates, and a member's process killed in the middle of saving."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrutiny_tui.services import notes
from scrutiny_tui.services.notes import NoteInput
from tests.conftest import DATA_DIR, REPO
from tests.team import Team

SET_STATUS = """
import sys, time
from scrutiny_tui.services import tracker
from scrutiny_tui.store.db import open_store
url, uid, status, start = sys.argv[1:5]
store = open_store(url)
while time.time() < float(start):
    time.sleep(0.002)
try:
    tracker.set_status(store, uid, status, expected=None)
    print("saved")
except tracker.StatusChanged as told:
    print("told", told.status, told.by)
"""

ADD_NOTES = """
import sys, time
from scrutiny_tui.services import notes
from scrutiny_tui.services.notes import NoteInput
from scrutiny_tui.store.db import open_store
url, item, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = open_store(url)
n = 0
while count < 0 or n < count:
    notes.add_note(store, "item", item, NoteInput(f"concern number {n}", tags=("load",)))
    n += 1
    print(n, flush=True)
"""


@pytest.fixture
def team(pg_server) -> Team:
    team = Team(pg_server, seeds=DATA_DIR)
    yield team
    team.close()


def _python(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _uid(team: Team, table: str) -> str:
    with team.admin.read() as conn:
        return str(conn.execute(f"SELECT uid FROM {table} ORDER BY id LIMIT 1").fetchone()[0])


def test_two_members_set_one_status_at_the_same_moment_and_one_is_told(team: Team) -> None:
    uid = _uid(team, "recommendation")
    start = str(time.time() + 3)
    runs = {
        name: _python(SET_STATUS, team.url(name), uid, status, start)
        for name, status in (("alice", "Accepted"), ("bob", "Rejected"))
    }
    said = {name: run.communicate(timeout=60) for name, run in runs.items()}
    assert all(run.returncode == 0 for run in runs.values()), said
    outcomes = sorted(out.split()[0] for out, _ in said.values())
    assert outcomes == ["saved", "told"], said
    winner = next(name for name, (out, _) in said.items() if out.startswith("saved"))
    loser = "bob" if winner == "alice" else "alice"
    status = {"alice": "Accepted", "bob": "Rejected"}[winner]
    assert said[loser][0].split() == ["told", status, winner]
    from scrutiny_tui.services import tracker

    history = tracker.status_history(team.admin, uid)
    assert [(h.status, h.changed_by) for h in history] == [(status, winner)]


def test_an_officers_ingest_while_a_member_annotates_gives_no_one_an_error(
    team: Team, tmp_path: Path
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    seeds = sorted(DATA_DIR.glob("*.txt"))
    for n in range(60):  # different minutes, each read and stored
        seed = seeds[n % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        (folder / f"m{n:03d}.txt").write_text(f"{text}\n\nAddendum {n}.\n", encoding="utf-8")
    item = _uid(team, "agenda_item")
    annotating = _python(ADD_NOTES, team.url("alice"), item, "40")
    ingest = subprocess.run(
        [sys.executable, "-m", "scrutiny_tui", "--db", team.url("olivia"), "ingest", str(folder)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    _, err = annotating.communicate(timeout=120)
    assert ingest.returncode == 0, ingest.stderr
    assert "60 new, 0 changed, 0 unchanged, 0 failed" in ingest.stdout, ingest.stdout
    assert annotating.returncode == 0 and not err.strip(), err
    mine = [n for n in notes.list_notes(team.member("alice")) if n.body.startswith("concern")]
    assert len(mine) == 40


def test_a_member_killed_mid_save_leaves_nothing_half_written(team: Team) -> None:
    item = _uid(team, "agenda_item")
    saving = _python(ADD_NOTES, team.url("alice"), item, "-1")
    assert saving.stdout is not None
    while int(saving.stdout.readline() or 0) < 5:  # saving has got going
        pass
    os.kill(saving.pid, signal.SIGKILL)
    saving.wait(timeout=30)
    alice = team.member("alice")
    with alice.read() as conn:
        written = conn.execute("SELECT count(*) FROM annotation").fetchone()[0]
        unindexed = conn.execute(
            "SELECT count(*) FROM annotation a WHERE NOT EXISTS (SELECT 1 FROM search_index s"
            " WHERE s.kind = 'note' AND s.ref = a.uuid)"
        ).fetchone()[0]
    assert written >= 5 and unindexed == 0
    # Nothing is left holding the store: the next save goes straight through.
    began = time.monotonic()
    notes.add_note(alice, "item", item, NoteInput("after the crash"))
    assert time.monotonic() - began < 5
