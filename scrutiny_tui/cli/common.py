"""Helpers shared by the subcommands: settings with command-line overrides, error output.

Nothing heavy is imported at module level: ``scrutiny --version`` and ``--help`` must start
instantly, so settings (pydantic) and the store (SQLAlchemy) load only when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrutiny_tui.config import Settings
    from scrutiny_tui.store.db import Store


class SetupError(Exception):
    """The config or the database cannot be used; the message says why."""


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings from --config (or the usual lookup), with --db taking precedence."""
    from scrutiny_tui.config import ConfigError, load_settings

    try:
        settings = load_settings(getattr(args, "config", None))
    except ConfigError as exc:
        raise SetupError(str(exc)) from exc
    db = getattr(args, "db", None)
    if db:
        from scrutiny_tui.config import is_database_url

        db = str(db)
        if not is_database_url(db):
            db = str(Path(db.removeprefix("sqlite:///")).expanduser().resolve())
        settings.cli_database = db
    return settings


def fail(message: str, code: int = 1) -> int:
    """Print a one-line reason on stderr and return the exit code. The reason is kept to
    one line whatever it quotes (a file name with a newline in it, say)."""
    from scrutiny_tui.safe_text import inline

    print(f"scrutiny: {inline(message)}", file=sys.stderr)
    return code


def print_json(data: object) -> None:
    """``data`` as indented JSON on stdout, inert on a terminal (see json_for_terminal)."""
    import json

    from scrutiny_tui.safe_text import json_for_terminal

    print(json_for_terminal(json.dumps(data, ensure_ascii=False, indent=2)))


def store_from_args(args: argparse.Namespace) -> Store:
    """The configured store, opened (raises SetupError with the reason)."""
    return open_settings_store(settings_from_args(args))


def open_settings_store(settings: Settings) -> Store:
    from scrutiny_tui.store.db import StoreError, open_store

    try:
        return open_store(settings.database_target)
    except StoreError as exc:
        raise SetupError(str(exc)) from exc


__all__ = [
    "SetupError",
    "fail",
    "open_settings_store",
    "print_json",
    "settings_from_args",
    "store_from_args",
]


class ProgressBar:
    """A one-line progress bar on stderr, drawn only on a terminal.

    ``label`` names what is counted ("files", or the meeting being read); runs of fewer than
    ``min_total`` steps draw nothing, and only every ``every``-th step (and the last) is
    drawn. ``erase`` clears the bar when done instead of leaving it on its own line.
    """

    def __init__(
        self,
        label: Callable[[str], str],
        *,
        min_total: int = 0,
        every: int = 1,
        erase: bool = False,
    ) -> None:
        self.label = label
        self.min_total = min_total
        self.every = every
        self.erase = erase
        self.shown = False

    def __call__(self, done: int, total: int, name: str) -> None:
        if total < self.min_total or not sys.stderr.isatty():
            return
        if done % self.every and done != total:
            return
        width = 30
        filled = width * done // max(total, 1)
        clear = "\x1b[K" if self.erase else ""
        bar = f"[{'#' * filled}{'.' * (width - filled)}]"
        sys.stderr.write(f"\r{clear}{bar} {done}/{total} {self.label(name)}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K" if self.erase else "\n")
            sys.stderr.flush()
