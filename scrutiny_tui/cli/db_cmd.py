"""``scrutiny db check``, ``scrutiny db backup PATH`` and ``scrutiny db copy``: the health
and safety of the store, and moving between a member's own store and the team store.

``check`` reads every page (SQLite's ``quick_check``, or ``integrity_check`` with
``--full``) without changing anything. ``backup`` copies the store with SQLite's online
backup API, so it can run while the app or an ingest is using the store; the copy is
written beside PATH and renamed into place only when complete (see ``safe_files``).
``copy --to TARGET`` copies the store in use into another store (a SQLite file or a team
store's ``postgresql://`` URL), and ``copy --from SOURCE`` the other way; see
``services/store_copy.py`` for what is copied and which row wins.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scrutiny_tui.cli.common import SetupError, fail, settings_from_args
from scrutiny_tui.safe_text import inline

SHOWN_PROBLEMS = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "db",
        help="check the store for damage, back it up, or copy it to or from another store",
        description="Check the store for damage, copy it safely while it is in use, or copy "
        "it into another store (a member's own file or the team store) and back.",
    )
    commands = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    check = commands.add_parser(
        "check",
        help="read the whole store and report any damage (changes nothing)",
        description="Read every page of the store (SQLite's quick check) and report any damage. "
        "Exit 0 when the store is whole, 1 when it is damaged or cannot be read.",
    )
    check.add_argument(
        "--full", action="store_true", help="also check every index (SQLite's full integrity check)"
    )
    check.set_defaults(func=_check)
    backup = commands.add_parser(
        "backup",
        help="copy the store to PATH (safe while it is in use)",
        description="Copy the store to PATH with SQLite's online backup API. The copy is "
        "private to you (0600), complete or not written at all, and checked after writing. "
        "An existing file is only replaced with --force.",
    )
    backup.add_argument("path", type=Path, metavar="PATH", help="the file to write")
    backup.add_argument("--force", action="store_true", help="replace an existing file")
    backup.set_defaults(func=_backup)
    copy = commands.add_parser(
        "copy",
        help="copy the store in use --to another store, or another store --from it",
        description="Copy the minutes, the tracker (statuses with their history, actions "
        "done) and your notes between the store in use and another store: a SQLite file or a "
        "team store's postgresql:// URL. Nothing is deleted, a second copy adds nothing, and "
        "a copy that fails leaves the destination as it was. Your notes arrive as yours; "
        "from a team store come your own notes and the team's.",
    )
    way = copy.add_mutually_exclusive_group(required=True)
    way.add_argument(
        "--to", metavar="TARGET", help="copy the store in use into TARGET (a path or URL)"
    )
    way.add_argument(
        "--from",
        dest="source",
        metavar="SOURCE",
        help="copy SOURCE (a path or URL) into the store in use",
    )
    copy.set_defaults(func=_copy)


def _store_path(args: argparse.Namespace) -> Path | int:
    from scrutiny_tui.config import ConfigError

    try:
        path = settings_from_args(args).database_path
    except (SetupError, ConfigError) as exc:
        return fail(str(exc))
    if not path.is_file():
        return fail(f"no store at {inline(str(path))}")
    return path


def _check(args: argparse.Namespace) -> int:
    from scrutiny_tui.store.db import check_store

    path = _store_path(args)
    if isinstance(path, int):
        return path
    problems = check_store(path, full=args.full)
    if not problems:
        print(f"ok: {inline(str(path))} is whole")
        return 0
    for problem in problems[:SHOWN_PROBLEMS]:
        print(f"  {inline(problem)}")
    if len(problems) > SHOWN_PROBLEMS:
        print(f"  … and {len(problems) - SHOWN_PROBLEMS} more")
    return fail(
        f"the store {inline(str(path))} is damaged ({len(problems)} problem"
        f"{'' if len(problems) == 1 else 's'}): restore a backup, or copy what can be read "
        "with `scrutiny db backup` before anything else"
    )


def _backup(args: argparse.Namespace) -> int:
    from scrutiny_tui.safe_files import FileWriteError, replacing
    from scrutiny_tui.store.db import backup_store, check_store

    path = _store_path(args)
    if isinstance(path, int):
        return path
    target: Path = args.path.expanduser()
    try:
        if target.resolve() == path.resolve():
            return fail("the backup cannot be the store itself; give another PATH")
        with replacing(target, replace=args.force) as temp:
            pages = backup_store(path, temp)
    except FileWriteError as exc:
        return fail(str(exc))
    problems = check_store(target)
    print(f"{inline(str(target))}: {pages} pages copied")
    if problems:
        return fail(
            f"the copy holds the same damage as the store ({len(problems)} problem"
            f"{'' if len(problems) == 1 else 's'}; see `scrutiny db check`)"
        )
    return 0


def _copy(args: argparse.Namespace) -> int:
    from scrutiny_tui.config import is_database_url
    from scrutiny_tui.services.store_copy import CopyError, copy_between

    try:
        in_use = settings_from_args(args).database_target
    except SetupError as exc:
        return fail(str(exc))
    other = str(args.to if args.to is not None else args.source)
    if not is_database_url(other):
        other = str(Path(other.removeprefix("sqlite:///")).expanduser())
    source, destination = (in_use, other) if args.to is not None else (other, in_use)
    try:
        report = copy_between(source, destination)
    except CopyError as exc:
        return fail(f"db copy: {exc}")
    for line in report.lines():
        print(inline(line))
    return 0
