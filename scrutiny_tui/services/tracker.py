"""The three trackers (resolutions, recommendations, actions) and the user's edits to them.

Trackers are read a page at a time (``LIMIT``/``OFFSET``), sorted and filtered in SQL, so a
store of 100k items never has to be loaded at once. What the user records (an action done,
a recommendation's status and hand-kept columns) is written to the ``action_state``,
``recommendation_tracking`` and ``status_change`` tables keyed by uid, which ingest never
touches.

Resolutions of kind "recommended" are recommendations to the executive ("RESOLVED that the
Portfolio Holder be recommended to ..."), so the recommendations tracker lists them beside
the numbered scrutiny recommendations; their reference starts "Res" instead of "Rec", and
they are tracked by their own uid just the same.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Generic, Literal, TypeVar

from sqlalchemy import text as sql

from scrutiny_tui.services.browse import where_from
from scrutiny_tui.store.db import Store
from scrutiny_tui.store.models import ActionState, RecommendationTracking, StatusChange

PAGE_SIZE = 100
Row = TypeVar("Row")
ActionShow = Literal["all", "open", "overdue"]


@dataclass(frozen=True, slots=True)
class TrackerQuery:
    text: str = ""  # every word must appear in one of the tracker's text columns
    sort: str = ""  # a key of the tracker's SORTS; "" is its default order
    descending: bool = False
    offset: int = 0
    limit: int = PAGE_SIZE


@dataclass(frozen=True, slots=True)
class Page(Generic[Row]):
    rows: tuple[Row, ...]
    total: int  # rows matching the query, over all pages
    offset: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True, slots=True)
class ResolutionRow:
    uid: str
    item_id: int
    label: str | None
    kind: str
    text: str
    committee: str | None
    date: str | None
    item_title: str
    file_name: str


@dataclass(frozen=True, slots=True)
class RecommendationRow:
    uid: str
    item_id: int
    reference: str
    committee: str | None
    date_agreed: str | None
    area: str | None
    text: str
    executive_response_date: str | None
    lead: str | None
    action_taken: str | None
    status: str | None
    from_resolution: bool


@dataclass(frozen=True, slots=True)
class ActionRow:
    uid: str
    item_id: int
    text: str
    due: str | None
    body: str | None  # the body the report is due to
    committee: str | None
    date: str | None
    done: bool
    overdue: bool


@dataclass(frozen=True, slots=True)
class StatusChangeRow:
    status: str
    changed_at: datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class TrackingFields:
    """The hand-kept columns of a recommendation that the user edits in a form."""

    area: str | None = None
    executive_response_date: str | None = None
    lead: str | None = None
    action_taken: str | None = None


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    sql: str  # the expression sorted on


@dataclass(frozen=True, slots=True)
class Tracker:
    columns: tuple[Column, ...]
    searched: tuple[str, ...]  # expressions the filter words are matched against
    default_sort: tuple[str, ...] = field(default=())

    def order_by(self, query: TrackerQuery) -> str:
        direction = "DESC" if query.descending else "ASC"
        chosen = [c.sql for c in self.columns if c.key == query.sort]
        keys = [f"{e} IS NULL, {e} {direction}" for e in chosen] + list(self.default_sort)
        return ", ".join(keys)

    def where(self, query: TrackerQuery) -> tuple[str, dict[str, str]]:
        clauses, params = ["1"], {}
        for n, word in enumerate(query.text.split()):
            params[f"w{n}"] = f"%{word}%"
            clauses.append("(" + " OR ".join(f"{e} LIKE :w{n}" for e in self.searched) + ")")
        return " AND ".join(clauses), params


# ---- due dates ------------------------------------------------------------------------


def due_date(due: str | None) -> date | None:
    """The last day something is due by: "2017-04" means by the end of April 2017."""
    if not due:
        return None
    try:
        parts = [int(p) for p in due.split("-")]
        if len(parts) == 3:
            return date(parts[0], parts[1], parts[2])
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        if len(parts) == 1:
            return date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def is_overdue(due: str | None, done: bool, today: date) -> bool:
    last_day = due_date(due)
    return not done and last_day is not None and last_day < today


# ---- resolutions --------------------------------------------------------------------

RESOLUTIONS = Tracker(
    columns=(
        Column("date", "Date", "m.date"),
        Column("committee", "Committee", "m.committee"),
        Column("label", "Label", "r.label"),
        Column("kind", "Kind", "r.kind"),
        Column("text", "Resolution", "r.text"),
        Column("item", "Item", "ai.title"),
    ),
    searched=("r.text", "r.kind", "m.committee", "m.council", "ai.title", "d.path"),
    default_sort=("m.date IS NULL", "m.date DESC", "d.path", "ai.ordinal", "r.ordinal"),
)

_RESOLUTIONS_FROM = """FROM resolution r JOIN agenda_item ai ON ai.id = r.item_id
    JOIN meeting m ON m.id = ai.meeting_id JOIN document d ON d.id = ai.document_id"""


def resolutions_page(store: Store, query: TrackerQuery) -> Page[ResolutionRow]:
    where, params = RESOLUTIONS.where(query)
    select = f"""SELECT r.uid, ai.id, r.label, r.kind, r.text, m.committee, m.date, ai.title, d.path
        {_RESOLUTIONS_FROM} WHERE {where} ORDER BY {RESOLUTIONS.order_by(query)}
        LIMIT :limit OFFSET :offset"""
    with store.session() as session:
        total = session.execute(
            sql(f"SELECT count(*) {_RESOLUTIONS_FROM} WHERE {where}"), params
        ).scalar_one()
        rows = session.execute(
            sql(select), {**params, "limit": query.limit, "offset": query.offset}
        ).all()
    return Page(
        tuple(ResolutionRow(*r[:8], where_from(r[8])) for r in rows), total, query.offset
    )


# ---- recommendations ----------------------------------------------------------------

RECOMMENDATIONS = Tracker(
    columns=(
        Column("reference", "Ref", "x.reference"),
        Column("status", "Status", "t.status"),
        Column("text", "Recommendation", "x.text"),
        Column("committee", "Origin committee", "x.committee"),
        Column("date_agreed", "Agreed", "x.date_agreed"),
        Column("area", "Area", "t.area"),
        Column("executive_response_date", "Exec response", "t.executive_response_date"),
        Column("lead", "Lead", "t.lead"),
        Column("action_taken", "Action taken", "t.action_taken"),
    ),
    searched=(
        "x.reference",
        "x.committee",
        "x.text",
        "t.area",
        "t.lead",
        "t.action_taken",
        "t.status",
    ),
    default_sort=("x.date_agreed IS NULL", "x.date_agreed DESC", "x.path", "x.ordinal"),
)

_RECOMMENDATIONS_FROM = """FROM (
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


def recommendations_page(store: Store, query: TrackerQuery) -> Page[RecommendationRow]:
    where, params = RECOMMENDATIONS.where(query)
    select = f"""SELECT x.uid, x.item_id, trim(x.reference), x.committee, x.date_agreed,
        t.area, x.text, t.executive_response_date, t.lead, t.action_taken, t.status,
        x.from_resolution {_RECOMMENDATIONS_FROM} WHERE {where}
        ORDER BY {RECOMMENDATIONS.order_by(query)} LIMIT :limit OFFSET :offset"""
    with store.session() as session:
        total = session.execute(
            sql(f"SELECT count(*) {_RECOMMENDATIONS_FROM} WHERE {where}"), params
        ).scalar_one()
        rows = session.execute(
            sql(select), {**params, "limit": query.limit, "offset": query.offset}
        ).all()
    return Page(tuple(RecommendationRow(*r[:11], bool(r[11])) for r in rows), total, query.offset)


def recommendation(store: Store, uid: str) -> RecommendationRow | None:
    """One tracker row by uid (after an edit, to redraw just that row)."""
    query = f"""SELECT x.uid, x.item_id, trim(x.reference), x.committee, x.date_agreed,
        t.area, x.text, t.executive_response_date, t.lead, t.action_taken, t.status,
        x.from_resolution {_RECOMMENDATIONS_FROM} WHERE x.uid = :uid"""
    with store.session() as session:
        row = session.execute(sql(query), {"uid": uid}).first()
    return None if row is None else RecommendationRow(*row[:11], bool(row[11]))


def set_status(
    store: Store, uid: str, status: str, *, note: str | None = None, now: datetime | None = None
) -> None:
    """Record a new tracking status and append it to the status history."""
    when = now or datetime.now(UTC)
    with store.writing() as session:
        tracking = session.get(RecommendationTracking, uid) or RecommendationTracking(uid=uid)
        tracking.status, tracking.updated_at = status, when
        session.add(tracking)
        session.add(StatusChange(uid=uid, status=status, changed_at=when, note=note))


def update_tracking(
    store: Store, uid: str, fields: TrackingFields, *, now: datetime | None = None
) -> None:
    """Save the hand-kept columns; blank values clear them."""
    with store.writing() as session:
        tracking = session.get(RecommendationTracking, uid) or RecommendationTracking(uid=uid)
        tracking.area = fields.area or None
        tracking.executive_response_date = fields.executive_response_date or None
        tracking.lead = fields.lead or None
        tracking.action_taken = fields.action_taken or None
        tracking.updated_at = now or datetime.now(UTC)
        session.add(tracking)


def tracking_fields(store: Store, uid: str) -> TrackingFields:
    with store.session() as session:
        tracking = session.get(RecommendationTracking, uid)
        if tracking is None:
            return TrackingFields()
        return TrackingFields(
            tracking.area, tracking.executive_response_date, tracking.lead, tracking.action_taken
        )


def status_history(store: Store, uid: str) -> list[StatusChangeRow]:
    """Every status the recommendation has had, oldest first."""
    query = """SELECT status, changed_at, note FROM status_change WHERE uid = :uid
               ORDER BY changed_at, id"""
    with store.session() as session:
        rows = session.execute(sql(query), {"uid": uid}).all()
    return [StatusChangeRow(r[0], _as_datetime(r[1]), r[2]) for r in rows]


def _as_datetime(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


# ---- actions ------------------------------------------------------------------------

ACTIONS = Tracker(
    columns=(
        Column("due", "Due", "a.due"),
        Column("state", "State", "coalesce(s.done, 0)"),
        Column("text", "Action", "a.text"),
        Column("body", "To", "a.due_to"),
        Column("committee", "Committee", "m.committee"),
        Column("date", "Meeting", "m.date"),
    ),
    searched=("a.text", "a.due_to", "m.committee", "m.council", "ai.title", "d.path"),
    default_sort=("a.due IS NULL", "a.due", "m.date", "a.ordinal"),
)

_ACTIONS_FROM = """FROM action a JOIN agenda_item ai ON ai.id = a.item_id
    JOIN meeting m ON m.id = ai.meeting_id JOIN document d ON d.id = ai.document_id
    LEFT JOIN action_state s ON s.uid = a.uid"""

# "2017-04" is due by the end of April, so it is overdue only once May has begun.
_OVERDUE = """(NOT coalesce(s.done, 0) AND a.due IS NOT NULL AND CASE length(a.due)
    WHEN 10 THEN a.due < :today WHEN 7 THEN a.due < :month ELSE a.due < :year END)"""


def actions_page(
    store: Store, query: TrackerQuery, *, today: date, show: ActionShow = "all"
) -> Page[ActionRow]:
    where, params = ACTIONS.where(query)
    if show == "open":
        where += " AND NOT coalesce(s.done, 0)"
    elif show == "overdue":
        where += f" AND {_OVERDUE}"
    params |= {"today": today.isoformat(), "month": today.isoformat()[:7], "year": str(today.year)}
    select = f"""SELECT a.uid, ai.id, a.text, a.due, a.due_to, m.committee, m.date,
        coalesce(s.done, 0) {_ACTIONS_FROM} WHERE {where}
        ORDER BY {ACTIONS.order_by(query)} LIMIT :limit OFFSET :offset"""
    with store.session() as session:
        total = session.execute(
            sql(f"SELECT count(*) {_ACTIONS_FROM} WHERE {where}"), params
        ).scalar_one()
        rows = session.execute(
            sql(select), {**params, "limit": query.limit, "offset": query.offset}
        ).all()
    return Page(
        tuple(ActionRow(*r[:7], bool(r[7]), is_overdue(r[3], bool(r[7]), today)) for r in rows),
        total,
        query.offset,
    )


def set_action_done(store: Store, uid: str, done: bool, *, now: datetime | None = None) -> None:
    with store.writing() as session:
        state = session.get(ActionState, uid) or ActionState(uid=uid)
        state.done = done
        state.done_at = (now or datetime.now(UTC)) if done else None
        session.add(state)


def action_done(store: Store, uid: str) -> bool:
    with store.session() as session:
        state = session.get(ActionState, uid)
        return bool(state and state.done)
