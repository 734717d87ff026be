"""``scrutiny notes``: add, edit, list, resolve, delete, export and import the member's notes.

On a team store a note is private (its owner's alone) unless added or edited with
``--team``; another member's team note is listed with "by NAME" and cannot be changed. A
note the store cannot take (it stays busy, or the team database cannot be reached) is kept
in the member's data folder and saved by the next ``scrutiny notes`` command.

Everything printed from the store (minutes, notes, paths) has its control characters made
visible, so no stored text can drive the terminal. The services are imported only when
a notes command runs, to keep ``scrutiny --help`` instant; the choices offered are the
vocabulary's, so --help lists what the services accept.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from scrutiny_tui.cli.common import SetupError, fail, store_from_args
from scrutiny_tui.safe_text import one_line, visible_controls
from scrutiny_tui.vocabulary import (
    DEFAULT_NOTE_KIND,
    DEFAULT_NOTE_PRIORITY,
    NO_COMMITTEE,
    NO_DATE,
    NOTE_KINDS,
    NOTE_PRIORITIES,
    NOTE_STATUSES,
)

if TYPE_CHECKING:
    from scrutiny_tui.services.notes import NoteView
    from scrutiny_tui.store.db import Store

Action = Callable[["Store", argparse.Namespace], int]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "notes",
        help="add, list, resolve, export and import your notes",
        description="Your concerns, questions, follow-ups and praise on the minutes.",
    )
    commands = parser.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    _add_parser(commands)
    _edit_parser(commands)
    _list_parser(commands)
    export = commands.add_parser("export", help="write every note as W3C Web Annotation JSON")
    export.add_argument("--out", type=Path, help="file to write (default: print it)")
    export.add_argument("--force", action="store_true", help="replace an existing file")
    export.set_defaults(func=_runner(_export))
    load = commands.add_parser("import", help="add or update notes from exported JSON")
    load.add_argument("file", type=Path, help="JSON written by 'scrutiny notes export'")
    load.set_defaults(func=_runner(_import))
    for name, helptext, action in (
        ("resolve", "mark a note resolved", _resolve),
        ("reopen", "mark a resolved note open again", _reopen),
        ("delete", "delete a note", _delete),
    ):
        sub = commands.add_parser(name, help=helptext)
        sub.add_argument("uuid", help="the note's uuid (or the start of it)")
        sub.set_defaults(func=_runner(action))


def _add_parser(commands: argparse._SubParsersAction) -> None:
    add = commands.add_parser(
        "add",
        help="note a concern on an agenda item or on the best search match",
        description="Add a note on an agenda item (--item) or on the record that best "
        "matches a search (--search). The note's words are Markdown.",
    )
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--item", help="agenda item: its number in the store, or its uid")
    where.add_argument("--search", metavar="QUERY", help="note the best match for QUERY")
    add.add_argument("text", nargs="+", help="what the note says")
    add.add_argument("--kind", default=DEFAULT_NOTE_KIND, help=f"one of {', '.join(NOTE_KINDS)}")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    add.add_argument(
        "--priority", default=DEFAULT_NOTE_PRIORITY, help=f"one of {', '.join(NOTE_PRIORITIES)}"
    )
    add.add_argument("--ask-at", help="the meeting or committee to raise it at")
    _visibility_arguments(add, "only you can read it (the default)")
    add.set_defaults(func=_runner(_add))


def _visibility_arguments(parser: argparse.ArgumentParser, private: str) -> None:
    """--team / --private: who on a team store may read the note."""
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "--team",
        dest="visibility",
        action="store_const",
        const="team",
        help="share it with every member of the team store",
    )
    who.add_argument(
        "--private",
        dest="visibility",
        action="store_const",
        const="private",
        help=private,
    )


def _edit_parser(commands: argparse._SubParsersAction) -> None:
    edit = commands.add_parser(
        "edit",
        help="change one of your notes: its words, kind, tags, or who can read it",
        description="Change one of your notes; what is not given stays as it is.",
    )
    edit.add_argument("uuid", help="the note's uuid (or the start of it)")
    edit.add_argument("text", nargs="*", help="what the note says now")
    edit.add_argument("--kind", help=f"one of {', '.join(NOTE_KINDS)}")
    edit.add_argument("--tag", action="append", help="a tag (repeat for more; replaces them)")
    edit.add_argument("--priority", help=f"one of {', '.join(NOTE_PRIORITIES)}")
    edit.add_argument("--ask-at", help="the meeting or committee to raise it at")
    _visibility_arguments(edit, "make it readable by you alone")
    edit.set_defaults(func=_runner(_edit))


def _list_parser(commands: argparse._SubParsersAction) -> None:
    listing = commands.add_parser("list", help="list notes, with where they are")
    listing.add_argument("--json", action="store_true", help="print the notes as JSON")
    listing.add_argument("--tag", help="only notes with this tag")
    listing.add_argument("--kind", choices=NOTE_KINDS, help="only notes of this kind")
    listing.add_argument("--status", choices=NOTE_STATUSES, help="only open or resolved notes")
    listing.add_argument("--committee", help="only notes on this committee's minutes")
    listing.set_defaults(func=_runner(_list))


def _runner(action: Action) -> Callable[[argparse.Namespace], int]:
    """Open the store, run ``action``, report a ValueError, a LookupError or a store that
    stayed busy as one line."""

    def run(args: argparse.Namespace) -> int:
        from scrutiny_tui.services.notes import NoteKept, NotYours, StoreBusy

        try:
            store = store_from_args(args)
        except SetupError as exc:
            unsaved = ""
            if getattr(args, "notes_command", None) in ("add", "edit"):
                unsaved = "; your note was not saved: give the same command again once it answers"
            return fail(visible_controls(str(exc) + unsaved))
        try:
            _save_kept(store)
            return action(store, args)
        except (ValueError, LookupError, StoreBusy, NoteKept, NotYours) as exc:
            return fail(visible_controls(str(exc)))
        finally:
            store.close()

    return run


def _save_kept(store: Store) -> None:
    """Save the notes kept while the store could not take them, and say so (on stderr, so
    ``--json`` output stays JSON)."""
    from scrutiny_tui.services.notes import save_kept_notes
    from scrutiny_tui.store.db import DatabaseError

    try:
        report = save_kept_notes(store)
    except DatabaseError:
        return  # the command itself will meet the same fault and say it
    for view in report.saved:
        print(f"Saved a note kept earlier: {view.uuid} {show(view.body, 60)}", file=sys.stderr)
    for problem in report.problems:
        print(f"scrutiny: {show(problem)}", file=sys.stderr)


def show(value: object, limit: int = 0) -> str:
    """A stored value on one line, safe to print."""
    return visible_controls(one_line(str(value) if value is not None else "", limit))


# ---- add ------------------------------------------------------------------------------


def _add(store: Store, args: argparse.Namespace) -> int:
    from scrutiny_tui.services import notes
    from scrutiny_tui.services.notes import NoteInput

    note = NoteInput(
        " ".join(args.text),
        args.kind,
        args.priority,
        tuple(args.tag),
        args.ask_at,
        args.visibility or "private",
    )
    if args.item is not None:
        target = _item_target(store, args.item)
    else:
        target = _search_target(store, args.search)
    if isinstance(target, int):
        return target
    view = notes.add_note(store, *target, note)
    shared = " (shared with the team)" if view.visibility == "team" else ""
    print(f"Noted {view.uuid} on {_where(view)}{shared}")
    if view.quote:
        print(f"    “{show(view.quote, 200)}”")
    return 0


def _edit(store: Store, args: argparse.Namespace) -> int:
    from scrutiny_tui.services import notes
    from scrutiny_tui.services.notes import NoteInput

    uuid = notes.resolve_uuid(store, args.uuid)
    old = notes.get_note(store, uuid)
    if old is None:
        return fail(f"no note {show(args.uuid)!r}")
    note = NoteInput(
        " ".join(args.text) if args.text else old.body,
        args.kind or old.kind,
        args.priority or old.priority,
        tuple(args.tag) if args.tag is not None else old.tags,
        args.ask_at if args.ask_at is not None else old.ask_at,
        args.visibility or old.visibility,
    )
    view = notes.edit_note(store, uuid, note)
    who = "shared with the team" if view.visibility == "team" else "private"
    print(f"Edited {view.uuid} ({who}): {show(view.body, 80)}")
    return 0


def _item_target(store: Store, item: str) -> tuple[str, str] | int:
    from scrutiny_tui.services import browse

    if not item.strip().isdigit():
        return "item", item.strip()
    detail = browse.item_detail(store, int(item))
    if detail is None:
        return fail(f"no agenda item {int(item)}; 'scrutiny search' shows item numbers")
    return "item", detail.uid


def _search_target(store: Store, query: str) -> tuple[str, str] | int:
    try:
        from scrutiny_tui.services.search import search
    except ImportError:
        return fail("--search is not available in this version; use --item")
    hits = search(store, query, limit=1).hits
    if not hits:
        return fail(f"nothing in the minutes matches {show(query, 80)!r}")
    hit = hits[0]
    if hit.kind == "note":
        return fail("the best match is one of your notes; search for words in the minutes")
    return hit.kind, hit.uid


# ---- list -----------------------------------------------------------------------------


def _where(view: NoteView) -> str:
    place = " · ".join(
        [
            view.committee or NO_COMMITTEE,
            view.date or NO_DATE,
            one_line(view.item_title) or PurePath(view.document_key or "?").name,
        ]
    )
    item = f" (item {view.item_id})" if view.item_id is not None else ""
    return f"{view.target_kind}: {show(place)}{item}"


def _print_note(view: NoteView) -> None:
    state = " · DETACHED (its words are no longer in the minutes)"
    from scrutiny_tui.services.notes import authorship

    head = f"{view.uuid}  {view.kind} · {view.priority} · {view.status}"
    who = authorship(view)
    head += f" · {who}" if who else ""
    head += state if view.anchor_state == "detached" else ""
    if view.tags:
        head += "  #" + " #".join(view.tags)
    print(show(head))
    if view.conflict_of:
        print(
            f"    CONFLICT: an imported copy that differs from your note {view.conflict_of}; "
            "keep one (delete the other with 'scrutiny notes delete UUID')"
        )
    print(f"    on {_where(view)}")
    if view.quote:
        print(f"    “{show(view.quote, 200)}”")
    print(f"    {show(view.body, 300)}")
    if view.ask_at:
        print(f"    ask at: {show(view.ask_at, 100)}")


def _as_json(view: NoteView) -> dict[str, Any]:
    data = asdict(view)
    data["tags"] = list(view.tags)
    data["created_at"] = view.created_at.isoformat()
    data["updated_at"] = view.updated_at.isoformat()
    return data


def _list(store: Store, args: argparse.Namespace) -> int:
    from scrutiny_tui.services import notes

    found = notes.list_notes(
        store, tag=args.tag, kind=args.kind, status=args.status, committee=args.committee
    )
    if args.json:
        print(json.dumps([_as_json(v) for v in found], indent=2))  # ASCII: no raw controls
        return 0
    if not found:
        print("No notes.")
    for number, view in enumerate(found):
        if number:
            print()
        _print_note(view)
    return 0


# ---- export and import ----------------------------------------------------------------


def _export(store: Store, args: argparse.Namespace) -> int:
    from scrutiny_tui.services.notes_exchange import export_notes

    data = export_notes(store)
    if args.out is None:
        print(json.dumps(data, indent=2))
        return 0
    from scrutiny_tui.safe_files import FileWriteError, write_private

    out = args.out.expanduser()
    try:
        write_private(out, json.dumps(data, indent=2, ensure_ascii=False), replace=args.force)
    except FileWriteError as exc:
        return fail(str(exc))
    print(f"Exported {data['total']} notes to {show(out)}")
    return 0


def _import(store: Store, args: argparse.Namespace) -> int:
    from scrutiny_tui.services.notes_exchange import import_notes, load_annotations

    try:
        raw = args.file.expanduser().read_bytes()
    except OSError as exc:
        return fail(f"cannot read {show(args.file)}: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark, as some editors write, is fine
    except UnicodeDecodeError as exc:
        return fail(f"{show(args.file)} is not UTF-8 text: {show(exc)}")
    try:
        data = load_annotations(text)
    except ValueError as exc:
        return fail(f"{show(args.file)} is not JSON: {show(exc)}")
    report = import_notes(store, data)
    for problem in report.problems:
        print(f"scrutiny: {show(problem)}", file=sys.stderr)
    summary = f"{report.added} added, {report.updated} updated, {report.skipped} unchanged"
    if report.conflicts:
        summary += (
            f", {report.conflicts} kept beside your own changed notes as conflicts"
            " ('scrutiny notes list' shows them)"
        )
    print(f"Imported: {summary}")
    read = report.added + report.updated + report.skipped + report.conflicts
    return 1 if report.problems and not read else 0


# ---- status and delete ----------------------------------------------------------------


def _resolve(store: Store, args: argparse.Namespace) -> int:
    from scrutiny_tui.services import notes

    view = notes.set_status(store, notes.resolve_uuid(store, args.uuid), "resolved")
    print(f"Resolved {view.uuid}: {show(view.body, 80)}")
    return 0


def _reopen(store: Store, args: argparse.Namespace) -> int:
    from scrutiny_tui.services import notes

    view = notes.set_status(store, notes.resolve_uuid(store, args.uuid), "open")
    print(f"Opened again {view.uuid}: {show(view.body, 80)}")
    return 0


def _delete(store: Store, args: argparse.Namespace) -> int:
    from scrutiny_tui.services import notes

    uuid = notes.resolve_uuid(store, args.uuid)
    view = notes.get_note(store, uuid)
    notes.delete_note(store, uuid)
    body = show(view.body, 80) if view else ""
    print(f"Deleted {uuid}: {body}")
    return 0
