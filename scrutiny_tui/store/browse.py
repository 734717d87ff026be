"""SQL for browsing: meetings and their committees, agenda items with their counts, one item
with its records and attendees.

Every function takes the caller's connection (``store.read()``) and returns frozen
dataclasses holding the stored values as they are; how to name a file or lay out the
minutes is the services' job.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from scrutiny_tui.store.db import is_postgres

# ---- what a query matches -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingFilter:
    """What the meetings filter box asked for. Empty fields match everything."""

    text: str = ""
    committee: str = ""
    date_from: str | None = None  # inclusive, YYYY-MM-DD
    date_to: str | None = None  # inclusive, YYYY-MM-DD

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.committee or self.date_from or self.date_to)


def meeting_conditions(flt: MeetingFilter) -> tuple[str, dict[str, str]]:
    """SQL conditions on ``meeting m`` and ``document d`` and their named parameters, for
    the store's query modules that list meetings or their items."""
    clauses, params = ["TRUE"], {}
    if flt.committee:
        clauses.append("m.committee LIKE :committee")
        params["committee"] = f"%{flt.committee}%"
    if flt.date_from:
        clauses.append("m.date >= :date_from")
        params["date_from"] = flt.date_from
    if flt.date_to:
        clauses.append("m.date <= :date_to")
        params["date_to"] = flt.date_to
    for n, word in enumerate(flt.text.split()):
        key = f"w{n}"  # the parameter's name; the word itself is bound, never spliced in
        clauses.append(
            f"(m.council LIKE :{key} OR m.committee LIKE :{key} OR m.title LIKE :{key}"
            f" OR d.path LIKE :{key} OR EXISTS (SELECT 1 FROM agenda_item x"
            f" WHERE x.meeting_id = m.id AND x.title LIKE :{key}))"
        )
        params[key] = f"%{word}%"
    return " AND ".join(clauses), params


# ---- rows ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    resolutions: int = 0
    open_actions: int = 0
    notes: int = 0  # live (not deleted) notes on the item or its records


@dataclass(frozen=True, slots=True)
class CommitteeGroup:
    """One council's committee and how many meetings of it match the filter."""

    council: str | None
    committee: str | None
    meetings: int
    items: int | None  # None: not counted (see ``committee_groups``)


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """A meeting as stored, with the path of the document it was read from."""

    id: int
    council: str | None
    committee: str | None
    date: str | None
    title: str | None
    path: str
    item_count: int
    counts: Counts
    url: str | None
    location: str | None
    missing: bool = False  # the file it was read from has gone (kept, never deleted)
    other_sources: int = 0  # further copies or formats of the same minutes
    first_item_title: str | None = None


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    meeting_id: int
    number: str | None
    title: str
    counts: Counts
    restricted: bool = False  # the site withholds its minutes


@dataclass(frozen=True, slots=True)
class ItemHead:
    """One agenda item, its meeting and its stretch of the document."""

    id: int
    uid: str
    meeting_id: int
    council: str | None
    committee: str | None
    date: str | None
    meeting_title: str | None
    path: str
    number: str | None
    title: str
    report_refs: tuple[str, ...]
    span_start: int  # where ``minutes`` starts in the document
    minutes: str  # the item's raw text, as stored in the document
    url: str | None
    restricted: bool


@dataclass(frozen=True, slots=True)
class SpannedRecord:
    """A resolution, recommendation or action with its span in the document."""

    uid: str
    label: str | None  # resolution label, recommendation ref, action's due-to
    text: str
    start: int
    end: int
    detail: str | None  # resolution kind, action due date
    done: bool


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    honorific: str | None
    role: str | None
    kind: str  # present | apologies | substitute | attendee


# ---- meetings -----------------------------------------------------------------------

# Notes are counted through the record view (every uid an item or meeting holds). SQLite
# narrows the view's four parts by index only for conditions on constants, so an item's
# notes are found with its meeting bound as :meeting, and a list of meetings counts the
# notes of all meetings in one grouped pass; a condition on the outer row would read the
# whole view again for every item or meeting.

# Counts of one agenda item ``ai`` of the meeting bound as :meeting: its resolutions, open
# actions, and live notes on it or its records.
_ITEM_COUNTS = """
    (SELECT count(*) FROM resolution r WHERE r.item_id = ai.id),
    (SELECT count(*) FROM action a LEFT JOIN action_state s ON s.uid = a.uid
      WHERE a.item_id = ai.id AND coalesce(s.done, 0) = 0),
    coalesce((SELECT sum((SELECT count(*) FROM annotation n
                          WHERE n.target_uid = r.uid AND n.deleted_at IS NULL))
              FROM record r WHERE r.meeting_id = :meeting AND r.item_id = ai.id), 0)
"""

