"""``scrutiny people``: who attended, who sent apologies, who held which role, who was asked
for what and who declared an interest, per council (list, show, merge, split)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from scrutiny_tui.cli.common import SetupError, fail, print_json, store_from_args
from scrutiny_tui.safe_text import inline, one_line

if TYPE_CHECKING:
    from scrutiny_tui.services.people import PersonDetail, PersonEntry, RoleHeld


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "people",
        help="members and officers named in the minutes: attendance, apologies, roles, asks",
        description="Everyone named in the minutes' attendance lists and in synced attendance, "
        "per council: meetings attended, apologies given (and their share of the meetings "
        "expected), roles held. Names written differently are one person within a council when "
        "nothing says otherwise ('Councillor Judith Blake', 'Cllr J Blake', 'Blake'); merge and "
        "split correct that, and are kept.",
    )
    parser.add_argument("--council", help="only councils whose names hold this")
    parser.add_argument("--filter", default="", help="only names (or roles) holding these words")
    parser.add_argument("--json", action="store_true", help="print them as JSON")
    parser.set_defaults(func=_run_list)
    commands = parser.add_subparsers(dest="people_command", metavar="ACTION")
    show = commands.add_parser(
        "show", help="one person: meetings, asks naming them, declarations of interest"
    )
    show.add_argument("name", help="as the minutes write it ('Judith Blake', 'Cllr J Blake')")
    show.add_argument("--council", help="the council, when the name is in several")
    show.add_argument("--json", action="store_true", help="print it as JSON")
    show.set_defaults(func=_run_show)
    merge = commands.add_parser("merge", help="two entries of one council are one person")
    merge.add_argument("name")
    merge.add_argument("other")
    merge.add_argument("--council", help="the council, when a name is in several")
    merge.set_defaults(func=_run_merge)
    split = commands.add_parser(
        "split", help="an entry's ways of writing the name are different people"
    )
    split.add_argument("name")
    split.add_argument("--council", help="the council, when the name is in several")
    split.set_defaults(func=_run_split)


def _run_list(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.people import people

    try:
        store = store_from_args(args)
    except SetupError as exc:
        return fail(str(exc))
    try:
        found = people(store, args.council, args.filter)
    finally:
        store.close()
    if args.json:
        print_json([_entry_json(e) for e in found.entries])
        return 0
    if not found.entries:
        said = " matching that" if args.council or args.filter else ""
        print(f"no people{said} in the records: attendance comes from ingested or synced minutes")
        return 0
    for n, entry in enumerate(found.entries):
        if n == 0 or entry.council != found.entries[n - 1].council:
            if n:
                print()
            print(inline(entry.council_shown))
        print(f"  {_line(entry)}")
    return 0


def _line(entry: PersonEntry) -> str:
    parts = [inline(entry.shown), figures(entry)]
    if entry.roles:
        parts.append(inline(role_text(entry.roles[0])))
    return "  ".join(parts)


def figures(entry: PersonEntry) -> str:
    """12 meetings, 3 apologies (20%)."""
    meetings = f"{entry.attended} meeting{'s' if entry.attended != 1 else ''}"
    apologies = f"{entry.apologies} apolog{'ies' if entry.apologies != 1 else 'y'}"
    rate = f" ({entry.rate:.0%})" if entry.rate is not None and entry.apologies else ""
    return f"{meetings}, {apologies}{rate}"


def role_text(role: RoleHeld) -> str:
    where = f", {role.committee}" if role.committee else ""
    return one_line(f"{role.role}{where}")


def _run_show(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.people import PeopleError, one_person, person_detail

    try:
        store = store_from_args(args)
    except SetupError as exc:
        return fail(str(exc))
    try:
        entry = one_person(store, args.name, args.council)
        detail = person_detail(store, entry)
    except PeopleError as exc:
        return fail(str(exc))
    finally:
        store.close()
    if args.json:
        print_json(_detail_json(detail))
    else:
        _print_detail(detail)
    return 0


def _run_merge(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.people import PeopleError, merge_entries, one_person

    try:
        store = store_from_args(args)
    except SetupError as exc:
        return fail(str(exc))
    try:
        first = one_person(store, args.name, args.council)
        second = one_person(store, args.other, args.council)
        merge_entries(store, first, second)
    except PeopleError as exc:
        return fail(str(exc))
    finally:
        store.close()
    print(
        f"{inline(first.shown)} and {inline(second.shown)} are now one person in "
        f"{inline(first.council_shown)} (kept when minutes are read again)"
    )
    return 0


def _run_split(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.people import PeopleError, one_person, split_entry

    try:
        store = store_from_args(args)
    except SetupError as exc:
        return fail(str(exc))
    try:
        entry = one_person(store, args.name, args.council)
        ways = split_entry(store, entry)
    except PeopleError as exc:
        return fail(str(exc))
    finally:
        store.close()
    print(
        f"{inline(entry.shown)} is now {ways} people in {inline(entry.council_shown)}, one for "
        "each way the name is written (kept when minutes are read again)"
    )
    return 0


def _where(date: str | None, committee: str | None, item: str | None = None) -> str:
    parts = [date or "undated", committee or "committee not stated"]
    if item:
        parts.append(one_line(item, 80))
    return " · ".join(parts)


KIND_WORDS = {
    "present": "present",
    "apologies": "apologies",
    "substitute": "substitute",
    "attending": "in attendance",
    "attendee": "at an item",
}


def _print_detail(detail: PersonDetail) -> None:
    entry = detail.entry
    print(f"{inline(entry.shown)} · {inline(entry.council_shown)}")
    print(f"  {figures(entry)}")
    if entry.also_written:
        print(f"  also written: {inline('; '.join(entry.also_written))}")
    if entry.roles:
        print("  roles:")
        for role in entry.roles:
            when = " to ".join(dict.fromkeys(d for d in (role.first, role.last) if d))
            span = f", {when}" if when else ""
            count = f"{role.meetings} meeting{'s' if role.meetings != 1 else ''}"
            print(f"    {inline(role_text(role))} ({count}{span})")
    print(f"\nmeetings ({len(detail.meetings)}):")
    for meeting in detail.meetings:
        kinds = ", ".join(KIND_WORDS.get(k, k) for k in meeting.kinds)
        held = f" ({meeting.role})" if meeting.role else ""
        items = f": {'; '.join(meeting.items)}" if meeting.items else ""
        where = _where(meeting.date, meeting.committee)
        print(f"  {inline(where)} · {inline(kinds + held + items)}")
    print(f"\nasked for ({len(detail.asks)}):")
    for ask in detail.asks:
        due = f", due {ask.due}" if ask.due else ""
        print(f"  {inline(_where(ask.date, ask.committee, ask.item))} · {ask.kind}{inline(due)}")
        print(f"    {inline(one_line(ask.text, 240))}")
    print(f"\ndeclarations of interest ({len(detail.declarations)}):")
    for declaration in detail.declarations:
        print(f"  {inline(_where(declaration.date, declaration.committee, declaration.item))}")
        print(f"    {inline(one_line(declaration.words, 240))}")


def _role_json(role: RoleHeld) -> dict[str, Any]:
    return {
        "role": role.role,
        "committee": role.committee,
        "meetings": role.meetings,
        "first": role.first,
        "last": role.last,
    }


def _entry_json(entry: PersonEntry) -> dict[str, Any]:
    return {
        "council": entry.council,
        "name": entry.name,
        "honorific": entry.honorific,
        "also_written": list(entry.also_written),
        "attended": entry.attended,
        "apologies": entry.apologies,
        "apology_rate": None if entry.rate is None else round(entry.rate, 4),
        "roles": [_role_json(r) for r in entry.roles],
        "first": entry.first,
        "last": entry.last,
    }


def _detail_json(detail: PersonDetail) -> dict[str, Any]:
    return {
        "person": _entry_json(detail.entry),
        "meetings": [
            {
                "date": m.date,
                "committee": m.committee,
                "kinds": list(m.kinds),
                "role": m.role,
                "items": list(m.items),
            }
            for m in detail.meetings
        ],
        "asks": [
            {
                "kind": a.kind,
                "uid": a.uid,
                "date": a.date,
                "committee": a.committee,
                "item": a.item,
                "text": a.text,
                "due": a.due,
                "due_to": a.due_to,
                "named_as": a.named_as,
            }
            for a in detail.asks
        ],
        "declarations": [
            {
                "date": d.date,
                "committee": d.committee,
                "item": d.item,
                "item_uid": d.item_uid,
                "words": d.words,
            }
            for d in detail.declarations
        ],
    }
