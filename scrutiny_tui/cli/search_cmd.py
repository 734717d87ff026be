"""``scrutiny search QUERY``: ranked hits with a highlighted snippet and where they are."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from scrutiny_tui.cli.common import (
    SetupError,
    fail,
    open_settings_store,
    print_json,
    settings_from_args,
)
from scrutiny_tui.safe_text import inline, one_line, visible_controls
from scrutiny_tui.vocabulary import NO_COMMITTEE, NO_DATE, NO_ITEM

if TYPE_CHECKING:  # the search service loads only when the command runs
    from scrutiny_tui.services.search import SearchHit


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="full-text search of minutes and notes",
        description='Search all stored minutes and your notes: words, "exact phrases", OR, '
        "NOT, prefix*. A query SQLite cannot read is searched as plain words, with a notice.",
    )
    parser.add_argument("query", nargs="+", help="what to look for")
    parser.add_argument(
        "--limit", type=_limit, default=20, metavar="N", help="how many hits (default 20)"
    )
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.set_defaults(func=run)


def _limit(text: str) -> int:
    from scrutiny_tui.services.search import MAX_LIMIT

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"use a number from 1 to {MAX_LIMIT}, not {text}")
    return value


def run(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.search import search

    try:
        settings = settings_from_args(args)
        store = open_settings_store(settings)
    except SetupError as exc:
        return fail(str(exc))
    try:
        query = " ".join(args.query)
        result = search(store, query, limit=args.limit, acronyms=settings.acronyms())
    finally:
        store.close()
    if result.notice:
        print(f"scrutiny: {visible_controls(result.notice)}", file=sys.stderr)
    if args.json:
        print_json([_as_json(hit) for hit in result.hits])
        return 0
    if not result.hits:
        print("No matches.")
    emphasis = _emphasis(sys.stdout.isatty())
    for rank, hit in enumerate(result.hits, 1):
        where = " · ".join([hit.committee or NO_COMMITTEE, hit.date or NO_DATE, item_name(hit)])
        print(f"{rank:>3}. {hit.kind:<14} {inline(where)}")
        print(f"     {marked(hit.snippet, hit.highlights, emphasis)}")
        print(f"     {inline(hit.file_name or NO_ITEM)}")
    return 0


def item_name(hit: SearchHit) -> str:
    """The agenda item as the minutes name it: "item 70 Budget monitoring", or "item:
    Budget monitoring" when they do not number it. Never the store's row id, which means
    nothing to a reader and changes when the minutes are imported again."""
    title = one_line(hit.item_title or "")
    if hit.item_number:
        return f"item {one_line(hit.item_number)} {title}".rstrip()
    if title:
        return f"item: {title}"
    return NO_ITEM


def _emphasis(terminal: bool) -> tuple[str, str]:
    return ("\x1b[1;7m", "\x1b[0m") if terminal else ("«", "»")


def marked(snippet: str, highlights: tuple[tuple[int, int], ...], emphasis: tuple[str, str]) -> str:
    """The snippet on one line, controls made visible, each hit wrapped in ``emphasis``."""
    out, last = [], 0
    for start, end in highlights:
        out += [_flat(snippet[last:start]), emphasis[0], _flat(snippet[start:end]), emphasis[1]]
        last = end
    out.append(_flat(snippet[last:]))
    return "".join(out)


def _flat(text: str) -> str:
    return visible_controls(text.replace("\n", " "))


def _as_json(hit: SearchHit) -> dict[str, object]:
    return {
        "kind": hit.kind,
        "uid": hit.uid,
        "item_uid": hit.item_uid,
        "item_number": hit.item_number,
        "committee": hit.committee,
        "date": hit.date,
        "item_title": hit.item_title,
        "file": hit.file_name,
        "snippet": hit.snippet,
        "highlights": [list(h) for h in hit.highlights],
    }
