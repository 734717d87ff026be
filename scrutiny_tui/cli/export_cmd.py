"""``scrutiny export``: write a Markdown briefing pack for a scope."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime
from pathlib import Path

from scrutiny_tui.cli.common import SetupError, fail, open_settings_store, settings_from_args
from scrutiny_tui.safe_text import inline


def _date(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {value!r}")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a real date: {value!r}") from exc
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a Markdown briefing pack",
        description="Write a briefing pack: outstanding and overdue actions, resolutions and "
        "recommendations with their tracking status, and each agenda item with its extract, "
        "resolutions and your notes. With no scope, the whole store. Without --out the pack "
        "goes to the export folder (see `scrutiny locate`); a relative --out is taken inside "
        "that folder. An existing file is only replaced with --force.",
    )
    parser.add_argument("--committee", help="committees whose name contains this")
    parser.add_argument("--since", type=_date, help="meetings on or after YYYY-MM-DD")
    parser.add_argument("--until", type=_date, help="meetings on or before YYYY-MM-DD")
    parser.add_argument("--search", help="items that mention this (search syntax)")
    parser.add_argument("--tag", action="append", default=[], help="items with a note tagged")
    parser.add_argument("--item", action="append", type=int, default=[], help="an item id")
    parser.add_argument("--out", type=Path, help="where to write the pack")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--html", action="store_true", help="also write a printable .html")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.briefing import (
        BriefingError,
        BriefingScope,
        build_briefing,
        default_pack_path,
        resolve_pack_path,
        write_briefing,
    )

    try:
        settings = settings_from_args(args)
        store = open_settings_store(settings)
    except SetupError as exc:
        return fail(str(exc))
    scope = BriefingScope(
        committee=args.committee,
        since=args.since,
        until=args.until,
        search=args.search,
        tags=tuple(args.tag),
        item_ids=tuple(args.item),
    )
    now = datetime.now(UTC)
    try:
        briefing = build_briefing(store, scope, today=date.today(), generated_at=now)
        if not briefing.item_count:
            return fail(f"nothing in scope: {scope.describe()}")
        default = default_pack_path(settings.export_path, scope, now)
        path = resolve_pack_path(args.out, settings.export_path, default)
        written = write_briefing(briefing, path, force=args.force, html=args.html)
    except BriefingError as exc:
        return fail(str(exc))
    finally:
        store.close()
    print(inline(str(written)))
    if args.html:
        print(inline(str(written.with_suffix(".html"))))
    return 0
