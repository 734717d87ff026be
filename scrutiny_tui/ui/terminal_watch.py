"""Leave when the terminal goes away.

A terminal closed under the app (a tmux session killed, an ssh connection dropped) hangs up
its tty: reads return nothing at once, for ever, and Textual's input thread then spins at
full speed instead of ending (measured: 95% of a core for 25 minutes, the store left open).
The app leaves instead, on SIGHUP when the kernel sends one, and otherwise when a check
every few seconds finds the tty gone. Nothing is lost: every change is already committed.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import termios
from contextlib import suppress
from typing import Any

from textual.app import App

CHECK_SECONDS = 2.0


def watch_terminal(app: App[Any]) -> None:
    """From ``app``'s mount on: exit it when its terminal hangs up (a real terminal only:
    tests run headless and a browser tab has no tty)."""
    if app.is_headless or app.is_web:
        return
    try:
        fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
    except (ValueError, OSError):
        return
    if fd < 0 or not os.isatty(fd):
        return
    with suppress(NotImplementedError, RuntimeError, ValueError):
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, app.exit)

    def check() -> None:
        try:
            termios.tcgetattr(fd)
        except (termios.error, OSError):
            app.exit()

    app.set_interval(CHECK_SECONDS, check)
