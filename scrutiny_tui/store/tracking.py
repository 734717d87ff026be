"""SQL for the three trackers (resolutions, recommendations, actions) and what the member
records about them.

Trackers are read a page at a time (``LIMIT``/``OFFSET``), filtered and sorted in SQL, so a
store of 100k items is never loaded at once. What the member records (an action done, a
recommendation's status and hand-kept columns, every status it has had) is kept in
``action_state``, ``recommendation_tracking`` and ``status_change``, keyed by uid: ingest
never touches them.

Functions take the caller's sqlite3 connection (inside ``store.read()`` or
``store.write()``) and return plain tuples in the order their docstrings give; which columns
a tracker shows and what a due date means is ``services.tracker``'s business.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from scrutiny_tui.store.db import member_name
from scrutiny_tui.store.values import db_time, read_time


@dataclass(frozen=True, slots=True)
class PageRequest:
    """One page of a tracker: filter words, the column key sorted on, and the window."""

    words: tuple[str, ...] = ()  # every word must appear in one of the searched columns
    sort: str = ""  # a key of the listing's sort expressions; "" is its default order
    descending: bool = False
    offset: int = 0
    limit: int = 100


@dataclass(frozen=True, slots=True)
class _Listing:
    """A tracker's FROM clause, the expression behind each sortable column, the expressions
    filter words are matched against, and the order used after (or without) a sort (ending
    with a unique key, so that pages never repeat or skip a row, and every engine agrees).

    ``indexed_source`` is ``source`` with its joins in the order that reads the rows from
    an index, for the orders (sort key, descending) in ``indexed_orders``: a page in one of
    them is read from the front of the index, not sorted from every row. Other orders keep
    ``source`` and leave the join order to the planner."""

    source: str
    sorts: Mapping[str, str]
    searched: tuple[str, ...]
    default_order: tuple[str, ...]
    indexed_source: str = ""
    indexed_orders: frozenset[tuple[str, bool]] = frozenset()

    def where(self, words: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
        clauses, params = ["TRUE"], {}
        for n, word in enumerate(words):
            params[f"w{n}"] = f"%{word}%"
            clauses.append("(" + " OR ".join(f"{e} LIKE :w{n}" for e in self.searched) + ")")
        return " AND ".join(clauses), params

    def order_by(self, request: PageRequest) -> str:
        direction = "DESC" if request.descending else "ASC"
        chosen = self.sorts.get(request.sort)
        keys = [f"{chosen} IS NULL, {chosen} {direction}"] if chosen else []
        return ", ".join([*keys, *self.default_order])

    def source_for(self, request: PageRequest) -> str:
        order = (request.sort, request.descending) if request.sort in self.sorts else ("", False)
        if self.indexed_source and order in self.indexed_orders:
            return self.indexed_source
        return self.source

    def rows(
        self,
        conn: sqlite3.Connection,
        columns: str,
        request: PageRequest,
        extra_where: str = "",
        extra_params: Mapping[str, Any] | None = None,
    ) -> list[tuple[Any, ...]]:
        """The rows of one page, in order."""
        where, params = self.where(request.words)
        rows: list[tuple[Any, ...]] = conn.execute(
            f"SELECT {columns} {self.source_for(request)} WHERE {where}{extra_where}"
            f" ORDER BY {self.order_by(request)} LIMIT :limit OFFSET :offset",
            {**params, **(extra_params or {}), "limit": request.limit, "offset": request.offset},
        ).fetchall()
        return rows

    def count(
        self,
        conn: sqlite3.Connection,
        request: PageRequest,
        extra_where: str = "",
        extra_params: Mapping[str, Any] | None = None,
        counted_from: str = "",
    ) -> int:
        """How many rows match, over all pages. ``counted_from`` is a FROM clause to count
        in when there are no filter words, when that is less than ``source``: joins every row
        has a partner in (a record's item, meeting and document) change no count."""
        where, params = self.where(request.words)
        source = counted_from if counted_from and not request.words else self.source
        total = conn.execute(
            f"SELECT count(*) {source} WHERE {where}{extra_where}",
            {**params, **(extra_params or {})},
        ).fetchone()[0]
        return int(total)

    def page(
        self,
        conn: sqlite3.Connection,
        columns: str,
        request: PageRequest,
        extra_where: str = "",
        extra_params: Mapping[str, Any] | None = None,
    ) -> tuple[int, list[tuple[Any, ...]]]:
        """(rows matching over all pages, the rows of this page)."""
        total = self.count(conn, request, extra_where, extra_params)
        return total, self.rows(conn, columns, request, extra_where, extra_params)


# ---- resolutions ----------------------------------------------------------------------

RESOLUTIONS = _Listing(
    source="""FROM resolution r JOIN agenda_item ai ON ai.id = r.item_id
    JOIN meeting m ON m.id = ai.meeting_id JOIN document d ON d.id = ai.document_id""",
    sorts={
        "date": "m.date",
        "committee": "m.committee",
        "label": "r.label",
        "kind": "r.kind",
        "text": "r.text",
        "item": "ai.title",
    },
    searched=("r.text", "r.kind", "m.committee", "m.council", "ai.title", "d.path"),
    default_order=("m.date IS NULL", "m.date DESC", "d.path", "ai.ordinal", "r.ordinal", "r.uid"),
)


_RESOLUTION_COLUMNS = "r.uid, ai.id, r.label, r.kind, r.text, m.committee, m.date, ai.title, d.path"


def resolutions_page(
    conn: sqlite3.Connection, request: PageRequest
) -> tuple[int, list[tuple[Any, ...]]]:
    """(total, rows as :func:`resolutions_rows` gives them)."""
    return RESOLUTIONS.page(conn, _RESOLUTION_COLUMNS, request)


def resolutions_rows(conn: sqlite3.Connection, request: PageRequest) -> list[tuple[Any, ...]]:
    """Rows of (uid, item id, label, kind, text, committee, date, item title, document
    path), without counting them all."""
    return RESOLUTIONS.rows(conn, _RESOLUTION_COLUMNS, request)


def resolutions_count(conn: sqlite3.Connection, request: PageRequest) -> int:
    return RESOLUTIONS.count(conn, request)


# ---- recommendations ------------------------------------------------------------------

# Numbered scrutiny recommendations and resolutions of kind "recommended" (recommendations
# to the executive); a resolution's reference starts "Res", and it sorts after the item's
# numbered recommendations. Two selects joined by UNION ALL, not the ``record`` view: the
# view would be built whole (every item and action, with its text) before the filter on
# its kind applies, which measured 3 to 6 times slower on a 2,000-item archive.
_RECOMMENDATIONS_SOURCE = """FROM (
    SELECT rc.uid, ai.id AS item_id, 'Rec ' || coalesce(rc.ref, '') AS reference,
           m.committee AS committee, m.date AS date_agreed, rc.text, 0 AS from_resolution,
           d.path, ai.ordinal * 10000 + rc.ordinal AS ordinal
    FROM recommendation rc JOIN agenda_item ai ON ai.id = rc.item_id
    JOIN meeting m ON m.id = ai.meeting_id JOIN document d ON d.id = ai.document_id
    UNION ALL
    SELECT r.uid, ai.id, 'Res ' || coalesce(r.label, ''), m.committee, m.date, r.text, 1,
           d.path, ai.ordinal * 10000 + 5000 + r.ordinal
    FROM resolution r JOIN agenda_item ai ON ai.id = r.item_id
    JOIN meeting m ON m.id = ai.meeting_id JOIN document d ON d.id = ai.document_id
    WHERE r.kind = 'recommended'
) x LEFT JOIN recommendation_tracking t ON t.uid = x.uid"""

RECOMMENDATIONS = _Listing(
    source=_RECOMMENDATIONS_SOURCE,
    sorts={
        "reference": "x.reference",
        "status": "t.status",
        "text": "x.text",
        "committee": "x.committee",
        "date_agreed": "x.date_agreed",
        "area": "t.area",
        "executive_response_date": "t.executive_response_date",
        "lead": "t.lead",
        "action_taken": "t.action_taken",
    },
    searched=(
        "x.reference",
        "x.committee",
        "x.text",
        "t.area",
        "t.lead",
        "t.action_taken",
        "t.status",
    ),
    default_order=("x.date_agreed IS NULL", "x.date_agreed DESC", "x.path", "x.ordinal", "x.uid"),
)

_RECOMMENDATION_COLUMNS = """x.uid, x.item_id, trim(x.reference), x.committee, x.date_agreed,
    t.area, x.text, t.executive_response_date, t.lead, t.action_taken, t.status,
    x.from_resolution"""


# Awaiting response: no executive response recorded yet.
_AWAITING = " AND t.executive_response_date IS NULL"


def recommendations_page(
    conn: sqlite3.Connection, request: PageRequest, *, show: str = "all"
) -> tuple[int, list[tuple[Any, ...]]]:
    """(total, rows as :func:`recommendations_rows` gives them)."""
    extra = _AWAITING if show == "awaiting" else ""
    return RECOMMENDATIONS.page(conn, _RECOMMENDATION_COLUMNS, request, extra)


def recommendations_rows(
    conn: sqlite3.Connection, request: PageRequest, *, show: str = "all"
) -> list[tuple[Any, ...]]:
    """Rows of (uid, item id, reference, committee, date agreed, area, text, executive
    response date, lead, action taken, status, from a resolution (0 or 1)), without counting
    them all.

    ``show`` is "all" or "awaiting" (no executive response recorded)."""
    extra = _AWAITING if show == "awaiting" else ""
    return RECOMMENDATIONS.rows(conn, _RECOMMENDATION_COLUMNS, request, extra)


def recommendations_count(
    conn: sqlite3.Connection, request: PageRequest, *, show: str = "all"
) -> int:
    return RECOMMENDATIONS.count(conn, request, _AWAITING if show == "awaiting" else "")


def recommendation_row(conn: sqlite3.Connection, uid: str) -> tuple[Any, ...] | None:
    """One row as :func:`recommendations_page` gives it, by uid; None when there is none."""
    query = f"SELECT {_RECOMMENDATION_COLUMNS} {_RECOMMENDATIONS_SOURCE} WHERE x.uid = ?"
    row: tuple[Any, ...] | None = conn.execute(query, (uid,)).fetchone()
    return row


# ---- a recommendation's tracking -------------------------------------------------------


def tracking_fields(
    conn: sqlite3.Connection, uid: str
) -> tuple[str | None, str | None, str | None, str | None] | None:
    """(area, executive response date, lead, action taken), or None when never tracked."""
    row = conn.execute(
        "SELECT area, executive_response_date, lead, action_taken"
        " FROM recommendation_tracking WHERE uid = ?",
        (uid,),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3])


