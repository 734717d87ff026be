"""ModernGov responses to dataclasses, from fixture files in the service's own shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_tui.moderngov import MalformedResponse
from scrutiny_tui.moderngov.responses import (
    clean_title,
    iso_date,
    parse_committee_list_page,
    parse_committees,
    parse_meeting,
    parse_meeting_list_page,
    parse_meeting_page,
    parse_meetings,
    written_date,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "moderngov"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_committees_with_expired_flag_and_twice_escaped_title():
    committees = parse_committees(fixture("committees.xml"))
    assert [c.id for c in committees] == [101, 102, 103, 77]
    assert committees[1].title == "Adult Social Care & Health Scrutiny Committee"
    assert committees[3].expired and not committees[0].expired
    assert committees[0].category == "Scrutiny"
    assert committees[3].category is None


def test_meetings_with_dd_mm_yyyy_dates_and_a_cancelled_one():
    meetings = parse_meetings(fixture("meetings.xml"))
    assert [(m.id, m.date, m.cancelled) for m in meetings] == [
        (5001, "2026-01-14", False),
        (5002, "2026-02-11", True),
        (5003, "2026-03-11", False),
    ]
    assert {m.committee_id for m in meetings} == {101}
    assert meetings[0].committee_title == "Children and Young People Scrutiny Committee"


def test_a_single_meeting_not_wrapped_in_a_list():
    meetings = parse_meetings(fixture("meetings_single.xml"))
    assert [(m.id, m.committee_id, m.date) for m in meetings] == [(6001, 103, "2025-12-02")]


def test_meeting_with_minutes():
    meeting = parse_meeting(fixture("meeting_with_minutes.xml"))
    assert (meeting.id, meeting.date, meeting.location) == (
        5001,
        "2026-01-14",
        "Committee Room 1, Civic Centre",
    )
    assert meeting.minutes_published and not meeting.cancelled
    assert [(i.id, i.number) for i in meeting.items] == [
        (30011, "41"),
        (30012, "42"),
        (30013, "43"),
        (30014, "44"),
    ]
    assert meeting.items[1].title == "Chair's Announcements"  # escaped twice by the site
    body = meeting.items[2].minutes_html or ""
    assert body.lstrip().startswith('<div class="WordSection1">')  # HTML, entity-unescaped
    assert "<b>RESOLVED:</b>" in body
    assert meeting.items[2].documents[0].url.endswith("mgConvert2PDF.aspx?ID=9101")
    assert meeting.items[2].documents[0].publication_date == "2026-01-06"
    assert meeting.has_item_minutes and meeting.printed_minutes is None


def test_a_restricted_item_keeps_no_text():
    item = parse_meeting(fixture("meeting_with_minutes.xml")).items[3]
    assert item.restricted
    assert item.minutes_html is None and item.agenda_html is None
    assert item.title == "Residential Care Contract (exempt)"


def test_attendees_present_apologies_substitutes_and_officers():
    attendees = parse_meeting(fixture("meeting_with_minutes.xml")).attendees
    assert [(a.name, a.kind) for a in attendees] == [
        ("Councillor Sarah Lowe", "present"),
        ("Councillor Ruth Ames", "apologies"),
        ("Councillor Dev Patel", "substitute"),
        ("Jo Brand", "attendee"),
        ("Councillor Tom Hale", None),  # absent: not recorded as there
    ]
    assert attendees[0].role == "Chair" and attendees[0].member_id == 201
    assert attendees[3].role == "Director of Children's Services"


def test_a_single_item_and_attendee_not_wrapped():
    meeting = parse_meeting(fixture("meeting_single_item.xml"))
    assert [(i.id, i.number, i.title) for i in meeting.items] == [
        (40001, "12", "Land at Mill Lane")
    ]
    assert [a.name for a in meeting.attendees] == ["Councillor Ann Green"]


def test_a_cancelled_meeting():
    meeting = parse_meeting(fixture("meeting_cancelled.xml"))
    assert meeting.cancelled and meeting.items == () and not meeting.minutes_published
    assert meeting.attendees[0].kind is None  # "Expected"


def test_printed_minutes_linked_from_the_meeting_not_the_previous_minutes():
    meeting = parse_meeting(fixture("meeting_printed_minutes.xml"))
    assert not meeting.has_item_minutes
    printed = meeting.printed_minutes
    assert printed is not None and printed.id == 9300
    assert printed.url.endswith("Printed%20minutes.pdf")


@pytest.mark.parametrize("name", ["malformed.xml"])
def test_malformed_xml_is_reported(name):
    with pytest.raises(MalformedResponse, match="GetMeeting: malformed XML"):
        parse_meeting(fixture(name))


def test_entity_expansion_is_refused():
    with pytest.raises(MalformedResponse, match="refused unsafe XML"):
        parse_committees(fixture("entity_bomb.xml"))


def test_the_wrong_document_is_reported():
    with pytest.raises(MalformedResponse, match="expected <meeting>, got <committees>"):
        parse_meeting(fixture("committees.xml"))


def test_meeting_page_fallback():
    page = fixture("ieListDocuments.html").decode()
    meeting = parse_meeting_page(
        page, 5001, "https://example.gov.uk/democracy/ieListDocuments.aspx"
    )
    assert meeting.date == "2026-01-14"
    assert meeting.committee_title == "Children and Young People Scrutiny Committee"
    assert [(i.id, i.number, i.title, i.restricted) for i in meeting.items] == [
        (30011, "41", "Apologies for Absence", False),
        (30013, "43", "Child Exploitation and Missing Children", False),
        (None, "44", "Residential Care Contract (exempt)", True),
    ]
    minutes = meeting.items[1].minutes_html or ""
    assert "RESOLVED:" in minutes and "Report of the Director" not in minutes
    assert "Supporting documents" not in minutes
    assert meeting.items[2].minutes_html is None
    printed = meeting.printed_minutes
    assert printed is not None
    assert printed.url.startswith("https://example.gov.uk/democracy/documents/g5001/")
    assert meeting.items[1].documents[0].url == (
        "https://example.gov.uk/democracy/mgConvert2PDF.aspx?ID=9101"
    )


def test_committee_and_meeting_list_pages():
    committees = parse_committee_list_page(
        '<html><body><div class="mgContent"><ul>'
        '<li><a href="mgCommitteeDetails.aspx?ID=101">Children &amp; Young People</a></li>'
        '<li><a href="mgCommitteeDetails.aspx?ID=103">Planning Committee</a></li>'
        "</ul></div></body></html>"
    )
    assert [(c.id, c.title) for c in committees] == [
        (101, "Children & Young People"),
        (103, "Planning Committee"),
    ]
    meetings = parse_meeting_list_page(
        '<ul><li><a href="ieListDocuments.aspx?CId=101&amp;MId=5001&amp;Ver=4">'
        "14 Jan 2026 6.30 pm</a></li>"
        '<li><a href="ieListDocuments.aspx?CId=101&amp;MId=5002">11 Feb 2026 CANCELLED</a></li>'
        "</ul>",
        101,
        "Children & Young People",
    )
    assert [(m.id, m.date, m.cancelled) for m in meetings] == [
        (5001, "2026-01-14", False),
        (5002, "2026-02-11", True),
    ]


def test_small_readers():
    assert iso_date("03/04/2025") == "2025-04-03"
    assert iso_date("2025-04-03") is None and iso_date(None) is None
    assert clean_title("Chair&amp;#39;s  report ") == "Chair's report"
    assert clean_title("A &lt;b&gt; tag") == "A <b> tag"  # shown literally, never as markup
    assert written_date("Wednesday, 14th January, 2026 6.30 pm") == "2026-01-14"