_MEETINGS = """
WITH noted AS (
    SELECT r.meeting_id, count(*) AS notes
    FROM annotation n JOIN record r ON r.uid = n.target_uid
    WHERE n.deleted_at IS NULL
    GROUP BY r.meeting_id
)
SELECT m.id, m.council, m.committee, m.date, m.title, d.path,
       (SELECT count(*) FROM agenda_item ai WHERE ai.meeting_id = m.id),
       (SELECT count(*) FROM resolution r JOIN agenda_item ai ON ai.id = r.item_id
         WHERE ai.meeting_id = m.id),
       (SELECT count(*) FROM action a JOIN agenda_item ai ON ai.id = a.item_id
         LEFT JOIN action_state s ON s.uid = a.uid
         WHERE ai.meeting_id = m.id AND coalesce(s.done, 0) = 0),
       coalesce(c.notes, 0),
       m.url, m.location, d.missing_since IS NOT NULL,
       (SELECT count(*) FROM document o WHERE o.same_as = d.id),
       (SELECT ai.title FROM agenda_item ai WHERE ai.meeting_id = m.id
         ORDER BY ai.ordinal LIMIT 1)
FROM meeting m
JOIN document d ON d.id = m.document_id
LEFT JOIN noted c ON c.meeting_id = m.id
WHERE {conditions}
ORDER BY m.council IS NULL, m.council, m.committee IS NULL, m.committee,
         m.date IS NULL, m.date DESC, d.path
"""

_GROUPS = """
SELECT m.council, m.committee, count(*),
       sum((SELECT count(*) FROM agenda_item ai WHERE ai.meeting_id = m.id))
FROM meeting m JOIN document d ON d.id = m.document_id
WHERE {conditions}
GROUP BY m.council, m.committee
ORDER BY m.council IS NULL, m.council, m.committee IS NULL, m.committee
"""


# The groups of an unfiltered list: one pass along ix_meeting_council_committee, which holds
# every column read, so neither the document nor the agenda items are touched.
_GROUP_MEETINGS = """
SELECT m.council, m.committee, count(*)
FROM meeting m
GROUP BY m.council, m.committee
ORDER BY m.council IS NULL, m.council, m.committee IS NULL, m.committee
"""

# The same, from the counts the single file keeps as meetings are written (migration 0016).
_KEPT_GROUPS = """
SELECT council, committee, meetings
FROM meeting_group
ORDER BY council IS NULL, council, committee IS NULL, committee
"""

_ITEMS_MATCHING = """
SELECT count(*)
FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
JOIN document d ON d.id = m.document_id
WHERE {conditions}
"""


def committee_groups(
    conn: sqlite3.Connection, flt: MeetingFilter, count_items: bool = True
) -> list[CommitteeGroup]:
    """Council and committee pairs with how many meetings and items of them match.

    With ``count_items=False`` each group's ``items`` is None and, when the filter is
    empty, only the meeting table's index is read; ``item_total`` counts the items after."""
    if flt.is_empty and not count_items:
        counted = _GROUP_MEETINGS if is_postgres(conn) else _KEPT_GROUPS
        return [
            CommitteeGroup(council, committee, meetings, None)
            for council, committee, meetings in conn.execute(counted)
        ]
    conditions, params = meeting_conditions(flt)
    rows = conn.execute(_GROUPS.format(conditions=conditions), params)
    return [
        CommitteeGroup(council, committee, meetings, (items or 0) if count_items else None)
        for council, committee, meetings, items in rows
    ]


def item_total(conn: sqlite3.Connection, flt: MeetingFilter) -> int:
    """How many agenda items the meetings matching ``flt`` hold."""
    if flt.is_empty:
        (total,) = conn.execute("SELECT count(*) FROM agenda_item").fetchone()
    else:
        conditions, params = meeting_conditions(flt)
        (total,) = conn.execute(_ITEMS_MATCHING.format(conditions=conditions), params).fetchone()
    return int(total or 0)


def meetings(
    conn: sqlite3.Connection,
    flt: MeetingFilter,
    group: tuple[str | None, str | None] | None = None,
) -> list[MeetingRecord]:
    """Meetings matching ``flt`` (of one council and committee if ``group`` is given):
    council, committee, newest first."""
    conditions, params = meeting_conditions(flt)
    bound: dict[str, str | None] = dict(params)
    if group is not None:
        conditions += " AND m.council IS :group_council AND m.committee IS :group_committee"
        bound |= {"group_council": group[0], "group_committee": group[1]}
    rows = conn.execute(_MEETINGS.format(conditions=conditions), bound)
    return [
        MeetingRecord(
            id=r[0],
            council=r[1],
            committee=r[2],
            date=r[3],
            title=r[4],
            path=r[5],
            item_count=r[6],
            counts=Counts(r[7] or 0, r[8] or 0, r[9] or 0),
            url=r[10],
            location=r[11],
            missing=bool(r[12]),
            other_sources=r[13] or 0,
            first_item_title=r[14],
        )
        for r in rows
    ]


def items_of_meeting(conn: sqlite3.Connection, meeting_id: int) -> list[ItemRow]:
    """The agenda items of one meeting in document order, with their counts."""
    rows = conn.execute(
        f"""SELECT ai.id, ai.meeting_id, ai.number, ai.title, {_ITEM_COUNTS}, ai.restricted
            FROM agenda_item ai WHERE ai.meeting_id = :meeting ORDER BY ai.ordinal""",
        {"meeting": meeting_id},
    )
    return [
        ItemRow(id_, meeting, number, title, Counts(res, acts, notes), bool(restricted))
        for id_, meeting, number, title, res, acts, notes, restricted in rows
    ]