def save_tracking_fields(
    conn: sqlite3.Connection,
    uid: str,
    area: str | None,
    executive_response_date: str | None,
    lead: str | None,
    action_taken: str | None,
    now: datetime,
) -> None:
    """Write the hand-kept columns (the status is kept as it is)."""
    conn.execute(
        "INSERT INTO recommendation_tracking"
        " (uid, area, executive_response_date, lead, action_taken, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET area = excluded.area,"
        " executive_response_date = excluded.executive_response_date, lead = excluded.lead,"
        " action_taken = excluded.action_taken, updated_at = excluded.updated_at",
        (uid, area, executive_response_date, lead, action_taken, db_time(now)),
    )


def current_status(conn: sqlite3.Connection, uid: str) -> tuple[str | None, str | None, Any]:
    """(status, who set it, when) of a recommendation now; (None, None, None) if never set."""
    row = conn.execute(
        "SELECT t.status, c.changed_by, c.changed_at FROM recommendation_tracking t"
        " LEFT JOIN status_change c ON c.id = (SELECT max(id) FROM status_change WHERE uid = t.uid)"
        " WHERE t.uid = ?",
        (uid,),
    ).fetchone()
    if row is None:
        return None, None, None
    return row[0], row[1], read_time(row[2])


def record_status(
    conn: sqlite3.Connection, uid: str, status: str, note: str | None, now: datetime
) -> None:
    """Set the tracking status and append it, with who set it, to the status history."""
    when = db_time(now)
    conn.execute(
        "INSERT INTO recommendation_tracking (uid, status, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (uid) DO UPDATE SET status = excluded.status,"
        " updated_at = excluded.updated_at",
        (uid, status, when),
    )
    conn.execute(
        "INSERT INTO status_change (uid, status, changed_at, note, changed_by)"
        " VALUES (?, ?, ?, ?, ?)",
        (uid, status, when, note, member_name(conn)),
    )


