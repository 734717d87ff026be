"""SQL for People: the names attendance records carry, counted per council, and the member's
merge and split choices.

Everything the People list shows is counted here with GROUP BY; Python only ever sees one
row per name as written per council (a few thousand on a large store), never the attendance
rows themselves. Which names are one person is decided above (services/people.py) and
handed back as a small JSON map, so meetings are counted once per person however many ways
the minutes wrote the name.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from scrutiny_tui.store.db import is_postgres
from scrutiny_tui.store.values import db_time, read_time

#: (person id, council, entry number): which person rows the service counts as one entry.
MapRow = tuple[int, str | None, int]


@dataclass(frozen=True, slots=True)
class NameRow:
    """A name as attendance records write it (one person row) in one council."""

    council: str | None
    person_id: int
    name: str
    honorific: str | None
    records: int  # attendance rows naming it there


@dataclass(frozen=True, slots=True)
class Figures:
    attended: int  # meetings present, substituting, in attendance or at an item
    apologies: int  # meetings they sent apologies to
    first: str | None  # the first and last dated meeting they are recorded at
    last: str | None


@dataclass(frozen=True, slots=True)
class RoleRow:
    entry: int
    role: str
    committee: str | None
    meetings: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    """One attendance record of a person, with its meeting and the item it opens."""

    meeting_id: int
    date: str | None
    committee: str | None
    kind: str
    role: str | None
    item_id: int | None  # the item they attended, or the meeting's first item
    item_number: str | None
    item_title: str | None
    at_item: bool  # recorded at an item rather than for the whole meeting


@dataclass(frozen=True, slots=True)
class NamedRecord:
    """An action, recommendation or resolution of a council, with where it was recorded."""

    kind: str  # action | recommendation | resolution
    uid: str
    item_id: int
    text: str
    due: str | None
    due_to: str | None
    date: str | None
    committee: str | None
    item_number: str | None
    item_title: str


@dataclass(frozen=True, slots=True)
class ItemText:
    item_id: int
    item_uid: str
    number: str | None
    title: str
    text: str
    date: str | None
    committee: str | None


@dataclass(frozen=True, slots=True)
class ChoiceRow:
    council: str | None
    action: str  # merge | split
    name: str
    other: str | None
    made_at: datetime | None


def councils(conn: sqlite3.Connection) -> list[str | None]:
    """Every council a meeting is recorded for (None: not stated)."""
    rows = conn.execute(
        "SELECT council FROM meeting GROUP BY council ORDER BY council IS NULL, council"
    )
    return [row[0] for row in rows]


def names(conn: sqlite3.Connection, council: Sequence[str | None] | None = None) -> list[NameRow]:
    """Each name attendance records carry, per council (only these councils if given).

    Read meeting by meeting in council order through the covering index of migration 0009,
    so only the index is read."""
    where, params = _in_councils(council)
    rows = conn.execute(
        f"""SELECT x.council, x.person_id, p.name, p.honorific, x.records FROM (
                SELECT m.council AS council, a.person_id AS person_id, COUNT(*) AS records
                FROM meeting m CROSS JOIN attendance a ON a.meeting_id = m.id
                {where}
                GROUP BY m.council, a.person_id
            ) x JOIN person p ON p.id = x.person_id""",
        params,
    )
    return [NameRow(c, int(pid), str(n), h, int(k)) for c, pid, n, h, k in rows]


def with_role(
    conn: sqlite3.Connection, words: str, council: Sequence[str | None] | None = None
) -> set[tuple[str | None, int]]:
    """(council, person id) of everyone recorded with a role holding ``words`` (any case)."""
    where, params = _in_councils(council)
    joined = f"{where} AND" if where else "WHERE"
    rows = conn.execute(
        f"""SELECT DISTINCT m.council, a.person_id
            FROM meeting m CROSS JOIN attendance a ON a.meeting_id = m.id
            {joined} a.role LIKE ? ESCAPE '\\'""",
        (*params, f"%{_escape_like(words)}%"),
    )
    return {(c, int(pid)) for c, pid in rows}


def _in_councils(council: Sequence[str | None] | None) -> tuple[str, tuple[object, ...]]:
    if council is None:
        return "", ()
    named = [c for c in council if c is not None]
    parts = []
    if named:
        parts.append(f"m.council IN ({', '.join('?' * len(named))})")
    if any(c is None for c in council):
        parts.append("m.council IS NULL")
    if not parts:
        return "WHERE 0", ()
    return "WHERE (" + " OR ".join(parts) + ")", tuple(named)


#: Up to this many (person, council) pairs are looked up person by person; more, and the
#: attendance index is read once, meeting by meeting, against a temporary table.
FEW = 2000
_NO_COUNCIL = "\x01"  # the temporary table's stand-in for a meeting whose council is unknown


@contextmanager
def _mapped(
    conn: sqlite3.Connection, mapping: Sequence[MapRow]
) -> Iterator[tuple[str, tuple[object, ...]]]:
    """The FROM clause joining attendance (a) and meeting (m) to the entries (map.entry)."""
    # PostgreSQL has no operators on json_each's values; its planner joins the table well.
    if len(mapping) <= FEW and not is_postgres(conn):
        yield (
            """(SELECT value ->> 0 AS person_id, value ->> 1 AS council, value ->> 2 AS entry
                FROM json_each(?)) map
               CROSS JOIN attendance a ON a.person_id = map.person_id
               CROSS JOIN meeting m ON m.id = a.meeting_id AND m.council IS map.council""",
            (json.dumps(list(mapping)),),
        )
        return
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS people_map (council TEXT NOT NULL,"
        " person_id INTEGER NOT NULL, entry INTEGER NOT NULL,"
        " PRIMARY KEY (council, person_id)) WITHOUT ROWID"
    )
    conn.execute("DELETE FROM temp.people_map")
    conn.executemany(
        "INSERT OR IGNORE INTO temp.people_map VALUES (?, ?, ?)",
        [(_NO_COUNCIL if c is None else c, pid, entry) for pid, c, entry in mapping],
    )
    try:
        yield (
            """meeting m CROSS JOIN attendance a ON a.meeting_id = m.id
               JOIN temp.people_map map ON map.council = coalesce(m.council, char(1))
                AND map.person_id = a.person_id""",
            (),
        )
    finally:
        conn.execute("DELETE FROM temp.people_map")


def figures(conn: sqlite3.Connection, mapping: Sequence[MapRow]) -> dict[int, Figures]:
    """Meetings attended and apologies per entry, each meeting counted once per entry."""
    if not mapping:
        return {}
    with _mapped(conn, mapping) as (joined, params):
        rows = conn.execute(
            f"""SELECT map.entry,
                       COUNT(DISTINCT CASE WHEN a.kind <> 'apologies' THEN a.meeting_id END),
                       COUNT(DISTINCT CASE WHEN a.kind = 'apologies' THEN a.meeting_id END),
                       MIN(m.date), MAX(m.date)
                FROM {joined}
                GROUP BY map.entry""",
            params,
        ).fetchall()
    return {int(e): Figures(int(att), int(apo), first, last) for e, att, apo, first, last in rows}


def roles(conn: sqlite3.Connection, mapping: Sequence[MapRow]) -> list[RoleRow]:
    """The roles recorded beside each entry's name, with the committee and how often."""
    if not mapping:
        return []
    with _mapped(conn, mapping) as (joined, params):
        rows = conn.execute(
            f"""SELECT map.entry, a.role, m.committee, COUNT(DISTINCT a.meeting_id),
                       MIN(m.date), MAX(m.date)
                FROM {joined}
                WHERE a.role IS NOT NULL AND a.role <> ''
                GROUP BY map.entry, a.role, m.committee""",
            params,
        ).fetchall()
    return [RoleRow(int(e), str(r), c, int(n), f, last) for e, r, c, n, f, last in rows]


