"""``scrutiny topics``: subjects followed across meetings (add, list, show, remove)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from scrutiny_tui.cli.common import (
    SetupError,
    fail,
    open_settings_store,
    print_json,
    settings_from_args,
)
from scrutiny_tui.safe_text import inline, one_line

if TYPE_CHECKING:
    from scrutiny_tui.services.topics import Timeline, TimelineEntry
    from scrutiny_tui.store.db import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "topics",
        help="subjects you follow across meetings (saved searches or note tags)",
        description='A topic is a saved search (CAMHS, "damp and mould") or one of your note '
        "tags. Its timeline lists, meeting by meeting and oldest first, what was discussed, "
        "resolved, recommended and promised about it, with tracking and your notes.",
    )
    commands = parser.add_subparsers(dest="topics_command", metavar="ACTION", required=True)
    add = commands.add_parser("add", help="follow a topic: a search, or --tag for a note tag")
    add.add_argument("name", help="what to call it")
    add.add_argument("query", nargs="?", help="the search (the same syntax as scrutiny search)")
    add.add_argument("--tag", help="instead of a search: items with a note tagged this")
    add.set_defaults(func=_run_add)
    listing = commands.add_parser("list", help="the topics you follow")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    listing.set_defaults(func=_run_list)
    show = commands.add_parser("show", help="a topic's timeline, oldest meeting first")
    show.add_argument("name")
    show.add_argument("--json", action="store_true", help="print it as JSON")
    show.set_defaults(func=_run_show)
    remove = commands.add_parser("remove", help="stop following a topic (nothing else changes)")
    remove.add_argument("name")
    remove.set_defaults(func=_run_remove)


def _store(args: argparse.Namespace) -> Store:
    return open_settings_store(settings_from_args(args))


def _run_add(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.topics import TopicError, add_topic, describe

    try:
        store = _store(args)
    except SetupError as exc:
        return fail(str(exc))
    try:
        topic = add_topic(store, args.name, query=args.query, tag=args.tag)
    except TopicError as exc:
        return fail(str(exc))
    finally:
        store.close()
    print(f"following {inline(topic.name)} ({inline(describe(topic))})")
    return 0


def _run_list(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.topics import describe, list_topics

    try:
        store = _store(args)
    except SetupError as exc:
        return fail(str(exc))
    try:
        topics = list_topics(store)
    finally:
        store.close()
    if args.json:
        print_json([_jsonable(asdict(t)) for t in topics])
        return 0
    if not topics:
        print("no topics yet: scrutiny topics add NAME QUERY")
    for topic in topics:
        print(f"{inline(topic.name)}  ({inline(describe(topic))})")
    return 0


def _run_remove(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.topics import TopicError, remove_topic

    try:
        store = _store(args)
    except SetupError as exc:
        return fail(str(exc))
    try:
        remove_topic(store, args.name)
    except TopicError as exc:
        return fail(str(exc))
    finally:
        store.close()
    print(f"stopped following {inline(args.name)}")
    return 0


def _run_show(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.topics import TopicError, timeline

    try:
        store = _store(args)
    except SetupError as exc:
        return fail(str(exc))
    try:
        found = timeline(store, args.name, today=date.today())
    except TopicError as exc:
        return fail(str(exc))
    finally:
        store.close()
    if args.json:
        print_json(_jsonable(asdict(found)))
    else:
        _print_timeline(found)
    return 0


def _jsonable(value: Any) -> Any:
    """Dates and times as ISO text, everything else as it is."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    return value


def _print_timeline(found: Timeline) -> None:
    from scrutiny_tui.services.topics import describe

    count = found.item_count
    print(
        f"{inline(found.topic.name)} ({inline(describe(found.topic))}): "
        f"{count} item{'s' if count != 1 else ''} in {len(found.meetings)} meetings"
        + (", more match (the best are listed)" if found.more else "")
    )
    if found.notice:
        print(inline(found.notice))
    for meeting in found.meetings:
        print()
        head = " · ".join(
            [meeting.date or "undated", meeting.committee or "committee not stated"]
            + ([meeting.council] if meeting.council else [])
        )
        print(inline(head))
        for entry in meeting.entries:
            _print_entry(entry)


def _print_entry(entry: TimelineEntry) -> None:
    number = f"{entry.number} " if entry.number else ""
    new = "  [new]" if entry.new else ""
    print(f"  {inline(number + one_line(entry.title, 100))}{new}")
    print(f"    discussed: {inline(one_line(entry.passage, 240))}")
    for line in entry.resolutions:
        label = f"({line.label}) " if line.label else ""
        print(
            f"    resolved {label}[{inline(line.state or '')}]: {inline(one_line(line.text, 200))}"
        )
    for line in entry.recommendations:
        ref = f"Rec {line.label} " if line.label else "Rec "
        print(f"    {inline(ref)}[{inline(line.state or '')}]: {inline(one_line(line.text, 200))}")
    for line in entry.actions:
        due = f", due {line.due}" if line.due else ""
        print(f"    promised [{line.state}{inline(due)}]: {inline(one_line(line.text, 200))}")
    for note in entry.notes:
        print(f"    your {inline(note.kind)} [{note.status}]: {inline(one_line(note.body, 200))}")
