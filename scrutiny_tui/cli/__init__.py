"""The ``scrutiny`` command. Textual is imported only when the app opens.

Exit codes: 0 success, 1 the work failed (unreadable file, nothing found to export...),
2 the command line was wrong (argparse's own convention).
"""

from __future__ import annotations

import argparse
import importlib
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
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrutiny",
        description="Council scrutiny minutes in the terminal. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"scrutiny-tui {__version__}")
    parser.add_argument(
        "--db", type=Path, help="SQLite database to use (overrides config and SCRUTINY_DB)"
    )
    parser.add_argument("--config", type=Path, help="config.yaml to use")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from scrutiny_tui.cli.app_cmd import run_app

        return run_app(args)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
