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


# The Attention screen's figures are read along indexes, so that they cost what they find,
# not the size of the archive: tracked recommendations are found from the tracking table
# (a member tracks tens or hundreds, the store may hold a million), recent ones from the
# meetings' dates, and counts that need no join are taken from one table's index. Every
# recommendation and action has its agenda item, meeting and document (foreign keys), so
# counting without those joins changes no figure.

# A recommendation (numbered, or a resolution that recommended), with its tracking, the
# columns named as ``tracking.RECOMMENDATIONS`` names them. ``{first}`` is the table each
# branch is read from first (``{rec}`` and ``{res}`` the joins that follow) and ``{where}``
# the condition that makes that table the narrow one.
_BRANCHES = """FROM (
    SELECT rc.uid, ai.id AS item_id, 'Rec ' || coalesce(rc.ref, '') AS reference,
           m.committee AS committee, m.date AS date_agreed, rc.text,
           t.status, t.executive_response_date, t.updated_at,
           d.path, ai.ordinal * 10000 + rc.ordinal AS ordinal
    {rec} JOIN document d ON d.id = ai.document_id WHERE {where}
    UNION ALL
    SELECT r.uid, ai.id, 'Res ' || coalesce(r.label, ''), m.committee, m.date, r.text,
           t.status, t.executive_response_date, t.updated_at,
           d.path, ai.ordinal * 10000 + 5000 + r.ordinal
    {res} JOIN document d ON d.id = ai.document_id WHERE r.kind = 'recommended' AND {where}
) x"""

# Tracked ones: from the tracking table to the record by its uid.
_TRACKED = _BRANCHES.format(
    rec="""FROM recommendation_tracking t CROSS JOIN recommendation rc ON rc.uid = t.uid
    JOIN agenda_item ai ON ai.id = rc.item_id JOIN meeting m ON m.id = ai.meeting_id""",
    res="""FROM recommendation_tracking t CROSS JOIN resolution r ON r.uid = t.uid
    JOIN agenda_item ai ON ai.id = r.item_id JOIN meeting m ON m.id = ai.meeting_id""",
    where="t.status IS NOT NULL",
)

# Ones agreed at meetings since a date: from the meetings' dates (ix_meeting_date) to their
# items and records, then to the tracking each may have.
_AGREED_SINCE = _BRANCHES.format(
    rec="""FROM meeting m CROSS JOIN agenda_item ai ON ai.meeting_id = m.id
    CROSS JOIN recommendation rc ON rc.item_id = ai.id
    LEFT JOIN recommendation_tracking t ON t.uid = rc.uid""",
    res="""FROM meeting m CROSS JOIN agenda_item ai ON ai.meeting_id = m.id
    CROSS JOIN resolution r ON r.item_id = ai.id
    LEFT JOIN recommendation_tracking t ON t.uid = r.uid""",
    where="m.date IS NOT NULL AND m.date >= :since",
)


