"""Working as a team on one PostgreSQL store: adding members and listing them.

An officer holding the admin role (``scrutiny_officer``, or the database's owner) adds each
member as their own PostgreSQL role; the member then connects with their own credentials
(kept in ``~/.pgpass`` or ``PGPASSWORD``, never in the config file), and their private notes
are readable by them alone (row-level security, see the team store's schema)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutiny_tui.safe_text import inline
from scrutiny_tui.store.db import DatabaseError, Store, StoreError

#: What a member's name may be: a plain PostgreSQL role name, so it can be typed in psql and
#: in a connection URL as it is.
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_RESERVED = {"scrutiny_member", "scrutiny_officer", "postgres", "public"}


class TeamError(ValueError):
    """A team command that cannot be done; the message says why."""


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    officer: bool
    can_log_in: bool
    team_notes: int


def _team_connection(store: Store):  # type: ignore[no-untyped-def]
    if store.engine != "postgresql":
        raise TeamError(
            "team commands need a team store: give --db (or SCRUTINY_DB, or config.yaml's "
            "database) a postgresql:// URL"
        )
    return store.connection()


def check_name(name: str) -> str:
    """The member's role name, or a :class:`TeamError` saying what a name may be."""
    cleaned = name.strip()
    if not _ROLE_NAME.fullmatch(cleaned) or cleaned in _RESERVED:
        raise TeamError(
            f"{inline(name)!r} cannot be a member's name: use lower-case letters, digits and _ "
            "(starting with a letter), for example jsmith"
        )
    return cleaned


def add_member(
    store: Store, name: str, *, officer: bool = False, password: str | None = None
) -> bool:
    """Add ``name`` as a member (an officer too with ``officer``); True if the role is new.
    The password, if given, is sent to the server only."""
    from scrutiny_tui.store import team

    role = check_name(name)
    conn = _team_connection(store)
    try:
        return team.create_member(conn, role, officer=officer, password=password)
    except DatabaseError as exc:
        if "permission denied" in str(exc).lower() or "refused" in str(exc).lower():
            raise TeamError(
                "only an officer (a member of scrutiny_officer) or the database's owner can "
                f"add members: {exc}"
            ) from exc
        raise


def list_members(store: Store) -> list[Member]:
    from scrutiny_tui.store import team

    conn = _team_connection(store)
    try:
        rows = team.members(conn)
    except StoreError:
        raise
    return [Member(r.name, r.officer, r.can_log_in, r.team_notes) for r in rows]
