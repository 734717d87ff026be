"""A Scottish city committee's infinitive decisions, a county scrutiny committee's agenda
items typed two ways with a recommendation tracker, and a New Zealand district council's
numbered resolutions under section headings: each rule on a short text written for the test
(councils, people and topics invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_item, parse_text


def decisions(text: str) -> list[tuple[str | None, str]]:
    return [(r.label, r.text) for r in parse_item(f"{text}\n", title="Item").resolutions]


# ---- headings --------------------------------------------------------------------------

_TYPED_TWO_WAYS = """Minutes of the Place Scrutiny Committee held on 19 November 2026

Agenda Item 1: Apologies

Apologies were received from Councillor Bell.

Agenda Item 2: Winter Service Plan

RESOLVED: That the plan be noted.

AGENDA ITEM 3 – BUS SERVICE IMPROVEMENT PLAN

RESOLVED: That the plan be endorsed.

Agenda Item 4: Date of Next Meeting

The next meeting will be held on 21 January 2027.
"""


def test_agenda_items_typed_with_a_colon_or_a_dash_are_one_scheme() -> None:
    items = parse_text(_TYPED_TWO_WAYS).items
    assert [item.number for item in items] == ["1", "2", "3", "4"]
    assert items[2].title == "BUS SERVICE IMPROVEMENT PLAN"


_SECTIONS = """Minutes of the Ordinary Meeting of Tawhiri District Council held on 25 November 2026

6       APOLOGIES

Nil.

7       REPORTS

7.1     Chief Executive's Report

The Chief Executive presented her report.

Resolution number TDC/2026/211

Moved: Cr P Vesey                           Seconded: Cr K Donaldson

That Council:

a)   receives the Chief Executive's report; and

b)   notes the improvement in building consent times.

                                                                CARRIED

7.2     Dog Control Policy 2027

Resolution number TDC/2026/212

Moved: Cr K Donaldson                       Seconded: Cr P Vesey

That Council:

a)   adopts the Dog Control Policy 2027.

                                                                CARRIED

8       CLOSE

The meeting closed at 12.10pm.
"""


def test_a_bare_section_heading_in_capitals_gives_way_to_its_entries() -> None:
    items = parse_text(_SECTIONS).items
    assert [item.number for item in items] == ["6", "7.1", "7.2", "8"]


def test_a_council_s_lead_in_in_its_own_paragraph_before_lettered_clauses() -> None:
    items = parse_text(_SECTIONS).items
    assert [(r.label, r.text) for r in items[1].resolutions] == [
        ("a", "receives the Chief Executive's report"),
        ("b", "notes the improvement in building consent times."),
    ]
    assert len(items[2].resolutions) == 1
    lost = _SECTIONS.replace(
        "adopts the Dog Control Policy 2027.\n\n" + " " * 64 + "CARRIED",
        "adopts the Dog Control Policy 2027.\n\n" + " " * 64 + "LOST",
    )
    assert parse_text(lost).items[2].resolutions == []


def test_a_long_title_whose_second_part_is_set_in_title_case_is_one_title() -> None:
    text = (
        "Minutes of the Education Committee held on 8 December 2026\n\n"
        "7.1 Attendance Policy\n\nThe Committee agreed the policy.\n\n"
        "7.2 Learning Estate – Proposed Statutory Consultation on a Shared Campus for Harlaw and\n"
        "Eastfield Primary Schools\n\nThe Committee agreed to consult.\n\n"
        "8.1 Youth Work Grants\n\nThe Committee agreed the grants.\n"
    )
    items = parse_text(text).items
    assert [item.number for item in items] == ["7.1", "7.2", "8.1"]
    assert items[1].title.endswith("Harlaw and Eastfield Primary Schools")


# ---- people ----------------------------------------------------------------------------


def test_names_with_macrons_accents_and_particles_are_names() -> None:
    text = (
        "Minutes of the Ordinary Meeting of Tawhiri District Council held on 25 November 2026\n\n"
        "Present: Mayor Hemi Parata, Deputy Mayor Jill Fairbrother, Crs Rāwiri Moana, Lisa van "
        "der Berg, Máire Ní Dhonnchadha and Tom Tuck\n\n1 APOLOGIES\n\nResolution number "
        "TDC/2026/201\n\nMoved: Cr Tom Tuck Seconded: Cr Lisa van der Berg\n\nThat the apologies "
        "of Cr Brian Whitlow and Cr Mereana Kawhia be accepted.\n\nCARRIED\n\n2 CLOSE\n\n"
        "The meeting closed at 12.10pm.\n"
    )
    meeting = parse_text(text).meeting
    assert [person.name for person in meeting.present] == [
        "Hemi Parata",
        "Jill Fairbrother",
        "Rāwiri Moana",
        "Lisa van der Berg",
        "Máire Ní Dhonnchadha",
        "Tom Tuck",
    ]
    assert [person.name for person in meeting.apologies] == ["Brian Whitlow", "Mereana Kawhia"]


# ---- requests and tables -----------------------------------------------------------------


def test_a_request_moved_and_then_decided_in_the_same_words_is_due_once() -> None:
    item = parse_item(
        'Councillor Reid moved:\n\n"Committee requests a report to the meeting of the Committee '
        'on 31 August 2027 on the cost of automatic enrolment for free school meals."\n\n'
        "Decision\n\nTo request a report to the meeting of the Committee on 31 August 2027 on "
        "the cost of automatic enrolment for free school meals.\n",
        title="Motion",
        meeting_date="2026-12-08",
    )
    assert [action.due for action in item.actions if action.due] == ["2027-08-31"]
    # two requests for the same meeting are two
    other = parse_item(
        "The Committee asked for a report on school meals to the meeting on 31 August 2027.\n\n"
        "It also asked for a briefing on the breakfast club pilot to the meeting on 31 August "
        "2027.\n",
        title="Motion",
        meeting_date="2026-12-08",
    )
    assert [action.due for action in other.actions] == ["2027-08-31", "2027-08-31"]


_TRACKER = """Minutes of the Place Scrutiny Committee held on 19 November 2026