def status_history(
    conn: sqlite3.Connection, uid: str
) -> list[tuple[str, datetime, str | None, str | None]]:
    """(status, when, note, who) of every status the recommendation has had, oldest first."""
    rows = conn.execute(
        "SELECT status, changed_at, note, changed_by FROM status_change WHERE uid = ?"
        " ORDER BY changed_at, id",
        (uid,),
    )
    history = []
    for status, changed_at, note, changed_by in rows:
        when = read_time(changed_at)
        if when is not None:
            history.append((str(status), when, note, changed_by))
    return history


# ---- actions --------------------------------------------------------------------------

ACTIONS = _Listing(
    source="""FROM action a JOIN agenda_item ai ON ai.id = a.item_id
    JOIN meeting m ON m.id = ai.meeting_id JOIN document d ON d.id = ai.document_id
    LEFT JOIN action_state s ON s.uid = a.uid""",
    # The default order and the due column's ascending order are ix_action_due_order's
    # (undated last, then by due date): the actions are read first, along that index (CROSS
    # JOIN keeps SQLite's planner to that join order), so a page needs only the rows before
    # it and a sort of those due on the same day, however many actions the store holds.
    indexed_source="""FROM action a CROSS JOIN agenda_item ai ON ai.id = a.item_id
    CROSS JOIN meeting m ON m.id = ai.meeting_id JOIN document d ON d.id = ai.document_id
    LEFT JOIN action_state s ON s.uid = a.uid""",
    indexed_orders=frozenset({("", False), ("due", False)}),
    sorts={
        "due": "a.due",
        "state": "coalesce(s.done, 0)",
        "text": "a.text",
        "due_to": "a.due_to",
        "committee": "m.committee",
        "date": "m.date",
        # the item column sorts in agenda order: by meeting, then the item's place in it
        "item": "coalesce(m.date, '') || printf(' %06d', ai.ordinal)",
    },
    searched=(
        "a.text",
        "a.due_to",
        "m.committee",
        "m.council",
        "ai.number",
        "ai.title",
        "d.path",
    ),
    default_order=("a.due IS NULL", "a.due", "m.date", "a.ordinal", "a.uid"),
)

