"""``scrutiny team``: the members of a team store (add-member, list)."""

from __future__ import annotations

import argparse
import getpass

from scrutiny_tui.cli.common import SetupError, fail, open_settings_store, settings_from_args
from scrutiny_tui.safe_text import inline


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "team",
        help="the members of a team store on PostgreSQL",
        description="A team store is one PostgreSQL database shared by a committee's members "
        "and officers. Each member connects as their own PostgreSQL role; their private notes "
        "are readable by them alone. Passwords are never stored by scrutiny: keep yours in "
        "~/.pgpass or PGPASSWORD.",
    )
    commands = parser.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    add = commands.add_parser(
        "add-member", help="add a member (a PostgreSQL role) to the team store (officers only)"
    )
    add.add_argument("name", help="the member's role name, e.g. jsmith")
    add.add_argument("--officer", action="store_true", help="who may add members too")
    add.add_argument(
        "--password", action="store_true", help="ask for a password for the role (typed twice)"
    )
    add.set_defaults(func=_run_add)
    listing = commands.add_parser("list", help="the team's members")
    listing.set_defaults(func=_run_list)


def _run_add(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.team import TeamError, add_member, check_name

    try:
        name = check_name(args.name)
    except TeamError as exc:
        return fail(str(exc))
    password = None
    if args.password:
        password = getpass.getpass(f"password for {name}: ")
        if password != getpass.getpass("again: "):
            return fail("the two passwords differ; nothing was changed")
    try:
        store = open_settings_store(settings_from_args(args))
    except SetupError as exc:
        return fail(str(exc))
    try:
        new = add_member(store, name, officer=args.officer, password=password)
    except TeamError as exc:
        return fail(str(exc))
    finally:
        store.close()
    role = "officer" if args.officer else "member"
    print(f"{'added' if new else 'updated'} {role} {name}: they connect as {name}")
    return 0


def _run_list(args: argparse.Namespace) -> int:
    from scrutiny_tui.services.team import TeamError, list_members

    try:
        store = open_settings_store(settings_from_args(args))
    except SetupError as exc:
        return fail(str(exc))
    try:
        found = list_members(store)
    except TeamError as exc:
        return fail(str(exc))
    finally:
        store.close()
    if not found:
        print("no members yet: an officer adds them with scrutiny team add-member NAME")
        return 0
    for member in found:
        role = "officer" if member.officer else "member"
        login = "" if member.can_log_in else "  (cannot log in)"
        print(f"{inline(member.name):<24} {role:<8} {member.team_notes:>4} team notes{login}")
    return 0
