"""SQL for ModernGov sources and the meetings synced from them.

Functions take the raw sqlite3 connection of the caller's session (as :mod:`records` does)
and return plain tuples and dataclasses; policy (what to sync, when two meetings are the
same) lives in ``services``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

SYNCED_PREFIX = "moderngov://"


def synced_path(source_name: str, meeting_key: int) -> str:
    """The document path of a synced meeting: stable while the source keeps its name."""
    return f"{SYNCED_PREFIX}{source_name}/{meeting_key}"


class DuplicateSource(ValueError):
    """A source of that name exists already."""


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: int
    name: str
    base_url: str
    committees: tuple[tuple[int, str], ...]  # (ModernGov committee id, title) followed
    added_at: str
    last_sync_at: str | None
    last_sync: dict[str, Any] | None
    meetings: int  # meetings stored from this source
    items: int


def _committees(value: str | None) -> tuple[tuple[int, str], ...]:
    try:
        loaded = json.loads(value or "[]")
    except json.JSONDecodeError:
        return ()
    return tuple(
        (int(c["id"]), str(c["title"])) for c in loaded if isinstance(c, dict) and "id" in c
    )


def _committees_json(committees: Iterable[tuple[int, str]]) -> str:
    return json.dumps([{"id": cid, "title": title} for cid, title in committees])


def _stamp(value: datetime) -> str:
    return value.isoformat(sep=" ", timespec="seconds")


def add_source(
    conn: sqlite3.Connection,
    name: str,
    base_url: str,
    committees: Sequence[tuple[int, str]],
    now: datetime,
) -> int:
    if conn.execute("SELECT 1 FROM source WHERE name = ?", (name,)).fetchone():
        raise DuplicateSource(name)
    cursor = conn.execute(
        "INSERT INTO source (name, base_url, committees, added_at) VALUES (?, ?, ?, ?)"
        " RETURNING id",
        (name, base_url, _committees_json(committees), _stamp(now)),
    )
    return int(cursor.fetchone()[0])


def set_committees(
    conn: sqlite3.Connection, name: str, committees: Sequence[tuple[int, str]]
) -> None:
    conn.execute(
        "UPDATE source SET committees = ? WHERE name = ?", (_committees_json(committees), name)
    )


def remove_source(conn: sqlite3.Connection, name: str) -> bool:
    """Forget a source; the meetings synced from it stay in the store."""
    return conn.execute("DELETE FROM source WHERE name = ?", (name,)).rowcount > 0


_SOURCES = f"""
SELECT s.id, s.name, s.base_url, s.committees, s.added_at, s.last_sync_at, s.last_sync,
       (SELECT count(*) FROM meeting m JOIN document d ON d.id = m.document_id
         WHERE d.path LIKE '{SYNCED_PREFIX}' || s.name || '/%'),
       (SELECT count(*) FROM agenda_item ai JOIN document d ON d.id = ai.document_id
         WHERE d.path LIKE '{SYNCED_PREFIX}' || s.name || '/%')