def attendance_of(
    conn: sqlite3.Connection, person_ids: Sequence[int], council: str | None
) -> list[AttendanceLine]:
    """One person's attendance records in a council, newest meeting first."""
    if not person_ids:
        return []
    marks = ", ".join("?" * len(person_ids))
    rows = conn.execute(
        f"""SELECT m.id, m.date, m.committee, a.kind, a.role, a.item_id IS NOT NULL,
                   coalesce(a.item_id, (SELECT i.id FROM agenda_item i WHERE i.meeting_id = m.id
                                        ORDER BY i.ordinal LIMIT 1))
            FROM attendance a JOIN meeting m ON m.id = a.meeting_id
            WHERE a.person_id IN ({marks}) AND m.council IS ?
            ORDER BY m.date IS NULL, m.date DESC, m.id DESC, a.item_id IS NOT NULL""",
        (*person_ids, council),
    )
    found = rows.fetchall()
    titles = _item_titles(conn, [row[6] for row in found if row[5] and row[6] is not None])
    lines = []
    for meeting_id, day, committee, kind, role, at_item, item_id in found:
        number, title = titles.get(item_id, (None, None)) if at_item else (None, None)
        lines.append(
            AttendanceLine(
                int(meeting_id), day, committee, str(kind), role, item_id, number, title,
                bool(at_item),
            )
        )  # fmt: skip
    return lines


