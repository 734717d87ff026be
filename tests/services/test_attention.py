"""What needs the member's attention: late actions with how late, recommendations awaiting
the executive's response (two months from the date agreed, or the date the member
recorded), failing or stale tracking, open questions, coming meetings and the chart counts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from scrutiny_tui.config import DEFAULT_STATUSES
from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.attention import Bar, add_months, attention, month_bars
from tests.ui.fixture_store import ItemSpec, MeetingSpec, build_store

TODAY = date(2026, 11, 26)
SEPTEMBER = "/minutes/children-2026-09-10.txt"
OLD = "/minutes/children-2024-01-10.txt"
COMING = "/minutes/children-2026-12-03.txt"


def _meetings() -> list[MeetingSpec]:
    september = ItemSpec(
        title="Inquiry into school exclusions",
        number="7",
        text=(
            "Recommendation 1 – publish exclusion figures by school each term.\n"
            "Recommendation 2 – fund two more inclusion officers.\n"
            "Recommendation 3 – report on alternative provision.\n"
            "The Director to report on home education numbers by 1 October 2026.\n"
            "A report on respite places to be brought in November 2026.\n"
            "A report on transport costs to be brought in January 2027.\n"
            "A note on the audit was circulated to Members by 1 September 2026."
        ),
        recommendations=[
            ("1", "publish exclusion figures by school each term."),
            ("2", "fund two more inclusion officers."),
            ("3", "report on alternative provision."),
        ],
        actions=[
            ("The Director to report on home education numbers", "2026-10-01", None),
            ("A report on respite places", "2026-11", "Scrutiny Board"),
            ("A report on transport costs", "2027-01", None),
            ("A note on the audit was circulated", "2026-09-01", None),
        ],
    )
    old = ItemSpec(
        title="Youth service review",
        number="45",
        text=(
            "Recommendation 1 – reopen the north youth centre.\n"
            "Recommendation 2 – extend detached youth work.\n"
            "Recommendation 3 – a youth forum in every ward.\n"
            "Recommendation 4 – publish the review."
        ),
        recommendations=[
            ("1", "reopen the north youth centre."),
            ("2", "extend detached youth work."),
            ("3", "a youth forum in every ward."),
            ("4", "publish the review."),
        ],
    )
    coming = ItemSpec(title="Children's social care performance", number="1", text="Agenda.")
    return [
        MeetingSpec(SEPTEMBER, [september], "Anyshire", "Children's Scrutiny", "2026-09-10"),
        MeetingSpec(OLD, [old], "Anyshire", "Children's Scrutiny", "2024-01-10"),
        MeetingSpec(COMING, [coming], "Anyshire", "Children's Scrutiny", "2026-12-03"),
    ]


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(store_target):
    store = build_store(store_target, _meetings())
    sept, old = f"{SEPTEMBER}#i0", f"{OLD}#i0"
    tracker.update_tracking(
        store, f"{sept}#rec1", tracker.TrackingFields(executive_response_date="2026-12-15")
    )
    tracker.set_status(store, f"{sept}#rec2", "On track (not yet due)", now=_at(TODAY))
    tracker.set_status(store, f"{old}#rec0", "Slipped", now=_at(date(2026, 11, 1)))
    tracker.set_status(store, f"{old}#rec1", "On track (not yet due)", now=_at(date(2026, 5, 2)))
    tracker.set_status(store, f"{old}#rec2", "Achieved", now=_at(date(2025, 1, 1)))
    tracker.set_status(store, f"{old}#rec3", "On track (not yet due)", now=_at(date(2026, 10, 1)))
    tracker.set_action_done(store, f"{sept}#act3", True)
    notes.add_note(
        store,
        "item",
        sept,
        notes.NoteInput("Why are exclusions rising?", "question", ask_at="Cabinet in December"),
    )
    answered = notes.add_note(store, "item", sept, notes.NoteInput("Answered one", "question"))
    notes.set_status(store, answered.uuid, "resolved")
    notes.add_note(store, "item", sept, notes.NoteInput("A concern, not a question", "concern"))
    return store


def test_late_actions_say_how_late_and_where_they_came_from(store) -> None:
    found = attention(store, DEFAULT_STATUSES, today=TODAY)
    late = found.late_actions
    # Due 1 October and not done: 56 days late. Due "November 2026": not late until December.
    # The one marked done is left out.
    assert late.total == 1
    (action,) = late.rows
    assert action.text == "The Director to report on home education numbers"
    assert (action.due_by, action.days_late) == (date(2026, 10, 1), 56)
    assert action.where.describe() == "Children's Scrutiny, 2026-09-10, item 7"
    assert action.where.item_title == "Inquiry into school exclusions"


def test_an_executive_response_is_due_two_months_after_the_recommendations(store) -> None:
    awaiting = attention(store, DEFAULT_STATUSES, today=TODAY).awaiting_response
    by_ref = {row.reference: row for row in awaiting.rows}
    # Rec 1: agreed 10 September, no response recorded: due 10 November, 16 days late.
    # Rec 2: the member recorded a response expected on 15 December: due then, not late.
    # Rec 3 has a tracking status (answered); the 2024 ones are outside the window.
    assert set(by_ref) == {"Rec 1", "Rec 2"} and awaiting.total == 2
    first = by_ref["Rec 1"]
    assert (first.agreed, first.response_due, first.days_late, first.late) == (
        date(2026, 9, 10),
        date(2026, 11, 10),
        16,
        True,
    )
    assert not first.recorded
    second = by_ref["Rec 2"]
    assert (second.response_due, second.recorded, second.late) == (date(2026, 12, 15), True, False)
    assert first.where.item_number == "7"


def test_failing_and_long_unchanged_statuses_need_a_look(store) -> None:
    stale = attention(store, DEFAULT_STATUSES, today=TODAY, stale_months=3).stale
    # Slipped (red) comes first whatever its age; "On track" unchanged since 2 May is past
    # three months; "On track" set on 1 October is recent; Achieved is closed.
    assert [(row.reference, row.status, row.failing) for row in stale.rows] == [
        ("Rec 1", "Slipped", True),
        ("Rec 2", "On track (not yet due)", False),
    ]
    assert stale.rows[1].status_since == date(2026, 5, 2)
    assert stale.rows[0].rag == "red"
    assert stale.rows[0].where.describe() == "Children's Scrutiny, 2024-01-10, item 45"
    # A longer period leaves only the failing one.
    longer = attention(store, DEFAULT_STATUSES, today=TODAY, stale_months=12).stale
    assert [row.status for row in longer.rows] == ["Slipped"]


def test_open_questions_and_coming_meetings(store) -> None:
    found = attention(store, DEFAULT_STATUSES, today=TODAY)
    assert [(q.body, q.ask_at) for q in found.questions.rows] == [
        ("Why are exclusions rising?", "Cabinet in December")
    ]
    assert found.questions.rows[0].item_title == "Inquiry into school exclusions"
    (meeting,) = found.coming.rows
    assert (meeting.committee, meeting.date, meeting.days_away) == (
        "Children's Scrutiny",
        date(2026, 12, 3),
        7,
    )
    assert meeting.item_id is not None and meeting.item_count == 1
    assert not found.store_empty and not found.nothing_needed


def test_what_arrived_on_a_topic_since_the_member_looked(store) -> None:
    from scrutiny_tui.services.topics import add_topic, timeline
    from tests.ui.fixture_store import add_meeting

    add_topic(store, "Exclusions", query="exclusion")
    assert attention(store, DEFAULT_STATUSES, today=TODAY).topic_news.total == 0  # never opened
    timeline(store, "Exclusions", today=TODAY, mark_seen=True)
    later = MeetingSpec(
        "/minutes/children-2026-11-19.txt",
        [ItemSpec(title="Exclusions: termly figures", number="3", text="Figures were tabled.")],
        "Anyshire",
        "Children's Scrutiny",
        "2026-11-19",
    )
    add_meeting(store, later)
    with store.write() as conn:  # it arrived after the member looked
        conn.execute(
            "UPDATE document SET ingested_at = ? WHERE path = ?",
            (datetime.now(UTC).isoformat(sep=" "), later.path),
        )
    news = attention(store, DEFAULT_STATUSES, today=TODAY).topic_news
    assert [(a.topic, a.where.item_title, a.where.item_number) for a in news.rows] == [
        ("Exclusions", "Exclusions: termly figures", "3")
    ]


def test_chart_counts_statuses_in_their_order_and_open_actions_by_month(store) -> None:
    found = attention(store, DEFAULT_STATUSES, today=TODAY)
    counts = {bar.label: (bar.count, bar.rag) for bar in found.statuses}
    assert counts["Slipped"] == (1, "red")
    assert counts["On track (not yet due)"] == (3, "amber")
    assert counts["Achieved"] == (1, "green")
    assert counts["Not tracked"] == (2, None)  # 7 recommendations, 5 with a status
    assert [bar.label for bar in found.statuses][:2] == ["Achieved", "On track (not yet due)"]
    months = {bar.label: bar.count for bar in found.actions_by_month}
    assert (months["Oct 26"], months["Nov 26"], months["Jan 27"]) == (1, 1, 1)
    assert months["Sep 26"] == 0  # the one due in September is done


def test_an_empty_store_says_so(store_target) -> None:
    found = attention(build_store(store_target, []), DEFAULT_STATUSES, today=TODAY)
    assert found.store_empty and found.nothing_needed
    assert [bar.count for bar in found.statuses] == [0] * (len(DEFAULT_STATUSES) + 1)


def test_months_are_added_as_calendars_do() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 10), 2) == date(2027, 1, 10)
    assert add_months(date(2026, 3, 15), -3) == date(2025, 12, 15)


def test_month_bars_sum_what_falls_outside_the_window() -> None:
    bars = month_bars({"2019-04": 2, "2026-06": 1, "2026-11": 3, "2030-01": 4}, TODAY)
    assert bars[0] == Bar("earlier", 2) and bars[-1] == Bar("later", 4)
    labels = [bar.label for bar in bars[1:-1]]
    assert labels[0] == "Jun 26" and labels[-1] == "May 27" and len(labels) == 12
    assert dict((b.label, b.count) for b in bars)["Nov 26"] == 3


def test_figures_read_along_indexes_agree_with_the_trackers(store) -> None:
    """The section totals and chart counts are read without the trackers' joins (along
    indexes, from the tracking table): they must still say what the trackers count."""
    with store.write() as conn:  # tracking left by a record no longer in the minutes
        conn.execute(
            "INSERT INTO recommendation_tracking (uid, status, updated_at)"
            " VALUES ('/minutes/gone.txt#i0#rec0', 'Slipped', '2025-01-01 00:00:00')"
        )
    found = attention(store, DEFAULT_STATUSES, today=TODAY)
    everything = tracker.TrackerQuery()
    overdue = tracker.actions_count(store, everything, today=TODAY, show="overdue")
    assert found.late_actions.total == overdue == 1
    recommendations = tracker.recommendations_count(store, everything)
    assert sum(bar.count for bar in found.statuses) == recommendations == 7
    assert {bar.label: bar.count for bar in found.statuses}["Slipped"] == 1
    assert found.stale.total == 2  # the gone one is not among them
    open_actions = tracker.actions_count(store, everything, today=TODAY, show="open")
    assert sum(bar.count for bar in found.actions_by_month) == open_actions == 3
    for day in (date(2026, 9, 30), date(2026, 11, 30), date(2027, 2, 1)):
        late = attention(store, DEFAULT_STATUSES, today=day).late_actions.total
        assert late == tracker.actions_count(store, everything, today=day, show="overdue")
