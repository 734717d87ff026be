"""SQL behind the Attention screen: what is late, unanswered, stale or coming up.

The trackers' own listings (``store.tracking``) give the FROM clauses, so a recommendation
or an action is found here by the same joins the trackers use; which rows need attention
(how late, how stale) is ``services.attention``'s policy, passed in as dates and names.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from scrutiny_tui.store.tracking import RECOMMENDATIONS, PageRequest
from scrutiny_tui.store.values import db_time, read_time


@dataclass(frozen=True, slots=True)
class ItemPlace:
    """Where a record sits: its agenda item's number as printed and its title."""

    item_id: int
    number: str | None
    title: str


@dataclass(frozen=True, slots=True)
class RecommendationDue:
    uid: str
    item_id: int
    reference: str
    committee: str | None
    date_agreed: str  # YYYY-MM-DD
    text: str
    response_date: str | None  # a response date the member recorded (in the future)


@dataclass(frozen=True, slots=True)
class StaleRecommendation:
    uid: str
    item_id: int
    reference: str
    committee: str | None
    date_agreed: str | None
    text: str
    status: str
    status_since: datetime | None  # when the status was last set


@dataclass(frozen=True, slots=True)
class UpcomingMeeting:
    meeting_id: int
    council: str | None
    committee: str | None
    date: str  # YYYY-MM-DD
    title: str | None
    url: str | None
    first_item_id: int | None
    item_count: int


def item_places(conn: sqlite3.Connection, item_ids: Sequence[int]) -> dict[int, ItemPlace]:
    """The number and title of each of these agenda items, by id."""
    if not item_ids:
        return {}
    marks = ", ".join("?" * len(item_ids))
    rows = conn.execute(
        f"SELECT id, number, title FROM agenda_item WHERE id IN ({marks})", tuple(item_ids)
    )
    return {int(i): ItemPlace(int(i), number, str(title)) for i, number, title in rows}


def recommendations_awaiting_response(
    conn: sqlite3.Connection, *, agreed_since: date, today: date, limit: int
) -> tuple[int, list[RecommendationDue]]:
    """(how many, the oldest ``limit``) recommendations agreed on or after ``agreed_since``
    that have no tracking status and no response date on or before ``today``."""
    extra = (
        " AND x.date_agreed IS NOT NULL AND x.date_agreed >= :since AND t.status IS NULL"
        " AND (t.executive_response_date IS NULL OR t.executive_response_date > :today)"
    )
    total, rows = RECOMMENDATIONS.page(
        conn,
        "x.uid, x.item_id, trim(x.reference), x.committee, x.date_agreed, x.text,"
        " t.executive_response_date",
        PageRequest(sort="date_agreed", limit=limit),
        extra,
        {"since": agreed_since.isoformat(), "today": today.isoformat()},
    )
    return total, [RecommendationDue(*row) for row in rows]


def stale_recommendations(
    conn: sqlite3.Connection,
    *,
    failing: Sequence[str],
    closed: Sequence[str],
    unchanged_since: datetime,
    limit: int,
) -> tuple[int, list[StaleRecommendation]]:
    """(how many, the first ``limit``) tracked recommendations whose status is one of
    ``failing``, or has not changed since ``unchanged_since`` and is not one of ``closed``;
    failing ones first, then the longest unchanged."""
    params: dict[str, Any] = {"cutoff": db_time(unchanged_since)}
    failing_marks = _names(params, "f", failing)
    closed_marks = _names(params, "c", closed)
    since = (
        "coalesce((SELECT max(changed_at) FROM status_change sc WHERE sc.uid = x.uid),"
        " t.updated_at)"
    )
    extra = (
        f" AND t.status IS NOT NULL AND (t.status IN ({failing_marks})"
        f" OR ({since} < :cutoff AND t.status NOT IN ({closed_marks})))"
    )
    where, base = RECOMMENDATIONS.where(())
    source = RECOMMENDATIONS.source
    total = conn.execute(f"SELECT count(*) {source} WHERE {where}{extra}", base | params)
    count = int(total.fetchone()[0])
    rows = conn.execute(
        "SELECT x.uid, x.item_id, trim(x.reference), x.committee, x.date_agreed, x.text,"
        f" t.status, {since}"
        f" {source} WHERE {where}{extra}"
        f" ORDER BY t.status IN ({failing_marks}) DESC, {since}, x.date_agreed LIMIT :limit",
        base | params | {"limit": limit},
    )
    found = [
        StaleRecommendation(uid, item_id, ref, committee, agreed, text, status, read_time(when))
        for uid, item_id, ref, committee, agreed, text, status, when in rows
    ]
    return count, found


def _names(params: dict[str, Any], prefix: str, names: Sequence[str]) -> str:
    """Named parameters for an IN list (``''`` matches nothing when the list is empty)."""
    if not names:
        return "''"
    for n, name in enumerate(names):
        params[f"{prefix}{n}"] = name
    return ", ".join(f":{prefix}{n}" for n in range(len(names)))


def status_counts(conn: sqlite3.Connection) -> tuple[int, dict[str, int]]:
    """(recommendations in the store, how many carry each tracking status)."""
    source = RECOMMENDATIONS.source
    total = conn.execute(f"SELECT count(*) {source}").fetchone()[0]
    rows = conn.execute(
        f"SELECT t.status, count(*) {source} WHERE t.status IS NOT NULL GROUP BY t.status"
    )
    return int(total), {str(status): int(count) for status, count in rows}


def open_actions_by_month(conn: sqlite3.Connection) -> dict[str, int]:
    """Actions not marked done, counted by the month they are due (``YYYY-MM``); a due
    date of a whole year counts in its December."""
    rows = conn.execute(
        """SELECT CASE length(a.due) WHEN 4 THEN a.due || '-12' ELSE substr(a.due, 1, 7) END
               AS month, count(*)
           FROM action a LEFT JOIN action_state s ON s.uid = a.uid
           WHERE a.due IS NOT NULL AND coalesce(s.done, 0) = 0
           GROUP BY month ORDER BY month"""
    )
    return {str(month): int(count) for month, count in rows}


def upcoming_meetings(
    conn: sqlite3.Connection, *, today: date, limit: int
) -> list[UpcomingMeeting]:
    """Meetings dated today or later, soonest first, with their first agenda item."""
    rows = conn.execute(
        """SELECT m.id, m.council, m.committee, m.date, m.title, m.url,
                  (SELECT ai.id FROM agenda_item ai WHERE ai.meeting_id = m.id
                   ORDER BY ai.ordinal LIMIT 1),
                  (SELECT count(*) FROM agenda_item ai WHERE ai.meeting_id = m.id)
           FROM meeting m WHERE m.date >= :today ORDER BY m.date, m.committee LIMIT :limit""",
        {"today": today.isoformat(), "limit": limit},
    )
    return [UpcomingMeeting(*row) for row in rows]
