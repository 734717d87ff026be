"""Helpers shared by the subcommands: settings with command-line overrides, error output."""

from __future__ import annotations

import argparse
import sys

from scrutiny_tui.config import ConfigError, Settings, load_settings
from scrutiny_tui.store.db import Store, StoreError, open_store


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings from --config (or the usual lookup), with --db taking precedence."""
    settings = load_settings(getattr(args, "config", None))
    db = getattr(args, "db", None)
    if db is not None:
        settings.cli_database = db.expanduser().resolve()
    return settings


def fail(message: str, code: int = 1) -> int:
    """Print a one-line reason on stderr and return the exit code."""
    print(f"scrutiny: {message}", file=sys.stderr)
    return code


def store_from_args(args: argparse.Namespace) -> Store:
    """The configured store, opened (raises ConfigError or StoreError with the reason)."""
    return open_store(settings_from_args(args).database_path)


__all__ = ["ConfigError", "StoreError", "fail", "settings_from_args", "store_from_args"]
