"""``scrutiny parse FILE [--json]``: what the parser reads in one file, without storing it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from scrutiny_tui.cli.common import fail, print_json
from scrutiny_tui.safe_text import one_line, visible_controls
from scrutiny_tui.vocabulary import NO_COMMITTEE, NO_COUNCIL, NO_DATE

if TYPE_CHECKING:
    from scrutiny_tui.parser import ParsedDocument


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="show what is read from one minutes file (nothing is stored)",
        description="Read one minutes file (text, Markdown, HTML, PDF or Word) and print "
        "its meeting, agenda items, resolutions, recommendations and actions. With --json, "
        "print the stable JSON contract described in the README.",
    )
    parser.add_argument("file", type=Path, help="the minutes file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from scrutiny_tui.extract import ExtractError, load_document
    from scrutiny_tui.parser import parse_text

    path: Path = args.file
    try:
        doc = load_document(path)
    except ExtractError as exc:
        reason = str(exc)
        return fail(reason if str(path) in reason else f"cannot read {path}: {reason}")
    parsed = parse_text(
        doc.text, source=str(path), sha256=doc.sha256, format=doc.format, metadata=doc.metadata
    )
    parsed.warnings[:0] = doc.warnings  # what the reader could read only in part
    if args.json:
        print_json(parsed.to_json())
    else:
        print(visible_controls(describe(parsed)))
    return 0


def describe(parsed: ParsedDocument) -> str:
    """A reader's outline of the parse: meeting, then each item with what it decided."""
    m = parsed.meeting
    lines = [
        f"{m.body or NO_COMMITTEE} · {m.date or NO_DATE} · {m.council or NO_COUNCIL}",
    ]
    if m.present:
        lines.append("present: " + "; ".join(p.name for p in m.present))
    if m.apologies:
        lines.append("apologies: " + "; ".join(p.name for p in m.apologies))
    for item in parsed.items:
        lines.append("")
        lines.append(f"{item.number or '-'}  {one_line(item.title)}")
        lines += [
            f"    resolution ({r.label or '-'}, {r.kind}): {one_line(r.text, 110)}"
            for r in item.resolutions
        ]
        lines += [
            f"    recommendation {r.ref or '-'}: {one_line(r.text, 110)}"
            for r in item.recommendations
        ]
        lines += [
            f"    action (due {a.due or '?'}{', to ' + a.body if a.body else ''}): "
            f"{one_line(a.text, 100)}"
            for a in item.actions
        ]
    lines += [f"warning: {w}" for w in parsed.warnings]
    return "\n".join(lines)