Agenda Item 8: Scrutiny Recommendation Tracker

RESOLVED: to note the tracker and to close recommendations R3 and R5 as achieved.

Agenda Item 9: Date of Next Meeting

The next meeting will be held on 21 January 2027.

Ref | Recommendation | Date made | Executive response | Status
--- | --- | --- | --- | ---
R3 | That the crossing criteria be published | 18/09/2025 | Published in January 2026 | Achieved
R5 | That patrol vacancies be reported to each meeting | 18/09/2025 | Now reported | Achieved
"""


def test_a_tracker_s_rows_are_not_planning_responses_and_refs_are_read_in_pairs() -> None:
    items = parse_text(_TRACKER).items
    assert [r.ref for r in items[0].recommendations] == ["R3", "R5"]
    assert len(items[0].resolutions) == 1
    assert items[1].resolutions == []


def test_a_staff_label_wrapped_over_two_lines_of_its_column_is_staff() -> None:
    text = (
        "Township of Harrowgate\nCouncil Meeting Minutes\nWednesday, June 10, 2026\n"
        "Present: Mayor H.S. Reid\nDeputy Mayor Ralf Hogg\nCouncillor Ivy Vane\n"
        "Staff Robin Dale, Chief Administrative Officer; Yvette Aubin, Clerk; Marc\n"
        "Present: Deslo, Chief Financial Officer; Andrea Leith, Director, Development "
        "Services; Dana Hewer, Director, Corporate Services;\n"
        "1. Call to Order:\nMayor H.S. Reid called the meeting to order.\n"
        "2. Adoption of Agenda:\nMotion No. C260610-1\nMoved by Hogg, Seconded by Vane\n"
        "Be it resolved that the agenda be adopted.\nCarried.\n"
    )
    meeting = parse_text(text).meeting
    assert [person.name for person in meeting.present] == ["H.S. Reid", "Ralf Hogg", "Ivy Vane"]
    assert "Andrea Leith" in [person.name for person in meeting.attending]


# ---- a panel's printed minutes ----------------------------------------------------------

_PANEL = """Minutes of the Wyvern Police, Fire and Crime Panel held on 17 December 2026

PFCP/32   Proposed precept 2027/28

(a) Police precept

RESOLVED that the Panel supports the proposed police precept for 2027/28.

                                                         Chair's initials ............

                                                                           Page 3 of 6

Wyvern Police, Fire and Crime Panel – 17 December 2026
------------------------------------------------------------------------------------------

(b) Fire and rescue precept

RESOLVED that:
(i) the Panel supports the proposed fire and rescue precept; and

                                                         Chair's initials ............

                                                                           Page 4 of 6

Wyvern Police, Fire and Crime Panel – 17 December 2026
------------------------------------------------------------------------------------------

(ii) the Panel's report records members' concern about on-call fire engines.

PFCP/34   His Majesty's Inspectorate of Constabulary and Fire & Rescue Services:
          Wyvern Fire and Rescue Service Inspection 2026 – Commissioner's Response

The Panel noted the response.

PFCP/35   AWARD OF CONTRACT FOR CUSTODY HEALTHCARE 2027–2030
          (Key decision – Forward Plan reference FP/2026/098)

The Panel noted the award.
"""


def test_a_page_s_foot_and_rule_do_not_end_a_list_nor_make_a_part_a_clause() -> None:
    precept = parse_text(_PANEL).items[0]
    assert [(r.label, r.text[:24]) for r in precept.resolutions] == [
        (None, "that the Panel supports "),
        ("i", "the Panel supports the p"),
        ("ii", "the Panel's report recor"),
    ]


def test_a_title_wrapped_under_its_first_letter_but_not_its_note() -> None:
    items = parse_text(_PANEL).items
    assert items[1].title.endswith(
        "Fire & Rescue Services: Wyvern Fire and Rescue Service Inspection 2026 – "
        "Commissioner's Response"
    )
    assert items[2].title == "AWARD OF CONTRACT FOR CUSTODY HEALTHCARE 2027–2030"


def test_a_resolution_that_someone_bring_or_report_them_to_a_meeting_is_due() -> None:
    item = parse_item(
        "RESOLVED: that the Clerk bring a revised draft budget and a proposed precept for "
        "2027/28 to the January meeting.\n\nRESOLVED: that the Steering Group prepare the plan "
        "and report them to the Council in March 2027.\n",
        title="Finance",
        meeting_date="2026-11-12",
    )
    assert [action.due for action in item.actions] == ["2027-01", "2027-03"]
