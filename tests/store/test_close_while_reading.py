"""Closing the store while a worker thread is in the middle of a query (the app quitting
while a tracker still counts its rows) interrupts the query; it never crashes the process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import sqlite3, sys, threading
    from scrutiny_tui.store.db import open_store

    store = open_store(sys.argv[1])
    started, outcome = threading.Event(), []

    def count_forever():
        try:
            with store.read() as conn:
                # told once the statement is running (closing before it starts proves nothing)
                conn.set_progress_handler(lambda: started.set(), 10_000)
                conn.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
                    " SELECT count(*) FROM (SELECT i FROM n LIMIT 2000000000)"
                ).fetchone()
            outcome.append("finished")
        except sqlite3.OperationalError as exc:
            outcome.append(str(exc))

    worker = threading.Thread(target=count_forever)
    worker.start()
    started.wait(10)
    store.close()
    worker.join(30)
    print(outcome[0] if outcome else "still running")
    with store.read() as conn:  # the store opens again for whoever asks next
        print(conn.execute("SELECT count(*) FROM document").fetchone()[0])
    """
)


def test_closing_under_a_running_query_interrupts_it(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "store.db")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["interrupted", "0"]
