"""Helpers shared by the subcommands: settings with command-line overrides, error output."""

from __future__ import annotations

import argparse
import sys

from scrutiny_tui.config import ConfigError, Settings, load_settings


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


__all__ = ["ConfigError", "fail", "settings_from_args"]