def recommendations_awaiting_response(
    conn: sqlite3.Connection, *, agreed_since: date, today: date, limit: int
) -> tuple[int, list[RecommendationDue]]:
    """(how many, the oldest ``limit``) recommendations agreed on or after ``agreed_since``
    that have no tracking status and no response date on or before ``today``."""
    where = (
        "x.status IS NULL"
        " AND (x.executive_response_date IS NULL OR x.executive_response_date > :today)"
    )
    params = {"since": agreed_since.isoformat(), "today": today.isoformat()}
    total = conn.execute(f"SELECT count(*) {_AGREED_SINCE} WHERE {where}", params)
    count = int(total.fetchone()[0])
    # The trackers' order after the date agreed (tracking.RECOMMENDATIONS' default order).
    rows = conn.execute(
        "SELECT x.uid, x.item_id, trim(x.reference), x.committee, x.date_agreed, x.text,"
        f" x.executive_response_date {_AGREED_SINCE} WHERE {where}"
        " ORDER BY x.date_agreed, x.path, x.ordinal, x.uid LIMIT :limit",
        params | {"limit": limit},
    )
    return count, [RecommendationDue(*row) for row in rows]


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
        " x.updated_at)"
    )
    where = (
        f"(x.status IN ({failing_marks})"
        f" OR ({since} < :cutoff AND x.status NOT IN ({closed_marks})))"
    )
    total = conn.execute(f"SELECT count(*) {_TRACKED} WHERE {where}", params)
    count = int(total.fetchone()[0])
    rows = conn.execute(
        "SELECT x.uid, x.item_id, trim(x.reference), x.committee, x.date_agreed, x.text,"
        f" x.status, {since} {_TRACKED} WHERE {where}"
        # (the trackers' order breaks ties, so that both engines list them alike)
        f" ORDER BY x.status IN ({failing_marks}) DESC, {since}, x.date_agreed, x.path,"
        " x.ordinal, x.uid LIMIT :limit",
        params | {"limit": limit},
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
    # Counted on the narrowest index of each table (ix_resolution_kind for the resolutions
    # that recommended); the statuses from the tracking table.
    total = conn.execute(
        "SELECT (SELECT count(*) FROM recommendation)"
        " + (SELECT count(*) FROM resolution WHERE kind = 'recommended')"
    ).fetchone()[0]
    rows = conn.execute(f"SELECT x.status, count(*) {_TRACKED} GROUP BY x.status")
    return int(total), {str(status): int(count) for status, count in rows}


# The month an action is due: a due date of a whole year counts in its December.
_MONTH = "CASE length(a.due) WHEN 4 THEN a.due || '-12' ELSE substr(a.due, 1, 7) END"


def open_actions_by_month(conn: sqlite3.Connection) -> dict[str, int]:
    """Actions not marked done, counted by the month they are due (``YYYY-MM``); a due
    date of a whole year counts in its December."""
    # Every dated action, from ix_action_due alone (no row of the table is read), less
    # those marked done, found from the few the member marked.
    rows = conn.execute(
        f"SELECT {_MONTH} AS month, count(*) FROM action a WHERE a.due IS NOT NULL GROUP BY month"
    )
    counts = {str(month): int(count) for month, count in rows}
    done = conn.execute(
        f"SELECT {_MONTH} AS month, count(*) FROM action_state s"
        " CROSS JOIN action a ON a.uid = s.uid"
        " WHERE s.done <> 0 AND a.due IS NOT NULL GROUP BY month"
    )
    for month, count in done:
        left = counts.get(str(month), 0) - int(count)
        if left > 0:
            counts[str(month)] = left
        else:
            counts.pop(str(month), None)
    return dict(sorted(counts.items()))


def overdue_actions_count(conn: sqlite3.Connection, *, today: date) -> int:
    """How many actions are past their due date and not marked done, as
    ``tracking.actions_count(show="overdue")`` counts them: "2017-04" is due by the end of
    April and "2017" by the end of the year."""
    iso = today.isoformat()
    params = {"today": iso, "month": iso[:7], "year": str(today.year)}
    late = """a.due < :today AND CASE length(a.due)
        WHEN 10 THEN a.due < :today WHEN 7 THEN a.due < :month ELSE a.due < :year END"""
    # The dated ones from ix_action_due alone, less the few marked done.
    dated = conn.execute(f"SELECT count(*) FROM action a WHERE {late}", params).fetchone()[0]
    done = conn.execute(
        f"SELECT count(*) FROM action_state s CROSS JOIN action a ON a.uid = s.uid"
        f" WHERE s.done <> 0 AND {late}",
        params,
    ).fetchone()[0]
    return int(dated) - int(done)


def upcoming_meetings(
    conn: sqlite3.Connection, *, today: date, limit: int
) -> list[UpcomingMeeting]:
    """Meetings dated today or later, soonest first, with their first agenda item. (Ties
    are broken by council and then by when the meeting was stored, with names missing taken
    as empty, so that every engine lists them in the same order.)"""
    rows = conn.execute(
        """SELECT m.id, m.council, m.committee, m.date, m.title, m.url,
                  (SELECT ai.id FROM agenda_item ai WHERE ai.meeting_id = m.id
                   ORDER BY ai.ordinal LIMIT 1),
                  (SELECT count(*) FROM agenda_item ai WHERE ai.meeting_id = m.id)
           FROM meeting m WHERE m.date >= :today
           ORDER BY m.date, COALESCE(m.committee, ''), COALESCE(m.council, ''), m.id
           LIMIT :limit""",
        {"today": today.isoformat(), "limit": limit},
    )
    return [UpcomingMeeting(*row) for row in rows]