FROM source s {{where}} ORDER BY s.name
"""


def list_sources(conn: sqlite3.Connection, names: Sequence[str] | None = None) -> list[SourceRow]:
    if names:
        marks = ",".join("?" * len(names))
        rows = conn.execute(_SOURCES.format(where=f"WHERE s.name IN ({marks})"), list(names))
    else:
        rows = conn.execute(_SOURCES.format(where=""))
    found = []
    for r in rows:
        try:
            last = json.loads(r[6]) if r[6] else None
        except json.JSONDecodeError:
            last = None
        found.append(
            SourceRow(r[0], r[1], r[2], _committees(r[3]), str(r[4]), r[5], last, r[7], r[8])
        )
    return found


def record_sync(
    conn: sqlite3.Connection, source_id: int, at: datetime, report: dict[str, Any]
) -> None:
    conn.execute(
        "UPDATE source SET last_sync_at = ?, last_sync = ? WHERE id = ?",
        (_stamp(at), json.dumps(report), source_id),
    )


def record_synced_meeting(
    conn: sqlite3.Connection,
    source_id: int,
    meeting_key: int,
    committee_id: int | None,
    committee: str | None,
    date: str | None,
    status: str | None,
    path: str,
    now: datetime,
) -> None:
    conn.execute(
        "INSERT INTO sync_meeting (source_id, meeting_key, committee_id, committee, date,"
        " status, document_path, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (source_id, meeting_key) DO UPDATE SET committee_id = excluded.committee_id,"
        " committee = excluded.committee, date = excluded.date, status = excluded.status,"
        " document_path = excluded.document_path, synced_at = excluded.synced_at",
        (source_id, meeting_key, committee_id, committee, date, status, path, _stamp(now)),
    )


def document_sha(conn: sqlite3.Connection, path: str) -> str | None:
    row = conn.execute("SELECT sha256 FROM document WHERE path = ?", (path,)).fetchone()
    return row[0] if row else None


def meeting_of_document(conn: sqlite3.Connection, document_id: int) -> int | None:
    row = conn.execute(
        "SELECT id FROM meeting WHERE document_id = ? ORDER BY id LIMIT 1", (document_id,)
    ).fetchone()
    return row[0] if row else None


def set_meeting_details(
    conn: sqlite3.Connection,
    document_id: int,
    location: str | None,
    url: str | None,
    items: Sequence[tuple[str | None, bool]],
) -> None:
    """The site's facts the parser does not know: where, the public page, and for each item
    (in order) its agendaitemid and whether it is restricted."""
    conn.execute(
        "UPDATE meeting SET location = ?, url = ? WHERE document_id = ?",
        (location, url, document_id),
    )
    conn.executemany(
        "UPDATE agenda_item SET external_id = ?, restricted = ?"
        " WHERE document_id = ? AND ordinal = ?",
        [(key, int(restricted), document_id, n) for n, (key, restricted) in enumerate(items)],
    )


# ---- one meeting, whichever way it arrived --------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingCandidate:
    meeting_id: int
    document_id: int
    path: str
    key: str  # the document's key, which its notes are anchored by
    committee: str | None
    date: str | None
    item_titles: tuple[str, ...]
    item_uids: tuple[str, ...]
    item_numbers: tuple[str | None, ...] = ()


def meetings_on(
    conn: sqlite3.Connection, date: str, *, synced: bool, exclude_document: int | None = None
) -> list[MeetingCandidate]:
    """Meetings held on ``date``, synced from a site or (``synced=False``) from files."""
    like = "LIKE" if synced else "NOT LIKE"
    rows = conn.execute(
        f"SELECT m.id, d.id, d.path, d.key, m.committee, m.date FROM meeting m"
        f" JOIN document d ON d.id = m.document_id"
        f" WHERE m.date = ? AND d.path {like} '{SYNCED_PREFIX}%' AND d.id IS NOT ?",
        (date, exclude_document),
    ).fetchall()
    found = []
    for meeting_id, doc_id, path, key, committee, day in rows:
        items = conn.execute(
            "SELECT title, uid, number FROM agenda_item WHERE meeting_id = ? ORDER BY ordinal",
            (meeting_id,),
        ).fetchall()
        found.append(
            MeetingCandidate(
                meeting_id,
                doc_id,
                path,
                key,
                committee,
                day,
                tuple(t for t, _, _ in items),
                tuple(u for _, u, _ in items),
                tuple(n for _, _, n in items),
            )
        )
    return found


def records_of_meeting(
    conn: sqlite3.Connection, meeting_id: int
) -> dict[str, tuple[str, str, str]]:
    """uid -> (kind, item uid, text) for a meeting's items and tracked records."""
    found: dict[str, tuple[str, str, str]] = {}
    for uid, title in conn.execute(
        "SELECT uid, title FROM agenda_item WHERE meeting_id = ?", (meeting_id,)
    ):
        found[uid] = ("item", uid, title)
    for kind in ("resolution", "recommendation", "action"):
        rows = conn.execute(
            f"SELECT r.uid, i.uid, r.text FROM {kind} r JOIN agenda_item i ON i.id = r.item_id"
            " WHERE i.meeting_id = ?",
            (meeting_id,),
        )
        for uid, item_uid, text in rows:
            found[uid] = (kind, item_uid, text)
    return found


def move_notes(
    conn: sqlite3.Connection, old_key: str, new_key: str, renames: dict[str, str]
) -> int:
    """Notes on one document moved to another (their targets renamed); how many moved."""
    conn.executemany(
        "UPDATE annotation SET target_uid = ? WHERE target_uid = ?",
        [(new, old) for old, new in renames.items()],
    )
    return conn.execute(
        "UPDATE annotation SET document_key = ? WHERE document_key = ?", (new_key, old_key)
    ).rowcount


def meeting_dates_of_document(conn: sqlite3.Connection, document_id: int) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT date FROM meeting WHERE document_id = ? AND date IS NOT NULL",
        (document_id,),
    )
    return [day for (day,) in rows]


def document_text(conn: sqlite3.Connection, document_id: int) -> str:
    row = conn.execute(
        "SELECT unpacked(text) FROM document WHERE id = ?", (document_id,)
    ).fetchone()
    return row[0] if row else ""


def drop_meeting(conn: sqlite3.Connection, meeting_id: int) -> None:
    """Remove a meeting's parsed records (the same meeting is stored from its site). The
    document row stays, so its unchanged file is not read in again."""
    conn.execute("DELETE FROM meeting WHERE id = ?", (meeting_id,))


