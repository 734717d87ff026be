"""``scrutiny export``: write a briefing pack for a scope or for a committee's next meeting
(Markdown, with printable HTML and Word copies if asked)."""

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
        help="write a briefing pack (Markdown, HTML, Word)",
        description="Write a briefing pack: outstanding and overdue actions, recommendations "
        "with their tracking (status, lead, executive response, action taken), resolutions, "
        "and each agenda item with its extract, resolutions and your notes. With no scope, the "
        "whole store. --next-meeting COMMITTEE builds the pack for that committee's next "
        "meeting (synced from its site, or on --for-date): its actions not done, "
        "recommendations not achieved, and the resolutions and items of its last meeting. "
        "Procedural items (apologies, declarations of interest, minutes of the previous "
        "meeting, dates of meetings, urgent business, exclusion of the press and public) are "
        "left out unless --with-procedural. Without --out the pack goes to the export folder "
        "(see `scrutiny locate`); a relative --out is taken inside that folder. An existing "
        "file is only replaced with --force.",
    )
    parser.add_argument("--committee", help="committees whose name contains this")
    parser.add_argument("--since", type=_date, help="meetings on or after YYYY-MM-DD")
    parser.add_argument("--until", type=_date, help="meetings on or before YYYY-MM-DD")
    parser.add_argument("--search", help="items that mention this (search syntax)")
    parser.add_argument("--tag", action="append", default=[], help="items with a note tagged")
    parser.add_argument(
        "--topic", help="the items of one of your topics (see scrutiny topics list)"
    )
    parser.add_argument("--item", action="append", type=int, default=[], help="an item id")
    parser.add_argument(
        "--next-meeting",
        nargs="?",
        const="",
        metavar="COMMITTEE",
        help="the pack for the next meeting of the committee whose name contains this "
        "(no name: of the committees you follow on council sites)",
    )
    parser.add_argument(
        "--for-date",
        type=_date,
        help="with --next-meeting: the meeting's date, YYYY-MM-DD (when it is not synced)",
    )
    parser.add_argument(
        "--with-procedural",
        action="store_true",
        help="keep procedural items (apologies, declarations, minutes, dates of meetings…)",
    )
    parser.add_argument("--out", type=Path, help="where to write the pack")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument("--html", action="store_true", help="also write a printable .html")
    parser.add_argument("--docx", action="store_true", help="also write a Word .docx")
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.briefing import (
        BriefingError,
        BriefingScope,
        NoNextMeeting,
        build_briefing,
        copies_of,
        default_pack_path,
        resolve_pack_path,
        write_briefing,
    )

    next_meeting = args.next_meeting is not None or args.for_date is not None
    if next_meeting:
        if args.next_meeting and args.committee and args.next_meeting != args.committee:
            args.parser.error("give the committee once: --next-meeting COMMITTEE")
        extra = [
            flag
            for flag, value in (
                ("--since", args.since),
                ("--until", args.until),
                ("--search", args.search),
                ("--tag", args.tag),
                ("--topic", args.topic),
                ("--item", args.item),
            )
            if value
        ]
        if extra:
            args.parser.error(
                f"--next-meeting chooses its own meetings; leave out {', '.join(extra)}"
            )
    try:
        settings = settings_from_args(args)
        store = open_settings_store(settings)
    except SetupError as exc:
        return fail(str(exc))
    search, tags = args.search, tuple(args.tag)
    if args.topic:
        if search or tags:
            store.close()
            args.parser.error("--topic brings its own search or tag; leave out --search, --tag")
        from scrutiny_tui.services.topics import TopicError, find_topic

        try:
            topic = find_topic(store, args.topic)
        except TopicError as exc:
            store.close()
            return fail(str(exc))
        search, tags = topic.query, ((topic.tag,) if topic.tag else ())
    scope = BriefingScope(
        committee=args.next_meeting or args.committee,
        since=args.since,
        until=args.until,
        search=search,
        tags=tags,
        item_ids=tuple(args.item),
        with_procedural=args.with_procedural,
        next_meeting=next_meeting,
        for_date=args.for_date,
    )
    now = datetime.now(UTC)
    try:
        briefing = build_briefing(store, scope, today=date.today(), generated_at=now)
        if not briefing.item_count and not scope.next_meeting:
            return fail(f"nothing in scope: {scope.describe()}")
        default = default_pack_path(settings.export_path, scope, now)
        path = resolve_pack_path(args.out, settings.export_path, default)
        written = write_briefing(briefing, path, force=args.force, html=args.html, docx=args.docx)
    except NoNextMeeting as exc:
        return fail(
            f"{exc}: give the meeting's date with --for-date YYYY-MM-DD, or fetch the "
            "meetings of the committees you follow with scrutiny sync"
        )
    except BriefingError as exc:
        return fail(str(exc))
    finally:
        store.close()
    for copy in copies_of(written, html=args.html, docx=args.docx):
        print(inline(str(copy)))
    return 0
