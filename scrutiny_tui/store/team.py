"""A team store's members: PostgreSQL roles granted ``scrutiny_member`` (officers also
``scrutiny_officer``, which may add members). Role names and passwords are quoted by the
driver's own SQL composition, never pasted into statements."""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

from scrutiny_tui.store.postgres import PgConnection


@dataclass(frozen=True, slots=True)
class MemberRow:
    name: str
    officer: bool
    can_log_in: bool
    team_notes: int  # the notes they share with the team


def create_member(conn: PgConnection, name: str, *, officer: bool, password: str | None) -> bool:
    """Create the role ``name`` (if new) able to log in, and grant it the team's roles;
    True if the role was new."""
    exists = conn.execute_native("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
    role = sql.Identifier(name)
    if not exists:
        statement = sql.SQL("CREATE ROLE {} LOGIN").format(role)
        if password:
            statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                role, sql.Literal(password)
            )
        conn.execute_native(statement.as_string(None))
    elif password:
        conn.execute_native(
            sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, sql.Literal(password)).as_string(None)
        )
    grants = ["scrutiny_member", *(["scrutiny_officer"] if officer else [])]
    for granted in grants:
        conn.execute_native(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(granted), role).as_string(None)
        )
    return not exists


_MEMBERS = """
SELECT r.rolname,
       pg_has_role(r.oid, 'scrutiny_officer', 'MEMBER') AND r.rolname <> 'scrutiny_officer',
       r.rolcanlogin,
       (SELECT count(*) FROM annotation a
         WHERE a.owner = r.rolname AND a.visibility = 'team' AND a.deleted_at IS NULL)
FROM pg_roles r
WHERE pg_has_role(r.oid, 'scrutiny_member', 'MEMBER') AND NOT r.rolsuper
  AND r.rolname NOT IN ('scrutiny_member', 'scrutiny_officer')
ORDER BY r.rolname
"""


def members(conn: PgConnection) -> list[MemberRow]:
    return [
        MemberRow(str(name), bool(officer), bool(login), int(notes))
        for name, officer, login, notes in conn.execute_native(_MEMBERS)
    ]