# ---- meetings for the shell -------------------------------------------------------------


_IN_ITEMS = "item_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?)) ORDER BY item_id, ordinal"
_RECORDS_FOR_SHELL: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("resolutions", f"SELECT item_id, label, text, kind FROM resolution WHERE {_IN_ITEMS}",
     ("label", "text", "kind")),
    ("recommendations", f"SELECT item_id, ref, text FROM recommendation WHERE {_IN_ITEMS}",
     ("ref", "text")),
    ("actions", f"SELECT item_id, text, due FROM action WHERE {_IN_ITEMS}", ("text", "due")),
)  # fmt: skip


def meetings_for_export(
    conn: sqlite3.Connection,
    committee: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """(how many meetings match, the latest ``limit`` of them (all if None), oldest first)
    with their items, records and attendance."""
    clauses, params = ["TRUE"], []
    if committee:
        clauses.append("m.committee LIKE ?")
        params.append(f"%{committee}%")
    if since:
        clauses.append("m.date >= ?")
        params.append(since)
    if until:
        clauses.append("m.date <= ?")
        params.append(until)
    where = " AND ".join(clauses)
    (total,) = conn.execute(
        f"SELECT count(*) FROM meeting m WHERE {where}",
        params,
    ).fetchone()
    # the latest first, to take the last ``limit``; shown oldest first. The document's
    # columns are read afterwards for the meetings shown only: they sit after its text in
    # the row, so reading them for every meeting would walk every text's pages.
    picked = conn.execute(
        "SELECT m.id, m.council, m.committee, m.date, m.location, m.url, m.document_id"
        f" FROM meeting m WHERE {where}"
        " ORDER BY m.date IS NULL DESC, m.date DESC, m.council DESC, m.committee DESC,"
        " m.document_id DESC LIMIT ?",
        [*params, -1 if limit is None else limit],
    ).fetchall()[::-1]
    documents = {
        doc_id: (path, bool(missing))
        for doc_id, path, missing in conn.execute(
            "SELECT id, path, missing_since IS NOT NULL FROM document"
            " WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
            (json.dumps([row[6] for row in picked]),),
        )
    }
    rows = [
        (*row[:5], row[5] or documents[row[6]][0], documents[row[6]][1], row[6]) for row in picked
    ]
    # Each kind of record read once for all the meetings shown, not once per item.
    meeting_ids = json.dumps([row[0] for row in rows])
    others: dict[int, list[str]] = {row[7]: [] for row in rows}
    for holder, path in conn.execute(
        "SELECT same_as, path FROM document"
        " WHERE same_as IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
        (json.dumps(list(others)),),
    ):
        others[holder].append(path)
    items_of: dict[int, list[dict[str, Any]]] = {row[0]: [] for row in rows}
    item_by_id: dict[int, dict[str, Any]] = {}
    for meeting_id, item_id, number, title, restricted in conn.execute(
        "SELECT meeting_id, id, number, title, restricted FROM agenda_item"
        " WHERE meeting_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))"
        " ORDER BY meeting_id, ordinal",
        (meeting_ids,),
    ):
        item = {
            "number": number,
            "title": title,
            "restricted": bool(restricted),
            "resolutions": [],
            "recommendations": [],
            "actions": [],
        }
        items_of[meeting_id].append(item)
        item_by_id[item_id] = item
    item_ids = json.dumps(list(item_by_id))
    for kind, query, fields in _RECORDS_FOR_SHELL:
        for item_id, *values in conn.execute(query, (item_ids,)):
            item_by_id[item_id][kind].append(dict(zip(fields, values, strict=True)))
    people: dict[int, dict[str, list[dict[str, Any]]]] = {
        row[0]: {"present": [], "apologies": []} for row in rows
    }
    for meeting_id, kind, name, honorific, role in conn.execute(
        "SELECT a.meeting_id, a.kind, p.name, p.honorific, a.role FROM attendance a"
        " JOIN person p ON p.id = a.person_id"
        " WHERE a.meeting_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))"
        " AND a.item_id IS NULL"
        " AND a.kind IN ('present', 'apologies') ORDER BY a.id",
        (meeting_ids,),
    ):
        people[meeting_id][kind].append({"name": name, "honorific": honorific, "role": role})
    meetings = []
    for meeting_id, council, committee, day, location, source, missing, doc_id in rows:
        meetings.append(
            {
                "council": council,
                "committee": committee,
                "date": day,
                "location": location,
                "source": source,
                "source_missing": bool(missing),
                "other_sources": sorted(others[doc_id]),
                "items": items_of[meeting_id],
                "present": people[meeting_id]["present"],
                "apologies": people[meeting_id]["apologies"],
            }
        )
    return int(total), meetings
