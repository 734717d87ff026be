"""``scrutiny meetings``: the stored meetings, from files or sites, so a sync can be checked."""

from __future__ import annotations

import argparse
import sys

from scrutiny_tui.cli.common import SetupError, fail, print_json, store_from_args
from scrutiny_tui.cli.sync_cmd import iso_day
from scrutiny_tui.safe_text import inline, one_line, visible_controls
from scrutiny_tui.vocabulary import NO_COMMITTEE, NO_COUNCIL, NO_DATE


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "meetings",
        help="list stored meetings with their items and decisions",
        description="Every stored meeting, whatever its origin (a file or a synced site), "
        "oldest first; --json gives committee, date, source, items with their resolutions, "
        "recommendations and actions, and who was present or sent apologies.",
    )
    parser.add_argument("--committee", metavar="TEXT", help="committee name contains TEXT")
    parser.add_argument("--since", type=iso_day, help="from this date, YYYY-MM-DD")
    parser.add_argument("--until", type=iso_day, help="to this date, YYYY-MM-DD")
    parser.add_argument(
        "--limit",
        type=_count,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"the latest N meetings (default {DEFAULT_LIMIT}; 0 for all)",
    )
    parser.add_argument("--json", action="store_true", help="print them as JSON")
    parser.set_defaults(func=run)


DEFAULT_LIMIT = 50  # a committee's year or two; a region's archive is thousands


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 1_000_000_000:
        raise argparse.ArgumentTypeError(f"use a number from 0 to 1000000000, not {text}")
    return value


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def run(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.browse import meetings_for_shell

    try:
        store = store_from_args(args)
    except SetupError as exc:
        return fail(str(exc))
    try:
        total, meetings = meetings_for_shell(
            store,
            committee=args.committee,
            since=args.since.isoformat() if args.since else None,
            until=args.until.isoformat() if args.until else None,
            limit=args.limit or None,
        )
    finally:
        store.close()
    if len(meetings) < total:
        earlier = total - len(meetings)
        print(
            f"{_n(earlier, 'earlier meeting')} not shown (--limit 0 for all, or --since)",
            file=sys.stderr,
        )
    if args.json:
        print_json(meetings)
        return 0
    if not meetings:
        print("No meetings.")
    for meeting in meetings:
        head = " · ".join(
            [
                meeting["date"] or NO_DATE,
                meeting["committee"] or NO_COMMITTEE,
                meeting["council"] or NO_COUNCIL,
            ]
        )
        items = meeting["items"]
        decisions = sum(len(i["resolutions"]) for i in items)
        print(visible_controls(one_line(head)))
        counts = f"{_n(len(items), 'item')}, {_n(decisions, 'resolution')}"
        gone = " (file missing)" if meeting["source_missing"] else ""
        print(f"  {counts}  {inline(meeting['source'])}{gone}")
        for other in meeting["other_sources"]:
            print(f"  {' ' * len(counts)}  also {inline(other)}")
    return 0