_OPEN = " AND coalesce(s.done, 0) = 0"
# "2017-04" is due by the end of April, so it is overdue only once May has begun (the same
# reading as services.tracker.due_date). Each of those is before today as well ("2017-04"
# sorts before "2017-05-01"), which the first test says so that ix_action_due finds them.
_OVERDUE = """ AND (a.due < :today AND coalesce(s.done, 0) = 0 AND CASE length(a.due)
    WHEN 10 THEN a.due < :today WHEN 7 THEN a.due < :month ELSE a.due < :year END)"""


_ACTION_COLUMNS = """a.uid, ai.id, a.text, a.due, a.due_to, m.committee, m.date,
    coalesce(s.done, 0), ai.number, ai.title"""


def _action_filter(show: str, today: date) -> tuple[str, dict[str, Any]]:
    """The WHERE clause ``show`` adds, and its parameters."""
    if show == "open":
        return _OPEN, {}
    if show == "overdue":
        iso = today.isoformat()
        return _OVERDUE, {"today": iso, "month": iso[:7], "year": str(today.year)}
    return "", {}


def actions_page(
    conn: sqlite3.Connection, request: PageRequest, *, today: date, show: str = "all"
) -> tuple[int, list[tuple[Any, ...]]]:
    """(total, rows as :func:`actions_rows` gives them)."""
    return ACTIONS.page(conn, _ACTION_COLUMNS, request, *_action_filter(show, today))


def actions_rows(
    conn: sqlite3.Connection, request: PageRequest, *, today: date, show: str = "all"
) -> list[tuple[Any, ...]]:
    """Rows of (uid, item id, text, due, due to, committee, date, done (0 or 1), item number
    as printed, item title), without counting them all.

    ``show`` is "all", "open" (not done) or "overdue" (not done and past its due date on
    ``today``)."""
    return ACTIONS.rows(conn, _ACTION_COLUMNS, request, *_action_filter(show, today))


def actions_count(
    conn: sqlite3.Connection, request: PageRequest, *, today: date, show: str = "all"
) -> int:
    """How many actions :func:`actions_rows` would give over all pages."""
    extra, params = _action_filter(show, today)
    # Every action has its item, meeting and document: without filter words, counting
    # needs none of them, nor what the member marked done unless the view asks.
    counted_from = "FROM action a" + (" LEFT JOIN action_state s ON s.uid = a.uid" if extra else "")
    return ACTIONS.count(conn, request, extra, params, counted_from)


def set_action_done(conn: sqlite3.Connection, uid: str, done: bool, now: datetime) -> None:
    """Mark an action done (when, ``now``) or not done."""
    conn.execute(
        "INSERT INTO action_state (uid, done, done_at, done_by) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (uid) DO UPDATE SET done = excluded.done, done_at = excluded.done_at,"
        " done_by = excluded.done_by",
        (uid, done, db_time(now) if done else None, member_name(conn)),
    )


def action_done(conn: sqlite3.Connection, uid: str) -> bool:
    row = conn.execute("SELECT done FROM action_state WHERE uid = ?", (uid,)).fetchone()
    return bool(row and row[0])
