"""SQL for briefing packs: the agenda items in a scope and their records with the member's
tracking (status, lead, executive response date, action taken) and done marks, and the
meetings a "next meeting" pack is built around.

Lists of item ids are bound as one JSON array parameter (read with ``json_each``), so a
scope of any size is one statement and no value is spliced into the SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from scrutiny_tui.store.browse import MeetingFilter, meeting_conditions


@dataclass(frozen=True, slots=True)
class PackItem:
    id: int
    uid: str
    number: str | None
    title: str
    text: str
    committee: str | None
    date: str | None
    path: str  # the document the item was read from
    meeting_id: int = 0


@dataclass(frozen=True, slots=True)
class Tracking:
    """What the member keeps about a recommendation (or a resolution recommending one)."""

    status: str | None = None
    lead: str | None = None  # lead officer or portfolio
    response_date: str | None = None  # the executive's response, due or given
    action_taken: str | None = None


@dataclass(frozen=True, slots=True)
class PackResolution:
    item_id: int
    uid: str
    label: str | None
    kind: str
    text: str
    status: str | None  # the member's tracking status, if any
    tracking: Tracking = Tracking()


@dataclass(frozen=True, slots=True)
class PackRecommendation:
    item_id: int
    uid: str
    ref: str | None
    text: str
    status: str | None  # the member's tracking status, if any
    tracking: Tracking = Tracking()


@dataclass(frozen=True, slots=True)
class PackAction:
    item_id: int
    uid: str
    text: str
    due: str | None
    due_to: str | None
    done: bool


_ITEMS = """
SELECT ai.id, ai.uid, ai.number, ai.title, unpacked(ai.text), m.committee, m.date, d.path, m.id
FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id JOIN document d ON d.id = ai.document_id
WHERE {conditions}
ORDER BY m.date IS NULL, m.date, m.committee, d.path, ai.ordinal
"""

_IN_ITEMS = "(SELECT CAST(value AS INTEGER) FROM json_each(:item_ids))"


def _ids(item_ids: Collection[int]) -> str:
    return json.dumps(sorted(int(i) for i in item_ids))


def items_in_scope(
    conn: sqlite3.Connection, flt: MeetingFilter, item_ids: Collection[int] | None = None
) -> list[PackItem]:
    """Agenda items of the meetings ``flt`` matches (only those in ``item_ids`` if given),
    oldest meeting first, then committee, document and place on the agenda."""
    conditions, params = meeting_conditions(flt)
    bound: dict[str, str] = dict(params)
    if item_ids is not None:
        conditions += f" AND ai.id IN {_IN_ITEMS}"
        bound["item_ids"] = _ids(item_ids)
    rows = conn.execute(_ITEMS.format(conditions=conditions), bound)
    return [PackItem(*row) for row in rows]


def items_by_id(conn: sqlite3.Connection, item_ids: Collection[int]) -> list[PackItem]:
    """The items with these ids, in the order :func:`items_in_scope` gives."""
    rows = conn.execute(
        _ITEMS.format(conditions=f"ai.id IN {_IN_ITEMS}"), {"item_ids": _ids(item_ids)}
    )
    return [PackItem(*row) for row in rows]


def committee_items(
    conn: sqlite3.Connection, committee: str, first: str, last: str
) -> list[PackItem]:
    """Items of the meetings of exactly ``committee`` dated from ``first`` to ``last``."""
    conditions = "m.committee = :committee AND m.date >= :first AND m.date <= :last"
    rows = conn.execute(
        _ITEMS.format(conditions=conditions), {"committee": committee, "first": first, "last": last}
    )
    return [PackItem(*row) for row in rows]


_TRACKING = "t.status, t.lead, t.executive_response_date, t.action_taken"

_RESOLUTIONS = f"""
SELECT r.item_id, r.uid, r.label, r.kind, r.text, {_TRACKING}
FROM resolution r LEFT JOIN recommendation_tracking t ON t.uid = r.uid
WHERE r.item_id IN {_IN_ITEMS} ORDER BY r.item_id, r.ordinal
"""

_RECOMMENDATIONS = f"""
SELECT r.item_id, r.uid, r.ref, r.text, {_TRACKING}
FROM recommendation r LEFT JOIN recommendation_tracking t ON t.uid = r.uid
WHERE r.item_id IN {_IN_ITEMS} ORDER BY r.item_id, r.ordinal
"""

_ACTIONS = f"""
SELECT a.item_id, a.uid, a.text, a.due, a.due_to, coalesce(s.done, 0)
FROM action a LEFT JOIN action_state s ON s.uid = a.uid
WHERE a.item_id IN {_IN_ITEMS} ORDER BY a.item_id, a.ordinal
"""


def resolutions_of_items(
    conn: sqlite3.Connection, item_ids: Collection[int]
) -> list[PackResolution]:
    """The items' resolutions, by item and in order, with any tracking."""
    rows = conn.execute(_RESOLUTIONS, {"item_ids": _ids(item_ids)})
    return [
        PackResolution(item_id, uid, label, kind, text, status, Tracking(status, *kept))
        for item_id, uid, label, kind, text, status, *kept in rows
    ]


