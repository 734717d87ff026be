"""``scrutiny locate``: where the config, the database and the briefing packs live."""

from __future__ import annotations

import argparse

from scrutiny_tui import locations
from scrutiny_tui.cli.common import SetupError, fail, settings_from_args
from scrutiny_tui.config import printable_target


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "locate",
        help="print where config, data and exports live",
        description="Print where scrutiny-tui reads its config and keeps the database and "
        "briefing packs. Delete the database file to remove everything it stored.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        settings = settings_from_args(args)
    except SetupError as exc:
        return fail(str(exc))
    config = settings.config_file or "(none found; defaults in use)"
    rows = [
        ("config", str(config)),
        ("database", printable_target(settings.database_target)),
        ("exports", str(settings.export_path)),
        ("data folder", str(locations.data_dir())),
    ]
    for name, value in rows:
        print(f"{name:<12} {value}")
    return 0
