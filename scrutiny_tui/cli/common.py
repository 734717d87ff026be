"""Helpers shared by the subcommands: settings with command-line overrides, error output.

Nothing heavy is imported at module level: ``scrutiny --version`` and ``--help`` must start
instantly, so settings (pydantic) and the store (SQLAlchemy) load only when a command runs.
"""

from __future__ import annotations

import argparse
import sys
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
    if db is not None:
        settings.cli_database = db.expanduser().resolve()
    return settings


def fail(message: str, code: int = 1) -> int:
    """Print a one-line reason on stderr and return the exit code."""
    print(f"scrutiny: {message}", file=sys.stderr)
    return code


def store_from_args(args: argparse.Namespace) -> Store:
    """The configured store, opened (raises SetupError with the reason)."""
    return open_settings_store(settings_from_args(args))


def open_settings_store(settings: Settings) -> Store:
    from scrutiny_tui.store.db import StoreError, open_store

    try:
        return open_store(settings.database_path)
    except StoreError as exc:
        raise SetupError(str(exc)) from exc


__all__ = ["SetupError", "fail", "open_settings_store", "settings_from_args", "store_from_args"]