def recommendations_of_items(
    conn: sqlite3.Connection, item_ids: Collection[int]
) -> list[PackRecommendation]:
    """The items' recommendations, by item and in order, with any tracking."""
    rows = conn.execute(_RECOMMENDATIONS, {"item_ids": _ids(item_ids)})
    return [
        PackRecommendation(item_id, uid, ref, text, status, Tracking(status, *kept))
        for item_id, uid, ref, text, status, *kept in rows
    ]


def actions_of_items(conn: sqlite3.Connection, item_ids: Collection[int]) -> list[PackAction]:
    """The items' actions, by item and in order, with whether each is marked done."""
    rows = conn.execute(_ACTIONS, {"item_ids": _ids(item_ids)})
    return [
        PackAction(item_id, uid, text, due, due_to, bool(done))
        for item_id, uid, text, due, due_to, done in rows
    ]


# ---- the meetings a "next meeting" pack is for ----------------------------------------


def _committee_clause(like: str | None, names: Sequence[str]) -> tuple[str, dict[str, str]]:
    if like:
        return "m.committee LIKE :like", {"like": f"%{like}%"}
    return "m.committee IN (SELECT value FROM json_each(:names))", {
        "names": json.dumps(list(names))
    }


def first_meeting_from(
    conn: sqlite3.Connection, day: str, *, like: str | None = None, names: Sequence[str] = ()
) -> tuple[str, str] | None:
    """(committee, date) of the earliest meeting on or after ``day`` of a committee whose
    name contains ``like`` (or, without it, is one of ``names``)."""
    clause, params = _committee_clause(like, names)
    row = conn.execute(
        f"SELECT m.committee, m.date FROM meeting m WHERE {clause} AND m.date >= :day"
        " ORDER BY m.date, m.committee LIMIT 1",
        {**params, "day": day},
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def committee_on(
    conn: sqlite3.Connection, day: str, *, like: str | None = None, names: Sequence[str] = ()
) -> str | None:
    """The matching committee meeting on ``day``, else the one that met last before it."""
    clause, params = _committee_clause(like, names)
    row = conn.execute(
        f"SELECT m.committee FROM meeting m WHERE {clause} AND m.date <= :day"
        " ORDER BY m.date = :day DESC, m.date DESC, m.committee LIMIT 1",
        {**params, "day": day},
    ).fetchone()
    return None if row is None else str(row[0])


def last_meeting_before(conn: sqlite3.Connection, committee: str, day: str) -> str | None:
    """The date of the latest meeting of exactly ``committee`` before ``day``."""
    row = conn.execute(
        "SELECT max(date) FROM meeting WHERE committee = ? AND date < ?", (committee, day)
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


_OPEN_ITEMS = """
SELECT a.item_id FROM action a
JOIN agenda_item ai ON ai.id = a.item_id JOIN meeting m ON m.id = ai.meeting_id
LEFT JOIN action_state s ON s.uid = a.uid
WHERE m.committee = :committee AND (m.date IS NULL OR m.date < :before) AND coalesce(s.done, 0) = 0
UNION
SELECT r.item_id FROM recommendation r
JOIN agenda_item ai ON ai.id = r.item_id JOIN meeting m ON m.id = ai.meeting_id
LEFT JOIN recommendation_tracking t ON t.uid = r.uid
WHERE m.committee = :committee AND (m.date IS NULL OR m.date < :before)
  AND (t.status IS NULL OR t.status NOT IN (SELECT value FROM json_each(:settled)))
UNION
SELECT r.item_id FROM resolution r
JOIN agenda_item ai ON ai.id = r.item_id JOIN meeting m ON m.id = ai.meeting_id
LEFT JOIN recommendation_tracking t ON t.uid = r.uid
WHERE r.kind = 'recommended' AND m.committee = :committee AND (m.date IS NULL OR m.date < :before)
  AND (t.status IS NULL OR t.status NOT IN (SELECT value FROM json_each(:settled)))
"""


def items_with_open_records(
    conn: sqlite3.Connection, committee: str, before: str, settled: Collection[str]
) -> set[int]:
    """Ids of items of ``committee``'s meetings before ``before`` (or undated) holding an
    action not marked done or a recommendation whose status is not one of ``settled``."""
    rows = conn.execute(
        _OPEN_ITEMS,
        {"committee": committee, "before": before, "settled": json.dumps(sorted(settled))},
    )
    return {int(item_id) for (item_id,) in rows}
