"""A schools forum's outcomes and sector groups, a community council's informal minutes, and
a call-in committee's officers' initials: each rule on a short text written for the test
(councils, forums, people and topics invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_item, parse_text


def decisions(text: str) -> list[str]:
    return [r.text for r in parse_item(f"{text}\n", title="Item").resolutions]


# ---- outcomes --------------------------------------------------------------------------


def test_an_outcome_label_records_the_decision() -> None:
    assert decisions("Outcome: Agreed (maintained primary members only: 6 for, 0 against).") == [
        "Agreed (maintained primary members only: 6 for, 0 against)."
    ]
    assert decisions("Outcome: The Forum noted the report.") == ["The Forum noted the report."]
    # the word in a sentence is no label
    assert decisions("Outcome of the consultation was welcomed by members.") == []


def test_an_outcome_restating_the_minutes_approved_is_one_decision() -> None:
    text = (
        "The minutes of the meeting held on 1 October 2026 were approved as a correct record.\n\n"
        "Outcome: Agreed."
    )
    assert len(decisions(text)) == 1


def test_an_officer_s_initials_are_no_board() -> None:
    assert decisions("SB agreed.") == []
    assert len(decisions("The OSC noted the report.")) == 1
    assert len(decisions("The HWB approved the strategy.")) == 1


# ---- a forum's sections and members ------------------------------------------------------

_FORUM = """Holmside Borough Council

HOLMSIDE SCHOOLS FORUM

Minutes of the meeting held on Thursday 26 November 2026

Present:

