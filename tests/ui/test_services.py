"""The queries behind the screens (no Textual): browse and tracker services."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from scrutiny_tui.services import browse, tracker
from scrutiny_tui.services.browse import MeetingFilter, parse_filter, readable
from scrutiny_tui.services.tracker import TrackerQuery, due_date, is_overdue
from scrutiny_tui.store.models import Annotation
from tests.orm import orm_session

CARE_ITEM = "/minutes/care-2016-06-29.txt#i0"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2016-01..2017-12", MeetingFilter("", "", "2016-01-01", "2017-12-99")),
        ("2016", MeetingFilter("", "", "2016-01-01", "2016-99-99")),
        ("2016-03..", MeetingFilter("", "", "2016-03-01", None)),
        ("..2016-03-04 camhs", MeetingFilter("camhs", "", None, "2016-03-04")),
        ("committee:care budget", MeetingFilter("budget", "care", None, None)),
    ],
)
def test_parse_filter(typed, expected):
    assert parse_filter(typed) == expected


def test_readable_collapses_blank_lines_and_keeps_spans():
    raw = "Minutes:\n\u00a0\n \n·  First point.\u00a0\n·  Second.\n\n\nRESOLVED – that"
    text, mapping = readable(raw)
    assert text == "Minutes:\n\n·  First point.\n·  Second.\n\nRESOLVED – that"
    start = raw.index("Second")
    assert text[mapping[start] : mapping[start + len("Second.")]] == "Second."
    assert len(mapping) == len(raw) + 1 and mapping[-1] == len(text)


@pytest.mark.parametrize(
    ("due", "done", "overdue"),
    [
        ("2016-01-10", False, True),
        ("2026-01-15", False, False),
        ("2026-01", False, False),
        ("2025-12", False, True),
        ("2025-12", True, False),
        (None, False, False),
        ("2026-02-30", False, False),
    ],
)
def test_overdue_counts_a_month_as_its_last_day(due, done, overdue):
    assert is_overdue(due, done, date(2026, 1, 15)) is overdue


def test_due_date_of_a_month_is_its_end():
    assert due_date("2024-02") == date(2024, 2, 29)


def test_item_detail_maps_spans_onto_readable_text(fixture_store):
    detail = browse.item_detail(fixture_store, 1)
    assert detail is not None
    for passage in detail.resolutions + detail.actions + detail.recommendations:
        assert detail.minutes[passage.start : passage.end] == passage.text
    assert browse.item_detail(fixture_store, 999) is None


def test_note_counts_are_live_notes_on_an_item_and_its_records(fixture_store):
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with orm_session(fixture_store) as s:
        for n, (uid, deleted) in enumerate(
            [(f"{CARE_ITEM}#res2", None), (CARE_ITEM, None), (CARE_ITEM, now)]
        ):
            s.add(
                Annotation(
                    uuid=f"a{n}",
                    target_kind="resolution",
                    target_uid=uid,
                    body="?",
                    created_at=now,
                    updated_at=now,
                    deleted_at=deleted,
                )
            )
    meeting = next(m for m in browse.list_meetings(fixture_store) if m.date)
    assert meeting.counts.notes == 2
    assert browse.items_of_meeting(fixture_store, meeting.id)[0].counts.notes == 2


def test_pages_do_not_overlap(fixture_store):
    first = tracker.resolutions_page(fixture_store, TrackerQuery(limit=3))
    rest = tracker.resolutions_page(fixture_store, TrackerQuery(limit=3, offset=3))
    assert first.total == 4 and first.has_more and not rest.has_more
    assert {r.uid for r in first.rows}.isdisjoint({r.uid for r in rest.rows})


def test_recommended_resolutions_join_the_recommendations_tracker(fixture_store):
    page = tracker.recommendations_page(fixture_store, TrackerQuery())
    assert [(r.reference, r.from_resolution) for r in page.rows] == [
        ("Rec 4", False),
        ("Res b", True),
    ]


def test_unknown_sort_key_falls_back_to_default_order(fixture_store):
    page = tracker.actions_page(
        fixture_store, TrackerQuery(sort="no such; DROP TABLE action"), today=date(2026, 1, 15)
    )
    assert page.total == 3


def test_document_span_maps_a_readable_paragraph_back_to_the_file(fixture_store):
    item_id = browse.first_item_id(fixture_store)
    detail = browse.item_detail(fixture_store, item_id)
    words = "Members asked about CAMHS waiting times for looked after children."
    start = detail.minutes.index(words)
    doc_start, doc_end = browse.document_span(fixture_store, item_id, start, start + len(words))
    with fixture_store.read() as conn:
        (document,) = conn.execute("SELECT unpacked(text) FROM document LIMIT 1").fetchone()
    assert document[doc_start:doc_end] == words
