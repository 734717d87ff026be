"""SQL for briefing packs: the agenda items in a scope and their records with the member's
tracking status and done marks.

Lists of item ids are bound as one JSON array parameter (read with ``json_each``), so a
scope of any size is one statement and no value is spliced into the SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
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


@dataclass(frozen=True, slots=True)
class PackResolution:
    item_id: int
    uid: str
    label: str | None
    kind: str
    text: str
    status: str | None  # the member's tracking status, if any


@dataclass(frozen=True, slots=True)
class PackRecommendation:
    item_id: int
    uid: str
    ref: str | None
    text: str
    status: str | None  # the member's tracking status, if any


@dataclass(frozen=True, slots=True)
class PackAction:
    item_id: int
    uid: str
    text: str
    due: str | None
    due_to: str | None
    done: bool


_ITEMS = """
SELECT ai.id, ai.uid, ai.number, ai.title, ai.text, m.committee, m.date, d.path
FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id JOIN document d ON d.id = ai.document_id
WHERE {conditions}
ORDER BY m.date IS NULL, m.date, m.committee, d.path, ai.ordinal
"""

_IN_ITEMS = "(SELECT value FROM json_each(:item_ids))"


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


_RESOLUTIONS = f"""
SELECT r.item_id, r.uid, r.label, r.kind, r.text, t.status
FROM resolution r LEFT JOIN recommendation_tracking t ON t.uid = r.uid
WHERE r.item_id IN {_IN_ITEMS} ORDER BY r.item_id, r.ordinal
"""

_RECOMMENDATIONS = f"""
SELECT r.item_id, r.uid, r.ref, r.text, t.status
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
    """The items' resolutions, by item and in order, with any tracking status."""
    rows = conn.execute(_RESOLUTIONS, {"item_ids": _ids(item_ids)})
    return [PackResolution(*row) for row in rows]


def recommendations_of_items(
    conn: sqlite3.Connection, item_ids: Collection[int]
) -> list[PackRecommendation]:
    """The items' recommendations, by item and in order, with any tracking status."""
    rows = conn.execute(_RECOMMENDATIONS, {"item_ids": _ids(item_ids)})
    return [PackRecommendation(*row) for row in rows]


def actions_of_items(conn: sqlite3.Connection, item_ids: Collection[int]) -> list[PackAction]:
    """The items' actions, by item and in order, with whether each is marked done."""
    rows = conn.execute(_ACTIONS, {"item_ids": _ids(item_ids)})
    return [
        PackAction(item_id, uid, text, due, due_to, bool(done))
        for item_id, uid, text, due, due_to, done in rows
    ]
