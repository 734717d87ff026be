"""A national park authority's planning committee, a tenants' scrutiny panel's notes and a
metropolitan borough's area committee: the forms each gave the parser, on short texts
written for the tests (bodies, people and places invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_item, parse_text

PARK = """\
MOELWYN HILLS NATIONAL PARK AUTHORITY

PLANNING COMMITTEE

Minutes of the meeting of the Planning Committee held on Wednesday 10 March 2027 at 10.00 am

PRESENT

Members appointed by the constituent councils:

Councillor Rhodri Hale (Chair)               Councillor Gwen Irwin
Councillor Alun Kerr

Secretary of State Members:

Mrs Eira Moss (Deputy Chair)                 Mr Tom Nash

Officers in attendance:

Nia Pugh (Head of Development Management)

Minute 41/27     APOLOGIES FOR ABSENCE

None.

Minute 42/27     PLANNING APPLICATIONS

NP/27/0031 – Change of use of barn to holiday let, Hafod Isaf

The Head of Development Management presented the report.

DECISION: Approved subject to the conditions in the report.

NP/27/0044 – Replacement dwelling, Bryn Uchaf

DEFERRED for a site visit, to be held on Monday 12 April 2027.

NP/27/0057 – Extension to workshop, Pen y Bont

DECISION: Approved subject to the conditions in the report.
"""


def test_a_park_authority_s_members_by_group_and_its_planning_outcomes() -> None:
    document = parse_text(PARK)
    meeting = document.meeting
    assert (meeting.council, meeting.body) == (
        "Moelwyn Hills National Park Authority",
        "Planning Committee",
    )
    # the members' groups under "PRESENT" go on with the list, in two columns
    assert [p.name for p in meeting.present] == [
        "Rhodri Hale",
        "Gwen Irwin",
        "Alun Kerr",
        "Eira Moss",
        "Tom Nash",
    ]
    applications = document.items[1]
    # the same outcome for two applications is two decisions; a deferral in capitals is one
    assert [r.text for r in applications.resolutions] == [
        "Approved subject to the conditions in the report.",
        "DEFERRED for a site visit, to be held on Monday 12 April 2027.",
        "Approved subject to the conditions in the report.",
    ]


NOTES = """\
Riverbank Homes Tenants' Scrutiny Panel

Notes of the meeting held on Tuesday 13 April 2027

Present: Janice Hale (Chair), Derek Irwin, Carol Kerr

Staff: Priya Moss (Scrutiny Officer), Mark Nash (Involvement Manager)

1. Repairs performance

Priya presented the repairs figures.

ACTION: Priya to send the repairs satisfaction figures to the panel by 14 May

ACTION: MH to invite the Head of Repairs to the June meeting

Panel members voted to adopt recommendations R1 to R5 for the Board (6 for, 1 abstention).

ACTION: Priya to draft a scope for the empty homes review for the next meeting

It was agreed that the Board's response will come back to the panel's September meeting.

2. Date of next meeting

Date of next meeting: Tuesday 15 June 2027, 6pm, Community Room.
"""


def test_a_tenants_panel_s_staff_votes_and_actions() -> None:
    document = parse_text(NOTES)
    meeting = document.meeting
    assert [p.name for p in meeting.present] == ["Janice Hale", "Derek Irwin", "Carol Kerr"]
    assert [p.name for p in meeting.attending] == ["Priya Moss", "Mark Nash"]
    repairs = document.items[0]
    assert any(r.text.startswith("Panel members voted to adopt") for r in repairs.resolutions)
    assert sorted(a.due for a in repairs.actions if a.due) == [
        "2027-05-14",
        "2027-06",
        "2027-06-15",
        "2027-09",
    ]


def test_each_ward_s_councillors_are_read_to_the_last() -> None:
    minutes = """\
NORTH AREA COMMITTEE

MINUTES of the meeting held on Thursday, 24 June 2027 at 6.30 pm

PRESENT:

Ashby Ward:        Councillors P Hale (Chair), S Irwin and L Kerr
Bramley Ward:      Councillors D Moss (Vice-Chair), J Nash and
                   F O'Hara
Calder Ward:       Councillors R Pike and N Quinn

AC/27/10  APOLOGIES FOR ABSENCE

None.

AC/27/11  PLAY AREAS

Members asked that the play area survey be brought back to the next meeting.

AC/27/12  DATE OF NEXT MEETING

          The next meeting of the Committee will be held on Thursday 9 September 2027
          at 6.30 pm at Bramley Community Centre.
"""
    document = parse_text(minutes)
    assert [p.name for p in document.meeting.present] == [
        "P Hale",
        "S Irwin",
        "L Kerr",
        "D Moss",
        "J Nash",
        "F O'Hara",
        "R Pike",
        "N Quinn",
    ]
    # the date under a "DATE OF NEXT MEETING" heading, in the minute's own sentence
    assert [a.due for a in document.items[1].actions] == ["2027-09-09"]


def test_members_voting_to_do_something_decide_it() -> None:
    item = parse_item("Members voted unanimously to close the meeting early.\n", title="x")
    assert [r.text for r in item.resolutions] == [
        "Members voted unanimously to close the meeting early."
    ]
