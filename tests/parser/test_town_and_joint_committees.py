"""A town council's full meeting, a county health scrutiny committee and a joint health
scrutiny committee written at length: each rule on a short text written for the test
(councils, people and topics invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_item, parse_text

_HELD = "2026-12-07"


def decisions(text: str) -> list[str]:
    return [r.text for r in parse_item(f"{text}\n", title="Item", meeting_date=_HELD).resolutions]


def dues(text: str) -> list[str | None]:
    item = parse_item(f"{text}\n", title="Item", meeting_date=_HELD)
    return [action.due for action in item.actions]


def test_a_committee_that_further_requested_decided() -> None:
    assert len(decisions("The Committee further requested that the Trust attend in March.")) == 1


def test_committee_recommendations_adopted_or_referred_back() -> None:
    assert (
        len(
            decisions(
                "The recommendations in minute P/26/41 of the Planning Committee (the Town "
                "Council's reply to the Local Plan, backing the site at Sheep Farm) were adopted."
            )
        )
        == 1
    )
    assert (
        len(
            decisions(
                "The recommendation in minute EA/26/34 was referred back to the Environment "
                "Committee."
            )
        )
        == 1
    )


_FULL_COUNCIL = """Wrenbury Town Council – Full Council – 7 December 2026

Minutes of the meeting of Wrenbury Town Council held on 7 December 2026

FC/26/92   MOTION ON NOTICE – 20MPH LIMITS

The substantive motion was CARRIED and it was RESOLVED that this Council:

(a) notes the county's invitation to nominate streets for 20mph limits;

(b) asks the County Council to introduce a 20mph limit on the streets around

                                                                                      59
Mayor's initials ..........
________________________________________________________________________________________
Wrenbury Town Council – Full Council – 7 December 2026

    Brookfield Primary School, by 2028; and

(c) asks the Town Clerk to write to County Councillor Hale seeking his support.

FC/26/93   CLOSE

The meeting closed at 9.05pm.
"""


def test_a_resolution_leading_in_mid_line_and_its_clauses_across_a_page() -> None:
    motion = parse_text(_FULL_COUNCIL).items[0]
    assert [(r.label, r.text[-30:]) for r in motion.resolutions] == [
        ("a", "to nominate streets for 20mph limits"[-30:]),
        ("b", "Brookfield Primary School, by 2028"[-30:]),
        ("c", "y Councillor Hale seeking his support."[-30:]),
    ]


_JOINT = """Minutes of the meeting of the Riverside Joint Health Overview and Scrutiny Committee
held on 24 November 2026

Present: Councillors Ann Grange (Chair), Tom Webb and Ruth Ince

Supporting officers: Paul Oduya (Scrutiny Officer)

Apologies for absence were received from Councillor Gideon Fairley of Southmere County
Council, for whom Councillor Maeve Connell attended as substitute, and from Councillor
Ifeoma Nwoko of Brackenholt Council, for whom no substitute had been nominated.

1.   Chair's Announcements
     ---------------------

The Chair welcomed members.

2.   Community Hospital Beds
     -----------------------

The Joint Committee agreed to ask the ICB for a written update on the consultation by
30 April 2027.

                                  - 2 -

The meeting closed at 4.10pm.
"""


def test_apologies_naming_a_member_s_council_and_a_substitute_said_of_them() -> None:
    meeting = parse_text(_JOINT).meeting
    assert [(p.name, p.role) for p in meeting.apologies] == [
        ("Gideon Fairley", "Southmere County Council"),
        ("Ifeoma Nwoko", "Brackenholt Council"),
    ]
    assert [p.name for p in meeting.present] == ["Ann Grange", "Tom Webb", "Ruth Ince"]
    assert [p.name for p in meeting.attending] == ["Paul Oduya"]


def test_an_underlined_title_and_a_request_to_ask_for_an_update_by_a_date() -> None:
    items = parse_text(_JOINT).items
    assert [item.title for item in items] == ["Chair's Announcements", "Community Hospital Beds"]
    assert [action.due for action in items[1].actions] == ["2027-04-30"]


def test_a_change_taking_effect_is_no_due_nor_is_a_meeting_something_precedes() -> None:
    assert dues(
        "The Chair had agreed that this item should be considered at the meeting, because the "
        "closure would take effect on 4 January 2027, before the Committee's next meeting."
    ) in ([], [None])


def test_co_opted_members_after_present_but_not_in_an_agenda_s_membership() -> None:
    minutes = (
        "Minutes of the Adult Social Care Scrutiny Committee held on 19 November 2026\n\n"
        "Present: Councillors Ada Lowe (Chair) and Ben Marsh\n\nCo-opted: Stella Penrose\n\n"
        "1. Apologies\n\nNone.\n\n2. Close\n\nThe meeting closed at 4pm.\n"
    )
    assert [p.name for p in parse_text(minutes).meeting.present] == [
        "Ada Lowe",
        "Ben Marsh",
        "Stella Penrose",
    ]
    agenda = (
        "Adult Social Care Scrutiny Committee\n\nMonday, 20 March 2027 at 10.00 am\n\n"
        "Membership:\nCouncillors Ada Lowe (Chair) and Ben Marsh\n\n"
        "Co-opted Members:\nMrs G Price (Healthwatch)\n\nAGENDA\n\n1. Apologies for Absence\n\n"
        "To receive apologies.\n\n2. Minutes\n\nTo approve the minutes.\n"
    )
    assert parse_text(agenda).meeting.present == []
