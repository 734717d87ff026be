"""The three trackers (resolutions, recommendations, actions) and the user's edits to them.

Trackers are read a page at a time, sorted and filtered in SQL (``store/tracking.py``), so a
store of 100k items never has to be loaded at once. A screen asks for its first page without
the count of every matching row (``*_rows``), and for the count apart (``*_count``), so the
rows are shown while the store is still counting. What the user records (an action done,
a recommendation's status and hand-kept columns) is kept by uid in tables ingest never
touches.

Resolutions of kind "recommended" are recommendations to the executive ("RESOLVED that the
Portfolio Holder be recommended to ..."), so the recommendations tracker lists them beside
the numbered scrutiny recommendations; their reference starts "Res" instead of "Rec", and
they are tracked by their own uid just the same.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from scrutiny_tui.safe_text import inline
from scrutiny_tui.services.browse import where_from
from scrutiny_tui.store import tracking
from scrutiny_tui.store.db import Store
from scrutiny_tui.store.tracking import PageRequest
from scrutiny_tui.store.values import now_utc

PAGE_SIZE = 100
Row = TypeVar("Row")
ActionShow = Literal["all", "open", "overdue"]
RecommendationShow = Literal["all", "awaiting"]  # awaiting: no executive response yet


@dataclass(frozen=True, slots=True)
class TrackerQuery:
    text: str = ""  # every word must appear in one of the tracker's text columns
    sort: str = ""  # a key of one of the tracker's columns; "" is its default order
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
class Rows(Generic[Row]):
    """One page of a tracker, read without counting every row that matches: ``more`` says
    whether any row follows it."""

    rows: tuple[Row, ...]
    offset: int
    more: bool


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
    due_to: str | None  # the meeting or body the report is due to
    committee: str | None
    date: str | None
    done: bool
    overdue: bool
    item_number: str | None = None  # the agenda item's number as the minutes print it
    item_title: str = ""


@dataclass(frozen=True, slots=True)
class StatusChangeRow:
    status: str
    changed_at: datetime
    note: str | None
    changed_by: str | None = None  # the member who set it (not recorded before version 10)


class StatusChanged(Exception):
    """Another member set this recommendation's status since it was read: nothing was
    saved, and the message says who set what, and when."""

    def __init__(self, status: str | None, by: str | None, at: datetime | None) -> None:
        self.status, self.by, self.at = status, by, at
        who = f" by {inline(by)}" if by else ""
        when = f" at {at.astimezone().strftime('%H:%M on %d/%m/%Y')}" if at else ""
        shown = inline(status) if status else "no status"
        super().__init__(
            f"Not saved: the status was changed to {shown}{who}{when} while you were choosing; "
            "it now shows their value"
        )


#: ``set_status``'s ``expected`` when the caller does not know (or mind) the current status.
ANY_STATUS = object()


@dataclass(frozen=True, slots=True)
class TrackingFields:
    """The hand-kept columns of a recommendation that the user edits in a form."""

    area: str | None = None
    executive_response_date: str | None = None
    lead: str | None = None
    action_taken: str | None = None


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # what the store sorts on for this column (store.tracking)
    label: str


@dataclass(frozen=True, slots=True)
class Tracker:
    columns: tuple[Column, ...]


def _request(query: TrackerQuery, *, one_more: bool = False) -> PageRequest:
    """The store's request for ``query``; ``one_more`` asks for a row past the page, to
    learn whether there is one."""
    limit = query.limit + 1 if one_more else query.limit
    return PageRequest(tuple(query.text.split()), query.sort, query.descending, query.offset, limit)


def _rows(found: Sequence[Row], query: TrackerQuery) -> Rows[Row]:
    """A page read with :func:`_request` (``one_more``): its rows, and whether more follow."""
    return Rows(tuple(found[: query.limit]), query.offset, len(found) > query.limit)


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
        Column("date", "Date"),
        Column("committee", "Committee"),
        Column("label", "Label"),
        Column("kind", "Kind"),
        Column("text", "Resolution"),
        Column("item", "Item"),
    ),
)


def resolutions_page(store: Store, query: TrackerQuery) -> Page[ResolutionRow]:
    with store.read() as conn:
        total, rows = tracking.resolutions_page(conn, _request(query))
    return Page(tuple(_resolution(r) for r in rows), total, query.offset)


def resolutions_rows(store: Store, query: TrackerQuery) -> Rows[ResolutionRow]:
    with store.read() as conn:
        rows = tracking.resolutions_rows(conn, _request(query, one_more=True))
    return _rows([_resolution(r) for r in rows], query)


def resolutions_count(store: Store, query: TrackerQuery) -> int:
    with store.read() as conn:
        return tracking.resolutions_count(conn, _request(query))


def _resolution(row: Sequence[Any]) -> ResolutionRow:
    uid, item_id, label, kind, text, committee, day, item_title, path = row
    return ResolutionRow(
        uid, item_id, label, kind, text, committee, day, item_title, where_from(path)
    )


# ---- recommendations ----------------------------------------------------------------

RECOMMENDATIONS = Tracker(
    columns=(
        Column("reference", "Ref"),
        Column("status", "Status"),
        Column("text", "Recommendation"),
        Column("committee", "Committee"),
        Column("date_agreed", "Agreed"),
        Column("area", "Area"),
        Column("executive_response_date", "Exec response"),
        Column("lead", "Lead"),
        Column("action_taken", "Action taken"),
    ),
)


def _recommendation(row: Sequence[Any]) -> RecommendationRow:
    (uid, item_id, reference, committee, date_agreed, area, text, executive_response_date,
     lead, action_taken, status, from_resolution) = row  # fmt: skip
    return RecommendationRow(
        uid, item_id, reference, committee, date_agreed, area, text, executive_response_date,
        lead, action_taken, status, bool(from_resolution),
    )  # fmt: skip


def recommendations_page(
    store: Store, query: TrackerQuery, *, show: RecommendationShow = "all"
) -> Page[RecommendationRow]:
    with store.read() as conn:
        total, rows = tracking.recommendations_page(conn, _request(query), show=show)
    return Page(tuple(_recommendation(r) for r in rows), total, query.offset)


def recommendations_rows(
    store: Store, query: TrackerQuery, *, show: RecommendationShow = "all"
) -> Rows[RecommendationRow]:
    with store.read() as conn:
        rows = tracking.recommendations_rows(conn, _request(query, one_more=True), show=show)
    return _rows([_recommendation(r) for r in rows], query)


def recommendations_count(
    store: Store, query: TrackerQuery, *, show: RecommendationShow = "all"
) -> int:
    with store.read() as conn:
        return tracking.recommendations_count(conn, _request(query), show=show)


def recommendation(store: Store, uid: str) -> RecommendationRow | None:
    """One tracker row by uid (after an edit, to redraw just that row)."""
    with store.read() as conn:
        row = tracking.recommendation_row(conn, uid)
    return None if row is None else _recommendation(row)


def set_status(
    store: Store,
    uid: str,
    status: str,
    *,
    note: str | None = None,
    now: datetime | None = None,
    expected: object = ANY_STATUS,
) -> None:
    """Record a new tracking status and append it to the status history.

    ``expected`` is the status the member saw when choosing: if another member has set a
    different one since, nothing is saved and :class:`StatusChanged` says what it is now
    (the check and the write are one transaction holding the store's write lock)."""
    with store.write() as conn:
        if expected is not ANY_STATUS:
            current, by, at = tracking.current_status(conn, uid)
            if current != expected:
                raise StatusChanged(current, by, at)
        tracking.record_status(conn, uid, status, note, now or now_utc())


def update_tracking(
    store: Store, uid: str, fields: TrackingFields, *, now: datetime | None = None
) -> None:
    """Save the hand-kept columns; blank values clear them. The executive response date is
    read as a UK date (day first) and stored as ISO; one that is not a date raises
    :class:`~scrutiny_tui.services.uk_dates.DateError` and nothing is saved."""
    # loaded here: reading a UK date brings in the parser's month names, and with them the
    # whole parser, which the app need not load to start
    from scrutiny_tui.services.uk_dates import iso_date

    response = iso_date(fields.executive_response_date or "")
    with store.write() as conn:
        tracking.save_tracking_fields(
            conn,
            uid,
            fields.area or None,
            response,
            fields.lead or None,
            fields.action_taken or None,
            now or now_utc(),
        )


def tracking_fields(store: Store, uid: str) -> TrackingFields:
    with store.read() as conn:
        found = tracking.tracking_fields(conn, uid)
    return TrackingFields() if found is None else TrackingFields(*found)


def status_history(store: Store, uid: str) -> list[StatusChangeRow]:
    """Every status the recommendation has had, oldest first."""
    with store.read() as conn:
        return [StatusChangeRow(*change) for change in tracking.status_history(conn, uid)]


# ---- actions ------------------------------------------------------------------------

ACTIONS = Tracker(
    columns=(
        Column("due", "Due"),
        Column("state", "State"),
        Column("text", "Action"),
        Column("due_to", "To"),
        Column("committee", "Committee"),
        Column("date", "Meeting"),
        Column("item", "Item"),
    ),
)


def actions_page(
    store: Store, query: TrackerQuery, *, today: date, show: ActionShow = "all"
) -> Page[ActionRow]:
    with store.read() as conn:
        total, rows = tracking.actions_page(conn, _request(query), today=today, show=show)
    return Page(tuple(_action(r, today) for r in rows), total, query.offset)


def actions_rows(
    store: Store, query: TrackerQuery, *, today: date, show: ActionShow = "all"
) -> Rows[ActionRow]:
    """A page of actions, in the same order as :func:`actions_page`, without counting them
    all: the default order's first page is read from an index, at any size of store."""
    with store.read() as conn:
        request = _request(query, one_more=True)
        rows = tracking.actions_rows(conn, request, today=today, show=show)
    return _rows([_action(r, today) for r in rows], query)


def actions_count(
    store: Store, query: TrackerQuery, *, today: date, show: ActionShow = "all"
) -> int:
    """How many actions match ``query`` (and ``show``) over all pages."""
    with store.read() as conn:
        return tracking.actions_count(conn, _request(query), today=today, show=show)


def _action(row: Sequence[Any], today: date) -> ActionRow:
    uid, item_id, text, due, due_to, committee, day, done, number, title = row
    overdue = is_overdue(due, bool(done), today)
    return ActionRow(
        uid, item_id, text, due, due_to, committee, day, bool(done), overdue, number, title
    )


def set_action_done(store: Store, uid: str, done: bool, *, now: datetime | None = None) -> None:
    with store.write() as conn:
        tracking.set_action_done(conn, uid, done, now or now_utc())


def action_done(store: Store, uid: str) -> bool:
    with store.read() as conn:
        return tracking.action_done(conn, uid)
