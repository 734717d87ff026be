"""The ``scrutiny`` command. Textual is imported only when the app opens.

Exit codes: 0 success, 1 the work failed (unreadable file, nothing found to export...),
2 the command line was wrong (argparse's own convention), 141 the output was cut short
because its reader stopped reading (``| head``), as for any command killed by SIGPIPE.

A fault of the store (full disk, read-only or damaged file) that reaches this level is
reported as one line naming the command that failed, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from scrutiny_tui import __version__

# Each module defines ``register(subparsers)``; its subcommands set ``func(args) -> int``.
COMMAND_MODULES: tuple[str, ...] = (
    "scrutiny_tui.cli.app_cmd",
    "scrutiny_tui.cli.locate_cmd",
    "scrutiny_tui.cli.parse_cmd",
    "scrutiny_tui.cli.ingest_cmd",
    "scrutiny_tui.cli.search_cmd",
    "scrutiny_tui.cli.export_cmd",
    "scrutiny_tui.cli.notes_cmd",
    "scrutiny_tui.cli.sources_cmd",
    "scrutiny_tui.cli.sync_cmd",
    "scrutiny_tui.cli.meetings_cmd",
    "scrutiny_tui.cli.db_cmd",
    "scrutiny_tui.cli.serve_cmd",
    "scrutiny_tui.cli.topics_cmd",
    "scrutiny_tui.cli.people_cmd",
    "scrutiny_tui.cli.team_cmd",
)

#: Exit status of a command whose output pipe was closed by its reader (128 + SIGPIPE).
CLOSED_PIPE = 141


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrutiny",
        description="Council scrutiny minutes in the terminal. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"scrutiny-tui {__version__}")
    parser.add_argument(
        "--db",
        help="the store to use: a SQLite file, or a team store's postgresql:// URL "
        "(overrides config and SCRUTINY_DB)",
    )
    parser.add_argument("--config", type=Path, help="config.yaml to use")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from scrutiny_tui.cli.app_cmd import run_app

            return run_app(args)
        return int(args.func(args))
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:
        from scrutiny_tui.store.db import DatabaseError, StoreError, describe_error

        if not isinstance(exc, (StoreError, DatabaseError)):
            raise
        from scrutiny_tui.cli.common import fail

        return fail(f"{command_name(args)} failed: {describe_error(exc)}")


def command_name(args: argparse.Namespace) -> str:
    """The command as typed ("search", "notes add"), for a one-line failure."""
    words = [args.command or "scrutiny"]
    words += [
        getattr(args, name)
        for name in (
            "notes_command",
            "sources_command",
            "db_command",
            "topics_command",
            "people_command",
            "team_command",
        )
        if getattr(args, name, None)
    ]
    return " ".join(words)


def _reader_gone() -> int:
    """The reader of our output went away (``scrutiny search x | head``): stop quietly.
    Whatever is still buffered goes nowhere, so the exit flush cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return CLOSED_PIPE


if __name__ == "__main__":
    sys.exit(main())