def has_meetings(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM meeting LIMIT 1").fetchone() is not None


def first_item_id(conn: sqlite3.Connection) -> int | None:
    """The lowest agenda item id, or None in an empty store."""
    (lowest,) = conn.execute("SELECT min(id) FROM agenda_item").fetchone()
    return int(lowest) if lowest is not None else None


def item_id_for_uid(conn: sqlite3.Connection, uid: str) -> int | None:
    """The agenda item holding the record (item, resolution, ...) with this uid."""
    row = conn.execute("SELECT item_id FROM record WHERE uid = ? LIMIT 1", (uid,)).fetchone()
    return None if row is None else row[0]


# ---- one item -----------------------------------------------------------------------

_ITEM_HEAD = """
SELECT ai.id, ai.uid, ai.meeting_id, m.council, m.committee, m.date, m.title, d.path,
       ai.number, ai.title, ai.report_refs, ai.span_start,
       substr(unpacked(d.text), ai.span_start + 1, ai.span_end - ai.span_start), m.url,
       ai.restricted
FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
JOIN document d ON d.id = ai.document_id
WHERE ai.id = ?
"""


def item_head(conn: sqlite3.Connection, item_id: int) -> ItemHead | None:
    """The item, its meeting and its raw minutes, or None if there is no such item."""
    row = conn.execute(_ITEM_HEAD, (item_id,)).fetchone()
    if row is None:
        return None
    return ItemHead(
        id=row[0],
        uid=row[1],
        meeting_id=row[2],
        council=row[3],
        committee=row[4],
        date=row[5],
        meeting_title=row[6],
        path=row[7],
        number=row[8],
        title=row[9],
        report_refs=_json_list(row[10]),
        span_start=row[11],
        minutes=row[12] or "",
        url=row[13],
        restricted=bool(row[14]),
    )


def _json_list(value: str | None) -> tuple[str, ...]:
    """A JSON list column as strings; anything else stored there reads as empty."""
    try:
        loaded = json.loads(value or "[]")
    except json.JSONDecodeError:
        return ()
    return tuple(str(v) for v in loaded) if isinstance(loaded, list) else ()


_RESOLUTIONS = """
SELECT uid, label, text, span_start, span_end, kind, 0 FROM resolution
WHERE item_id = ? ORDER BY ordinal
"""

_RECOMMENDATIONS = """
SELECT uid, ref, text, span_start, span_end, NULL, 0 FROM recommendation
WHERE item_id = ? ORDER BY ordinal
"""

_ACTIONS = """
SELECT a.uid, a.due_to, a.text, a.span_start, a.span_end, a.due, coalesce(s.done, 0)
FROM action a LEFT JOIN action_state s ON s.uid = a.uid
WHERE a.item_id = ? ORDER BY a.ordinal
"""


def _spanned(conn: sqlite3.Connection, query: str, item_id: int) -> list[SpannedRecord]:
    return [
        SpannedRecord(uid, label, text, start, end, detail, bool(done))
        for uid, label, text, start, end, detail, done in conn.execute(query, (item_id,))
    ]


def resolutions_of_item(conn: sqlite3.Connection, item_id: int) -> list[SpannedRecord]:
    """The item's resolutions in order; ``detail`` is the resolution's kind."""
    return _spanned(conn, _RESOLUTIONS, item_id)


def recommendations_of_item(conn: sqlite3.Connection, item_id: int) -> list[SpannedRecord]:
    """The item's recommendations in order; ``label`` is the recommendation's ref."""
    return _spanned(conn, _RECOMMENDATIONS, item_id)


def actions_of_item(conn: sqlite3.Connection, item_id: int) -> list[SpannedRecord]:
    """The item's actions in order; ``label`` is who they are due to, ``detail`` the due
    date, ``done`` whether the member marked them done."""
    return _spanned(conn, _ACTIONS, item_id)


def attendees_of_item(conn: sqlite3.Connection, item_id: int, meeting_id: int) -> list[Attendee]:
    """Who attended: those named for the item first, then the meeting's list."""
    rows = conn.execute(
        """SELECT p.name, p.honorific, at.role, at.kind FROM attendance at
           JOIN person p ON p.id = at.person_id
           WHERE at.item_id = :item OR (at.item_id IS NULL AND at.meeting_id = :meeting)
           ORDER BY at.item_id IS NULL, at.id""",
        {"item": item_id, "meeting": meeting_id},
    )
    return [Attendee(*row) for row in rows]


def item_minutes(conn: sqlite3.Connection, item_id: int) -> tuple[int, str] | None:
    """Where the item's text starts in its document, and that raw text."""
    row = conn.execute(
        """SELECT ai.span_start,
                  substr(unpacked(d.text), ai.span_start + 1, ai.span_end - ai.span_start)
           FROM agenda_item ai JOIN document d ON d.id = ai.document_id
           WHERE ai.id = ?""",
        (item_id,),
    ).fetchone()
    return None if row is None else (row[0], row[1] or "")