Maintained primary headteachers:   Joan Tallis (Chair, St Aidan's Primary School),
                                   Mark Eddy (Wharfe Nursery School)
Academy members:                   Andrew Sedley (Vice-Chair, Pennine Learning Trust),
                                   Louise March (Principal, Holmside Academy)

Observer:                          Cllr Stuart Bamber (Cabinet Member for Children)

In attendance (LA officers):       Sunita Bhogal (SB, Head of Schools Finance),
                                   Peter Garsdale (PG, Assistant Director)

4.  Matters arising

Outcome: The Forum noted the action log.

5.  School funding 2027/28

5a. Schools Block funding formula – consultation outcome

Outcome: Agreed.

5b. De-delegation for maintained schools

Outcome: Agreed (maintained primary members only: 6 for, 0 against).

6.  Any other business

None.
"""


def test_sector_groups_and_bracketed_labels_in_a_forum_s_attendance() -> None:
    meeting = parse_text(_FORUM).meeting
    assert [person.name for person in meeting.present] == [
        "Joan Tallis",
        "Mark Eddy",
        "Andrew Sedley",
        "Louise March",
    ]
    attending = [person.name for person in meeting.attending]
    assert attending == ["Stuart Bamber", "Sunita Bhogal", "Peter Garsdale"]


def test_lettered_entries_under_a_bare_section_are_the_items() -> None:
    items = parse_text(_FORUM).items
    assert [item.number for item in items] == ["4", "5a", "5b", "6"]
    assert [len(item.resolutions) for item in items] == [1, 1, 1, 0]


# ---- a community council's informal minutes --------------------------------------------

_INFORMAL = """KILMORRAN COMMUNITY COUNCIL

Minutes of meeting held on Monday 7th December 2026 at 7.30pm in Kilmorran Hall

Present: Margaret Coulter (Chair), Davie Renton (Secretary), Iain Forsyte (Treasurer),
Shona McAllister

Also present: PC Gordon Lammie (Police Scotland), 4 members of the public

Apologies: Kirsty Dalrymple, Tam Bellamy

Margaret welcomed everyone to the meeting.


Ward Councillor's Report

Cllr Strang reported:
- The Ardlorn bus timetable changes start in January.
- She will report back at the February meeting on the school crossing.


Planning

Eilidh proposed that the CC object to the holiday pods, seconded by Robert Bain. A vote was
taken: 3 for and 5 against, so the motion fell. Members agreed that the CC would not object
but would ask for a condition limiting the pods to holiday use.


Treasurer's Report

Proposed I Forsyte, seconded G Lennie, approved unanimously: to pay the invoice for the
war memorial bench once the work is done.

Windfarm fund applications:
- Kilmorran Bowling Club: £2,400 towards a new mower. Approved.
- Balgrain Toddlers: £650 towards outdoor play equipment. Approved.


Correspondence

1. Ardlorn Council – road closure notice for the Croft Road, 12-16 January.
2. Hall committee – thanks for the donation. Noted.


Date of Next Meeting

Monday 1st February 2027 at 7.30pm.
"""


def test_titles_standing_alone_over_a_lead_in_or_a_list_and_apologies_as_a_list() -> None:
    parsed = parse_text(_INFORMAL)
    assert [item.title for item in parsed.items] == [
        "Ward Councillor's Report",
        "Planning",
        "Treasurer's Report",
        "Correspondence",
        "Date of Next Meeting",
    ]
    assert [person.name for person in parsed.meeting.apologies] == [
        "Kirsty Dalrymple",
        "Tam Bellamy",
    ]


def test_informal_decisions_of_a_community_council() -> None:
    items = parse_text(_INFORMAL).items
    planning, treasurer = items[1], items[2]
    # the motion fell; what members then agreed, in the same paragraph, stands
    assert [r.text[:28] for r in planning.resolutions] == ["Members agreed that the CC w"]
    assert [r.text[:28] for r in treasurer.resolutions] == [
        "to pay the invoice for the w",
        "Kilmorran Bowling Club: £2,4",
        "Balgrain Toddlers: £650 towa",
    ]


# ---- a licensing hearing, a working group and a forward plan -----------------------------

_HEARING = """ASHVALE DISTRICT COUNCIL

LICENSING SUB-COMMITTEE

Minutes of a hearing of the Licensing Sub-Committee held on Thursday 19 November 2026

Members:      Councillor Margaret Elton (Chair)
              Councillor Dev Kapur
              Councillor Simon Trehane

Officers:     Fiona Hadley        Legal Adviser to the Sub-Committee

LSC/14    APPLICATION FOR A NEW PREMISES LICENCE – THE OLD FORGE

          DECISION:

          The Sub-Committee has decided to grant the application subject to the mandatory
          conditions and the following additional conditions:

          1.  The rear courtyard shall not be used by customers after 21.00.

          2.  Live music shall take place indoors only and shall end by 22.30.

          REASONS:

          1.  The Sub-Committee had regard to the licensing objectives.

LSC/15    APPLICATION TO VARY A PREMISES LICENCE – VELVET ROOMS

          DECISION:

          The Sub-Committee has decided to refuse the application.
"""


def test_a_hearing_s_panel_and_a_grant_on_conditions_as_one_decision() -> None:
    parsed = parse_text(_HEARING)
    assert [p.name for p in parsed.meeting.present] == [
        "Margaret Elton",
        "Dev Kapur",
        "Simon Trehane",
    ]
    grant, refusal = parsed.items
    assert [r.text[:45] for r in grant.resolutions] == [
        "to grant the application subject to the manda"
    ]
    assert len(refusal.resolutions) == 1


def test_a_working_group_named_alone_and_an_item_added_to_a_dated_agenda() -> None:
    text = (
        "MARLBY COUNTY COUNCIL\n\nCLIMATE EMERGENCY MEMBER WORKING GROUP\n\n"
        "Notes of the meeting held on Wednesday 2 December 2026\n\n"
        "Members present:     Cllr Kate Bryant (KB) – Chair\n"
        "                     Cllr Oliver Fenwick (OF)\n\n"
        "In attendance:       Cllr Graham Holte (GH), Cabinet Member for Environment and\n"
        "                     Transport – for item 4\n"
        "                     Hannah Greer (HG), Head of Climate Change\n"
        "                     Simon Adeyemo (SA), Energy and Carbon Manager\n\n"
        "1. Forward work programme\n\n"
        "Agreed: to add the Local Nature Recovery Strategy to the agenda for the meeting on 11 "
        "March 2027.\n\n2. Any other business\n\nNone.\n"
    )
    parsed = parse_text(text)
    assert parsed.meeting.body == "Climate Emergency Member Working Group"
    assert [(p.name, p.role) for p in parsed.meeting.attending] == [
        ("Graham Holte", "Cabinet Member for Environment and Transport, for item 4"),
        ("Hannah Greer", "Head of Climate Change"),
        ("Simon Adeyemo", "Energy and Carbon Manager"),
    ]
    assert [a.due for a in parsed.items[0].actions] == ["2027-03-11"]


def test_a_forward_plan_is_no_record_of_a_meeting() -> None:
    text = (
        "DUNMOOR BOROUGH COUNCIL\n\nFORWARD PLAN\n\nNotice of Key Decisions\n\n"
        "Published: Tuesday 1 December 2026\n\n1.  ABOUT THIS NOTICE\n\n"
        "1.1  This notice lists the key decisions the Cabinet expects to take.\n\n"
        "2.  DECISIONS TO BE TAKEN IN PRIVATE\n\n"
        "2.1  The Cabinet will decide the waste contract on 14 January 2027 in private.\n\n"
        "3.  SCHEDULE\n\nFP 27-01  Waste collection contract  Cabinet  14 January 2027\n"
    )
    parsed = parse_text(text)
    assert parsed.items == []
    assert parsed.meeting.date is None
    assert any(w.startswith("not minutes: this reads as a forward plan") for w in parsed.warnings)
