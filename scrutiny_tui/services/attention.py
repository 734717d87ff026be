"""What needs the member's attention before the next meeting.

One read gathers: actions past their due date and not marked done (how late each is);
recommendations awaiting the executive's response; tracked recommendations that are failing
or whose status has not moved for a while; the member's open questions and where they meant
to ask them; the meetings coming up; what arrived (by import or sync) about the member's
topics since they last looked at each; and two small counts for charts (tracking statuses by
RAG colour, open actions by the month they are due).

The executive's response to a scrutiny report's recommendations is due within two months of
receiving it. The minutes give the date the recommendations were agreed, so that date plus
two months is when the response is due, unless the member has recorded a response date in
the tracker: a date still to come is when the response is now expected, a date that has come
means it was answered. A recommendation with a tracking status was answered (its delivery is
being followed), so it is not awaiting a response. Only recommendations agreed within the
last year are considered: an untracked recommendation from years back is archive, not news.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Generic, TypeVar

from scrutiny_tui.config import TrackingStatus
from scrutiny_tui.services.topics import news as topic_news
from scrutiny_tui.services.tracker import TrackerQuery, actions_rows, due_date
from scrutiny_tui.store import attention as queries
from scrutiny_tui.store import notes as note_queries
from scrutiny_tui.store.browse import has_meetings
from scrutiny_tui.store.db import Store

RESPONSE_MONTHS = 2  # the executive's response to scrutiny recommendations is due within this
AWAITING_WINDOW_MONTHS = 12  # recommendations agreed longer ago than this are not chased here
DEFAULT_STALE_MONTHS = 3
T = TypeVar("T")
ROW_LIMIT = 50  # rows per section; the section's heading gives the full count
CHART_MONTHS_BEFORE = 5  # the actions-by-month chart: this many months before this one ...
CHART_MONTHS_AFTER = 6  # ... and this many after (earlier and later ones are summed)


@dataclass(frozen=True, slots=True)
class Where:
    """The agenda item a row opens, described as the minutes print it."""

    item_id: int
    committee: str | None
    meeting_date: str | None
    item_number: str | None
    item_title: str | None

    def describe(self) -> str:
        committee = self.committee or "committee not stated"
        when = self.meeting_date or "undated"
        item = f"item {self.item_number}" if self.item_number else "agenda item"
        return f"{committee}, {when}, {item}"


@dataclass(frozen=True, slots=True)
class LateAction:
    uid: str
    text: str
    due: str  # as the minutes gave it: YYYY-MM-DD, YYYY-MM or YYYY
    due_by: date  # the last day it was due
    days_late: int
    due_to: str | None
    where: Where


@dataclass(frozen=True, slots=True)
class AwaitedResponse:
    uid: str
    reference: str
    text: str
    agreed: date
    response_due: date
    recorded: bool  # the due date is a response date the member recorded
    days_late: int  # 0 while the response is not yet due
    where: Where

    @property
    def late(self) -> bool:
        return self.days_late > 0


@dataclass(frozen=True, slots=True)
class StaleRecommendation:
    uid: str
    reference: str
    text: str
    status: str
    rag: str | None
    status_since: date | None
    failing: bool  # its status is one of the red ones (Slipped, Not achieved ...)
    where: Where


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    uuid: str
    body: str
    ask_at: str | None
    item_id: int | None  # None when the words it was about have gone (detached)
    item_title: str | None
    committee: str | None
    meeting_date: str | None


@dataclass(frozen=True, slots=True)
class ComingMeeting:
    council: str | None
    committee: str | None
    date: date
    days_away: int
    title: str | None
    url: str | None
    item_id: int | None  # its first agenda item, when the agenda is known
    item_count: int


@dataclass(frozen=True, slots=True)
class TopicArrival:
    """An agenda item about one of the member's topics that arrived since they last looked."""

    topic: str
    where: Where


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: a label, a count, and the RAG colour it stands for (if any)."""

    label: str
    count: int
    rag: str | None = None


@dataclass(frozen=True, slots=True)
class Section(Generic[T]):
    rows: tuple[T, ...]
    total: int  # over the whole store; rows holds at most ROW_LIMIT of them


@dataclass(frozen=True, slots=True)
class Attention:
    today: date
    late_actions: Section[LateAction]
    awaiting_response: Section[AwaitedResponse]
    stale: Section[StaleRecommendation]
    questions: Section[OpenQuestion]
    coming: Section[ComingMeeting]
    topic_news: Section[TopicArrival]
    statuses: tuple[Bar, ...]  # tracking statuses in the configured order, then "Not tracked"
    actions_by_month: tuple[Bar, ...]
    store_empty: bool

    @property
    def nothing_needed(self) -> bool:
        return not any(
            s.total
            for s in (
                self.late_actions,
                self.awaiting_response,
                self.stale,
                self.questions,
                self.coming,
                self.topic_news,
            )
        )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), held to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def attention(
    store: Store,
    statuses: Sequence[TrackingStatus],
    *,
    today: date,
    stale_months: int = DEFAULT_STALE_MONTHS,
    limit: int = ROW_LIMIT,
) -> Attention:
    """Everything the Attention screen shows, as of ``today``."""
    late = _late_actions(store, today, limit)
    arrivals = [
        TopicArrival(
            found.topic.name,
            Where(item.item_id, item.committee, item.date, item.number, item.title),
        )
        for found in topic_news(store)
        for item in found.items
    ]
    with store.read() as conn:
        store_empty = not has_meetings(conn)
        awaited_total, awaited_rows = queries.recommendations_awaiting_response(
            conn,
            agreed_since=add_months(today, -AWAITING_WINDOW_MONTHS),
            today=today,
            limit=limit,
        )
        failing = [s.name for s in statuses if s.rag == "red"]
        closed = [s.name for s in statuses if s.rag == "green"]
        cutoff = datetime.combine(add_months(today, -stale_months), time(), tzinfo=UTC)
        stale_total, stale_rows = queries.stale_recommendations(
            conn, failing=failing, closed=closed, unchanged_since=cutoff, limit=limit
        )
        # The member's own questions (a team store also shows others' shared ones elsewhere).
        questions = [
            q for q in note_queries.live_notes(conn, kind="question", status="open") if q.mine
        ]
        coming = queries.upcoming_meetings(conn, today=today, limit=limit)
        recommendation_total, counts = queries.status_counts(conn)
        by_month = queries.open_actions_by_month(conn)
        places = queries.item_places(
            conn, [r.item_id for r in awaited_rows] + [r.item_id for r in stale_rows]
        )
    awaited = tuple(
        _awaited(row, today, _where(row.item_id, row.committee, row.date_agreed, places))
        for row in awaited_rows
    )
    rag_of = {s.name: s.rag for s in statuses}
    stale = tuple(
        StaleRecommendation(
            row.uid,
            row.reference,
            row.text,
            row.status,
            rag_of.get(row.status),
            row.status_since.date() if row.status_since else None,
            row.status in failing,
            _where(row.item_id, row.committee, row.date_agreed, places),
        )
        for row in stale_rows
    )
    return Attention(
        today=today,
        late_actions=late,
        awaiting_response=Section(awaited, awaited_total),
        stale=Section(stale, stale_total),
        questions=Section(
            tuple(
                OpenQuestion(q.uuid, q.body, q.ask_at, q.item_id, q.item_title, q.committee, q.date)
                for q in questions[:limit]
            ),
            len(questions),
        ),
        coming=Section(tuple(_coming(m, today) for m in coming), len(coming)),
        topic_news=Section(tuple(arrivals[:limit]), len(arrivals)),
        statuses=_status_bars(statuses, recommendation_total, counts),
        actions_by_month=month_bars(by_month, today),
        store_empty=store_empty,
    )


def _where(
    item_id: int,
    committee: str | None,
    meeting_date: str | None,
    places: dict[int, queries.ItemPlace],
) -> Where:
    place = places.get(item_id)
    return Where(
        item_id,
        committee,
        meeting_date,
        place.number if place else None,
        place.title if place else None,
    )


def _late_actions(store: Store, today: date, limit: int) -> Section[LateAction]:
    # The first rows along the tracker's due-date index; the count from that index alone.
    page = actions_rows(store, TrackerQuery(limit=limit), today=today, show="overdue")
    with store.read() as conn:
        total = queries.overdue_actions_count(conn, today=today)
        places = queries.item_places(conn, [row.item_id for row in page.rows])
    late = []
    for row in page.rows:
        due_by = due_date(row.due)
        if row.due is None or due_by is None:
            continue
        late.append(
            LateAction(
                row.uid,
                row.text,
                row.due,
                due_by,
                (today - due_by).days,
                row.due_to,
                _where(row.item_id, row.committee, row.date, places),
            )
        )
    return Section(tuple(late), total)


def _awaited(row: queries.RecommendationDue, today: date, where: Where) -> AwaitedResponse:
    agreed = date.fromisoformat(row.date_agreed)
    recorded = _iso_date(row.response_date)
    due = recorded or add_months(agreed, RESPONSE_MONTHS)
    return AwaitedResponse(
        row.uid,
        row.reference,
        row.text,
        agreed,
        due,
        recorded is not None,
        max(0, (today - due).days),
        where,
    )


def _coming(meeting: queries.UpcomingMeeting, today: date) -> ComingMeeting:
    day = date.fromisoformat(meeting.date)
    return ComingMeeting(
        meeting.council,
        meeting.committee,
        day,
        (day - today).days,
        meeting.title,
        meeting.url,
        meeting.first_item_id,
        meeting.item_count,
    )


def _status_bars(
    statuses: Sequence[TrackingStatus], recommendations: int, counts: dict[str, int]
) -> tuple[Bar, ...]:
    bars = [Bar(s.name, counts.get(s.name, 0), s.rag) for s in statuses]
    known = {s.name for s in statuses}
    # A status no longer configured still counts, shown by its own name without a colour.
    bars += [Bar(name, n) for name, n in sorted(counts.items()) if name not in known]
    bars.append(Bar("Not tracked", max(0, recommendations - sum(counts.values()))))
    return tuple(bars)


def month_bars(by_month: dict[str, int], today: date) -> tuple[Bar, ...]:
    """Open actions by month due, from a few months back to a few ahead; what falls
    outside is summed into "earlier" and "later" bars (shown only when not empty)."""
    first = add_months(today.replace(day=1), -CHART_MONTHS_BEFORE)
    months = [add_months(first, n) for n in range(CHART_MONTHS_BEFORE + 1 + CHART_MONTHS_AFTER)]
    keys = [m.strftime("%Y-%m") for m in months]
    earlier = sum(n for month, n in by_month.items() if month < keys[0])
    later = sum(n for month, n in by_month.items() if month > keys[-1])
    bars = [Bar(m.strftime("%b %y"), by_month.get(k, 0)) for m, k in zip(months, keys, strict=True)]
    if earlier:
        bars.insert(0, Bar("earlier", earlier))
    if later:
        bars.append(Bar("later", later))
    return tuple(bars)
