"""``scrutiny sources``: the ModernGov sites to sync from (add, list, remove).

``add`` contacts the site once (GetCommittees) to check it and list its committees; nothing
else here touches the network.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from scrutiny_tui.cli.common import (
    SetupError,
    fail,
    open_settings_store,
    print_json,
    settings_from_args,
)
from scrutiny_tui.safe_text import one_line, visible_controls

if TYPE_CHECKING:
    from scrutiny_tui.config import Settings
    from scrutiny_tui.moderngov.client import ClientSettings
    from scrutiny_tui.store.sources import SourceRow


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sources",
        help="the council ModernGov sites to sync minutes from",
        description="Council sites (ModernGov) whose committees you follow. 'scrutiny sync' "
        "fetches their minutes; nothing is fetched until you ask.",
    )
    commands = parser.add_subparsers(dest="sources_command", metavar="ACTION", required=True)
    add = commands.add_parser(
        "add",
        help="check a ModernGov site and follow some of its committees",
        description="Check URL (the folder holding mgWebService.asmx, e.g. "
        "https://democracy.example.gov.uk/) with GetCommittees, print the committees it "
        "lists and follow those matching --committee (words or ids). Without --committee, "
        "every current committee with 'scrutiny' in its name is followed. Adding the same "
        "site again under its name with --committee changes the committees followed.",
    )
    add.add_argument("url", help="the site's address")
    add.add_argument("--name", help="a short name for it (default: from the address)")
    add.add_argument(
        "--committee",
        action="append",
        default=[],
        metavar="TEXT",
        help="follow committees whose names hold these words, or this id (repeat for more)",
    )
    add.set_defaults(func=_run_add)
    listing = commands.add_parser("list", help="the sites followed, with their last sync")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    listing.set_defaults(func=_run_list)
    remove = commands.add_parser(
        "remove", help="stop following a site (the meetings synced from it are kept)"
    )
    remove.add_argument("name", help="the source's name")
    remove.set_defaults(func=_run_remove)


def client_settings(settings: Settings) -> ClientSettings:
    from scrutiny_tui.services.sync import client_settings as build

    return build(settings.sync.pause, settings.sync.timeout, settings.sync.retries)


def _run_add(args: argparse.Namespace) -> int:
    from scrutiny_tui.moderngov import ModernGovError
    from scrutiny_tui.services.sync import SyncError, add_source

    try:
        settings = settings_from_args(args)
        store = open_settings_store(settings)
    except SetupError as exc:
        return fail(str(exc))
    try:
        added = add_source(
            store,
            args.url,
            name=args.name,
            committees=args.committee,
            settings=client_settings(settings),
        )
    except (ModernGovError, SyncError) as exc:
        return fail(visible_controls(str(exc)))
    finally:
        store.close()
    followed = {c.id for c in added.followed}
    print(visible_controls(f"{added.source.name}: {added.source.base_url}"))
    for note in added.notes:
        print(visible_controls(note))
    print(f"{len(added.committees)} committees:")
    for committee in added.committees:
        mark = "*" if committee.id in followed else " "
        flags = " (expired)" if committee.expired else " (deleted)" if committee.deleted else ""
        print(f"  {mark} {committee.id:>6}  {visible_controls(one_line(committee.title))}{flags}")
    n = len(added.followed)
    how = "with 'scrutiny' in their names " if added.by_default else ""
    print(f"following {n} committee{'' if n == 1 else 's'} {how}(marked *)")
    if added.by_default:
        print(
            visible_controls(
                f"choose others with: scrutiny sources add {added.source.base_url} "
                f"--name {added.source.name} --committee TEXT"
            )
        )
    print(visible_controls(f"fetch their minutes with: scrutiny sync {added.source.name}"))
    return 0


def _as_json(source: SourceRow) -> dict:
    return {
        "name": source.name,
        "url": source.base_url,
        "committees": [{"id": cid, "title": title} for cid, title in source.committees],
        "added": source.added_at,
        "last_sync": source.last_sync_at,
        "last_sync_counts": source.last_sync,
        "meetings": source.meetings,
        "items": source.items,
    }


def _run_list(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.sync import list_sources

    try:
        store = open_settings_store(settings_from_args(args))
    except SetupError as exc:
        return fail(str(exc))
    try:
        sources = list_sources(store)
    finally:
        store.close()
    if args.json:
        print_json([_as_json(s) for s in sources])
        return 0
    if not sources:
        print("No sources yet; add one with: scrutiny sources add URL")
    for source in sources:
        last = _when(source.last_sync_at)
        print(
            f"{visible_controls(source.name)}  {visible_controls(source.base_url)}\n"
            f"  {source.meetings} meetings, {source.items} items stored; last sync: {last}"
        )
        for cid, title in source.committees:
            print(f"  - {cid:>6}  {visible_controls(one_line(title))}")
    return 0


def _when(stamp: str | None) -> str:
    """A stored UTC time as "2026-11-26 12:02 UTC"."""
    if not stamp:
        return "never"
    return str(stamp)[:16] + (" UTC" if "+00:00" in str(stamp) else "")


def _run_remove(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.sync import SyncError, remove_source

    try:
        store = open_settings_store(settings_from_args(args))
    except SetupError as exc:
        return fail(str(exc))
    try:
        remove_source(store, args.name)
    except SyncError as exc:
        return fail(visible_controls(str(exc)))
    finally:
        store.close()
    print(f"{visible_controls(args.name)}: no longer followed; its meetings are kept")
    return 0
