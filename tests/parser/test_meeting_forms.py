"""Meeting facts stated in the forms councils print them, on short texts written for the test."""

from __future__ import annotations

from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.meeting import heading_facts
from scrutiny_tui.parser.people import people_from_list


def test_a_scottish_minute_of_meeting_names_the_council_that_met() -> None:
    facts = heading_facts(
        "MINUTE of MEETING of KILBRACKEN COUNCIL held in the Council Chamber, Kilbracken"
        " on Thursday, 5 June 2025 at 10.00 a.m."
    )
    assert facts == {"council": "Kilbracken Council", "body": "Council", "date": "2025-06-05"}


def test_a_scottish_minute_of_a_committee() -> None:
    document = parse_text(
        "Minute of Meeting of the Harbour and Coast Committee held by video conference on"
        " 3 March 2025.\n\nPresent:- Councillors A Hale and B Irwin.\n\n"
        "1. APOLOGIES\n\nThere were no apologies.\n"
    )
    assert (document.meeting.body, document.meeting.date) == (
        "Harbour and Coast Committee",
        "2025-03-03",
    )


def test_an_earlier_minute_considered_is_not_the_meetings_heading() -> None:
    assert heading_facts("Minute of the Meeting held on 31 August 2024 was considered.") == {}
    assert heading_facts("Minute of Previous Meeting pdf icon PDF 178 KB") == {}


def test_a_members_list_typed_without_its_spaces() -> None:
    # the colon glued to the first name, an initial's stop glued to its surname
    document = parse_text(
        "Minutes of the Meeting of Ashcombe Parish Council held on 4 June 2025\n\n"
        "Present: Councillors:P Hale, S Irwin, T.Kerr and M.J.Lowe\n\n"
        "1. Apologies\n\nNone.\n"
    )
    assert [person.name for person in document.meeting.present] == [
        "P Hale",
        "S Irwin",
        "T.Kerr",
        "M.J.Lowe",
    ]


def test_a_body_s_minutes_named_after_the_body_and_before_the_date() -> None:
    # "… Meeting Minutes - date": the panel met; the words after its name name the record
    assert heading_facts("Garden Estates Panel Meeting Minutes - 4 March 2025.") == {
        "body": "Garden Estates Panel",
        "date": "2025-03-04",
    }
    assert heading_facts("Audit Board Minutes - 5 May 2024")["body"] == "Audit Board"


def test_a_council_s_name_stopped_as_a_sentence_is_still_its_name() -> None:
    assert heading_facts("Westvale City Council.") == {"council": "Westvale City Council"}
    document = parse_text(
        "Westvale, 8th December 2016.\n\nWestvale City Council.\n\n"
        "Present: The Provost, Jo Hale (Chair).\n\n1 Minutes approved.\n\n"
        "The minutes of 10 November 2016 were approved.\n\n2 Parks strategy.\n\n"
        "The strategy was approved.\n"
    )
    assert document.meeting.council == "Westvale City Council"
    assert document.meeting.date == "2016-12-08"


def test_a_council_named_as_the_township_or_town_of_a_place() -> None:
    assert heading_facts("The Township of Westvale") == {"council": "The Township of Westvale"}
    assert heading_facts("Town of Eastmere") == {"council": "Town of Eastmere"}
    assert heading_facts("Town of Eastmere Council meeting") == {}


def test_an_officer_s_department_and_the_items_attended_are_not_people() -> None:
    entry = "Mr. Cian Dwyer, Senior Executive Officer, Property Management (for Item 3)"
    assert [(p.name, p.role) for p in people_from_list(entry, 0)] == [
        ("Cian Dwyer", "Senior Executive Officer, Property Management")
    ]
    several = "Ms A Hale, Head of Planning (items 5 and 6 only), Ms B Irwin (Clerk)"
    assert [(p.name, p.role) for p in people_from_list(several, 0)] == [
        ("A Hale", "Head of Planning"),
        ("B Irwin", "Clerk"),
    ]
