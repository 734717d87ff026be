"""The app leaves when its terminal goes away (a tmux session killed, ssh dropped) instead
of spinning on a hung-up tty with the store open."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_app_exits_when_its_terminal_is_closed(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(
        [sys.executable, "-m", "scrutiny_tui", "--db", str(tmp_path / "s.db")],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=REPO,
        start_new_session=True,  # no controlling tty: no SIGHUP, the check must notice
    )
    os.close(slave)
    try:
        drawn = b""
        deadline = time.monotonic() + 30
        while b"Attention" not in drawn and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    drawn += os.read(master, 65536)
                except OSError:
                    break
        assert b"Attention" in drawn, drawn[-500:]
        os.close(master)  # the terminal goes away
        master = -1
        started = time.monotonic()
        process.wait(timeout=20)
        assert time.monotonic() - started < 15
    finally:
        if master >= 0:
            os.close(master)
        if process.poll() is None:
            process.kill()
            process.wait()
