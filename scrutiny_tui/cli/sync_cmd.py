"""``scrutiny sync [NAME…]``: fetch the followed committees' meetings from their sites."""

from __future__ import annotations

import argparse
from datetime import date

from scrutiny_tui.cli.common import (
    ProgressBar,
    SetupError,
    fail,
    open_settings_store,
    settings_from_args,
)
from scrutiny_tui.cli.sources_cmd import client_settings
from scrutiny_tui.safe_text import visible_controls


def iso_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="fetch minutes from the ModernGov sites you follow",
        description="For each followed committee of each source (or of the NAMEs given), "
        "fetch the meetings in the window (default: the last 12 months and the next 2) and "
        "store new and changed ones; unchanged meetings are not read again and your notes "
        "and tracking are kept. A meeting that fails is reported and skipped. Exit 1 when "
        "nothing could be synced.",
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="sources to sync (default all)")
    parser.add_argument("--since", type=iso_day, help="first meeting date, YYYY-MM-DD")
    parser.add_argument("--until", type=iso_day, help="last meeting date, YYYY-MM-DD")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.sync import SyncError, sync

    try:
        settings = settings_from_args(args)
        store = open_settings_store(settings)
    except SetupError as exc:
        return fail(str(exc))
    bar = ProgressBar(lambda name: visible_controls(name)[:40], erase=True)
    try:
        summary = sync(
            store,
            args.names or None,
            since=args.since,
            until=args.until,
            settings=client_settings(settings),
            progress=bar,
        )
    except SyncError as exc:
        return fail(visible_controls(str(exc)))
    finally:
        bar.close()
        store.close()
    if not summary.sources:
        return fail("no sources to sync; add one with: scrutiny sources add URL")
    print(visible_controls(summary.describe()))
    worked = summary.total("new") + summary.total("changed") + summary.total("unchanged")
    worked += summary.total("cancelled")
    nothing_failed = not summary.failed and not summary.broken_sources
    return 0 if worked or nothing_failed else 1