def _item_titles(
    conn: sqlite3.Connection, item_ids: Sequence[int]
) -> dict[int, tuple[str | None, str]]:
    found: dict[int, tuple[str | None, str]] = {}
    ids = sorted(set(item_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT id, number, title FROM agenda_item WHERE id IN ({marks})", chunk
        )
        found.update({int(i): (n, str(t)) for i, n, t in rows})
    return found


def records_naming(
    conn: sqlite3.Connection, council: str | None, words: Sequence[str], limit: int = 2000
) -> list[NamedRecord]:
    """Actions, recommendations and resolutions asking something of someone ("requested"
    resolutions) of a council whose text or report-to holds any of ``words`` (any case),
    oldest meeting first. The caller decides which really name the person."""
    if not words:
        return []
    likes = [f"%{_escape_like(w)}%" for w in words]
    text_match = " OR ".join(["r.text LIKE ? ESCAPE '\\'"] * len(likes))
    due_match = " OR ".join(["r.due_to LIKE ? ESCAPE '\\'"] * len(likes))
    rows = conn.execute(
        f"""SELECT x.kind, x.uid, x.item_id, x.text, x.due, x.due_to, m.date, m.committee,
                   i.number, i.title
        FROM (
            SELECT 'action' AS kind, r.uid, r.item_id, r.text, r.due, r.due_to, 0 AS rank,
                   r.ordinal
            FROM action r JOIN agenda_item i ON i.id = r.item_id
            JOIN meeting m ON m.id = i.meeting_id
            WHERE m.council IS ? AND ({text_match} OR {due_match})
            UNION ALL
            SELECT 'recommendation', r.uid, r.item_id, r.text, NULL, NULL, 1, r.ordinal
            FROM recommendation r JOIN agenda_item i ON i.id = r.item_id
            JOIN meeting m ON m.id = i.meeting_id
            WHERE m.council IS ? AND ({text_match})
            UNION ALL
            SELECT 'resolution', r.uid, r.item_id, r.text, NULL, NULL, 2, r.ordinal
            FROM resolution r JOIN agenda_item i ON i.id = r.item_id
            JOIN meeting m ON m.id = i.meeting_id
            WHERE m.council IS ? AND r.kind = 'requested' AND ({text_match})
        ) x JOIN agenda_item i ON i.id = x.item_id JOIN meeting m ON m.id = i.meeting_id
        ORDER BY m.date IS NULL, m.date, m.id, i.ordinal, x.rank, x.ordinal
        LIMIT ?""",
        (council, *likes, *likes, council, *likes, council, *likes, limit),
    )
    return [
        NamedRecord(str(kind), str(uid), int(item), str(text), due, due_to, d, c, n, str(t))
        for kind, uid, item, text, due, due_to, d, c, n, t in rows
    ]


def declaration_items(
    conn: sqlite3.Connection, council: str | None, words: Sequence[str], limit: int = 500
) -> list[ItemText]:
    """Items of a council that may record a declaration of interest by someone named by any
    of ``words``: items titled for declarations (or disclosures) of interest, and any item
    whose minutes say an interest was declared."""
    if not words:
        return []
    likes = [f"%{_escape_like(w)}%" for w in words]
    named = " OR ".join(["unpacked(i.text) LIKE ? ESCAPE '\\'"] * len(likes))
    rows = conn.execute(
        f"""SELECT i.id, i.uid, i.number, i.title, unpacked(i.text), m.date, m.committee
            FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
            WHERE m.council IS ?
              AND (i.title LIKE '%declar%' OR i.title LIKE '%disclos%'
                   OR unpacked(i.text) LIKE '%declared%interest%'
                   OR unpacked(i.text) LIKE '%interest%declared%')
              AND ({named})
            ORDER BY m.date IS NULL, m.date, m.id, i.ordinal
            LIMIT ?""",
        (council, *likes, limit),
    )
    return [ItemText(int(i), str(u), n, str(t), str(x), d, c) for i, u, n, t, x, d, c in rows]


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def choices(
    conn: sqlite3.Connection, council: Sequence[str | None] | None = None
) -> list[ChoiceRow]:
    """The member's merges and splits (of these councils, if given), oldest first."""
    rows = conn.execute(
        'SELECT council, "action", name, other, made_at FROM person_choice ORDER BY id'
    ).fetchall()
    wanted = None if council is None else set(council)
    return [
        ChoiceRow(c, str(a), str(n), o, read_time(at))
        for c, a, n, o, at in rows
        if wanted is None or c in wanted
    ]


def add_choice(
    conn: sqlite3.Connection,
    council: str | None,
    action: str,
    name: str,
    other: str | None,
    now: datetime,
) -> None:
    conn.execute(
        'INSERT INTO person_choice (council, "action", name, other, made_at)'
        " VALUES (?, ?, ?, ?, ?)",
        (council, action, name, other, db_time(now)),
    )
