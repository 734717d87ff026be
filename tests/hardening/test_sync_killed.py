"""kill -9 in the middle of a sync: the store opens consistent and the next sync finishes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from scrutiny_tui.services import sync as sync_service
from scrutiny_tui.store.db import open_store
from tests.moderngov.fake_site import FakeSite

FAST = sync_service.client_settings(pause=0, timeout=2, retries=0)


def meetings(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM meeting").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_sync_killed_mid_run_leaves_the_store_consistent_and_the_next_finishes(tmp_path):
    site = FakeSite("/democracy/", today=date.today())
    site.start()
    try:
        db = tmp_path / "store.db"
        store = open_store(db)
        sync_service.add_source(store, site.base_url, name="demo", settings=FAST)
        store.close()
        config = tmp_path / "config.yaml"
        config.write_text("sync:\n  pause: 0.4\n  timeout: 2\n", encoding="utf-8")
        child = subprocess.Popen(
            [sys.executable, "-m", "scrutiny_tui", "--config", str(config), "--db", str(db),
             "sync"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while meetings(db) < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL
        stored = meetings(db)
        assert 1 <= stored < 3  # killed part-way
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            orphans = conn.execute(
                "SELECT count(*) FROM agenda_item ai LEFT JOIN meeting m ON m.id = ai.meeting_id"
                " WHERE m.id IS NULL"
            ).fetchone()[0]
            assert orphans == 0
        store = open_store(db)
        summary = sync_service.sync(store, settings=FAST)
        store.close()
        assert summary.failed == [] and summary.total("new") == 3 - stored
        assert summary.total("unchanged") == stored
        assert meetings(db) == 3
    finally:
        site.stop()
