"""A health board's bilingual minute, a committee website's decisions page printed from a
browser, and Word minutes whose automatic numbering was lost: each rule on a short text
written for the test (boards, councils, people and topics invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_item, parse_text

_HELD = "2026-11-25"


def decisions(text: str) -> list[str]:
    return [r.text for r in parse_item(f"{text}\n", title="Item", meeting_date=_HELD).resolutions]


# ---- a board's decisions ----------------------------------------------------------------


def test_a_decision_label_in_two_languages_may_hold_a_hyphen() -> None:
    assert decisions("CO-DHÙNADH / DECISION\nThe Board noted the report on winter pressures.") == [
        "The Board noted the report on winter pressures."
    ]


def test_a_body_s_clauses_run_on_after_its_colon_are_decisions_each() -> None:
    run_on = (
        "The Board: noted the performance against the standards; took assurance from the "
        "recovery actions in section 5; and agreed that a further report on waiting times be "
        "brought to the Board in six months' time."
    )
    assert decisions(run_on) == [
        "noted the performance against the standards",
        "took assurance from the recovery actions in section 5",
        "agreed that a further report on waiting times be brought to the Board in six months' "
        "time.",
    ]
    under_label = "DECISION\nThe Board: noted the action log; and agreed to close actions 17, 19."
    assert len(decisions(under_label)) == 2
    # one clause with a semicolon inside is one decision
    assert len(decisions("The Board: noted the report; the risk remains high.")) == 1


def test_a_board_taking_assurance_decides() -> None:
    assert decisions("The Board took assurance from the infection control report.") == [
        "The Board took assurance from the infection control report."
    ]


def test_an_action_to_present_an_update_to_a_month_s_meeting_is_due() -> None:
    item = parse_item(
        "Action: Nurse Director to present an update on the action plan to the\n"
        "February meeting.\n",
        title="Item",
        meeting_date=_HELD,
    )
    assert [action.due for action in item.actions] == ["2027-02"]


# ---- item headings numbered within sections, wrapped ------------------------------------

_SECTIONS = """Minute of the meeting of NHS Carrick Board held on Wednesday 25 November 2026

SECTION 1: OPENING BUSINESS

Item 1.1    Welcome and Apologies

The Chair welcomed members.

Item 1.2    Aithisg Ghalaran Co-cheangailte ri Cùram Slàinte agus Glanadh nan Uàrdan /
            Healthcare Associated Infection and Ward Cleaning Report

The Board noted the report.

SECTION 2: PERFORMANCE

Item 2.1    Response to the Government Consultation on the Remote and Rural
on-call Workforce Framework

The Board approved the response.

Item 2.2    Performance Report

The Board noted the report.
"""


def test_a_wrapped_title_under_its_first_letter_or_ending_before_a_blank_is_one_title() -> None:
    items = parse_text(_SECTIONS).items
    assert [item.number for item in items] == ["1.1", "1.2", "2.1", "2.2"]
    assert items[1].title.endswith("/ Healthcare Associated Infection and Ward Cleaning Report")
    assert items[2].title.endswith("Remote and Rural on-call Workforce Framework")
    assert [len(item.resolutions) for item in items] == [0, 1, 1, 1]


# ---- attendance in columns ---------------------------------------------------------------

_COLUMNS = """Minute of the meeting of NHS Carrick Board held on Wednesday 25 November 2026

Present

Morven Beaton               Chair
Ruairidh Gillies            Vice Chair, Non-Executive Director
Cllr Isla Nicolson          Non-Executive Director
Neil Brodie                 Director of Finance
Dr Calum Mackinnon          Medical Director

In Attendance

Shona Finlayson             Board Secretary

Apologies

Professor Eilidh Maclennan Non-Executive Director
Joan Morrison               Non-Executive Director

Item 1.1    Welcome

The Chair welcomed members.

Item 1.2    Performance Report

The Board noted the report.
"""


def test_names_and_posts_in_columns_are_one_person_a_row() -> None:
    meeting = parse_text(_COLUMNS).meeting
    assert [person.name for person in meeting.present] == [
        "Morven Beaton",
        "Ruairidh Gillies",
        "Isla Nicolson",
        "Neil Brodie",
        "Calum Mackinnon",
    ]
    assert meeting.present[3].role == "Director of Finance"
    # the row that lost its gap is parted where the post the other row holds ends it
    assert [person.name for person in meeting.apologies] == ["Eilidh Maclennan", "Joan Morrison"]
    assert [person.name for person in meeting.attending] == ["Shona Finlayson"]


def test_names_in_columns_with_no_posts_are_each_a_name() -> None:
    text = (
        "Minutes of the Overview and Scrutiny Committee held on 12 November 2026\n\n"
        "Present:\n\nCouncillor Amy Pryce (Chair)    Councillor Hal Voss\n"
        "Councillor Cara Bamford    Councillor Dan Earnshaw\n\n1. Apologies\n\nNone.\n\n"
        "2. Close\n\nThe meeting closed at 8pm.\n"
    )
    names = [person.name for person in parse_text(text).meeting.present]
    assert names == ["Amy Pryce", "Hal Voss", "Cara Bamford", "Dan Earnshaw"]


_STATUS_TABLE = """Cabinet
Tuesday, 17th November, 2026 5.30 pm

Attendance

Attendee                          Role                                     Attendance
Councillor Jason Whitby           Chair; Leader of the Council             Present
Councillor Priya Loman            Deputy Leader; Cabinet Member for        Present
                                  Finance and Resources
Councillor Yvonne Stanway         Cabinet Member for Adult Social Care     Apologies
Councillor Kath Entwhistle        Chair of Overview and Scrutiny           In attendance
Gillian Hartley                   Chief Executive                          In attendance

Item 5
Revenue Budget Monitoring

Decision
RESOLVED – That the forecast outturn be noted.
"""


def test_an_attendance_table_puts_each_row_in_the_list_its_status_names() -> None:
    meeting = parse_text(_STATUS_TABLE).meeting
    assert [person.name for person in meeting.present] == ["Jason Whitby", "Priya Loman"]
    assert meeting.present[1].role == "Deputy Leader; Cabinet Member for Finance and Resources"
    assert [person.name for person in meeting.apologies] == ["Yvonne Stanway"]
    assert [person.name for person in meeting.attending] == ["Kath Entwhistle", "Gillian Hartley"]


# ---- the meeting's body named with its record --------------------------------------------


def test_a_running_head_naming_the_record_after_the_body_gives_the_body() -> None:
    text = (
        "NHS Carrick Board – Minute – 25 November 2026\n\nItem 1.1 Welcome\n\nHello.\n\n"
        "Item 1.2 Close\n\nThe meeting closed.\n"
    )
    assert parse_text(text).meeting.body == "NHS Carrick Board"


# ---- a decisions page printed from a browser ---------------------------------------------

_PRINTED = """20/11/2026, 10:14      Decisions - Cabinet - 17th November, 2026 | Fenmoor Council

Cabinet
Tuesday, 17th November, 2026 5.30 pm

Item 5
Revenue Budget Monitoring 2026/27

Decision
RESOLVED – That Cabinet:

1. notes the forecast overspend on the General Fund;

2. approves the recovery measures set out in the report, including


https://democracy.fenmoor.gov.uk/cmis/Meetings/Cabinet/17Nov2026/Decisions.aspx          1/3
20/11/2026, 10:14      Decisions - Cabinet - 17th November, 2026 | Fenmoor Council

   the vacancy control panel; and

3. approves the budget virements in Appendix B.

Reasons for Decision
1. To keep spending within the budget.

Item 6
Ofsted Inspection Outcome

Decision
RESOLVED – That the outcome of the inspection be noted.

Reasons for Decision
1. To respond to the findings of the inspection.
2. To prepare for the next inspection.

Item 7
Housing Repairs

Decision
RESOLVED – That the repairs plan be approved.

Reasons for Decision
1. To improve the repairs service.
"""


def test_a_browser_s_page_head_and_foot_are_neither_the_body_nor_the_minutes() -> None:
    parsed = parse_text(_PRINTED)
    assert parsed.meeting.body == "Cabinet"
    budget = parsed.items[0]
    assert [r.label for r in budget.resolutions] == ["1", "2", "3"]
    assert budget.resolutions[1].text.endswith("including the vacancy control panel")


def test_the_reasons_for_each_decision_are_not_decisions() -> None:
    parsed = parse_text(_PRINTED)
    assert [len(item.resolutions) for item in parsed.items] == [3, 1, 1]


def test_reasons_and_options_are_not_read_as_decisions_without_the_keyword() -> None:
    text = (
        "The Cabinet noted the report.\n\nReasons for Decision\n\n"
        "(a) That the plan be kept under review.\n\nAlternative options considered\n"
        "(a) That nothing be done.\n"
    )
    assert decisions(text) == ["The Cabinet noted the report."]


# ---- Word minutes whose numbering was lost -----------------------------------------------

_LOST = """Kessby District Council

Minutes of the meeting of the Overview and Scrutiny Committee held on Thursday 12 November
2026 at 6.30pm

Present:

Councillor Amy Pryce (Chair), Councillor Hal Voss and Councillor Cara Bamford


Apologies for Absence

Councillor Gemma Fairley had sent her apologies.

Declarations of Interest

No member declared an interest.

Budget Monitoring – Quarter 2

The Head of Finance presented the report on the forecast outturn for the year.

RESOLVED that:

The forecast outturn position for 2026/27 be noted.
That a report on the use of the vehicle reserve and the maintenance costs of the
fleet be brought to the meeting on 14 January 2027.

Safeguarding Annual Report

The Safeguarding Manager presented the report, which set out the priorities:

1. Training for all staff who work with children.

3. Joint work with the county's partnership on exploitation.

4. A review of the safeguarding policy before the partnership's audit.

RESOLVED that the report be noted.

Date of Next Meeting

The next meeting of the Committee will be held on Thursday 14 January 2027.

The meeting closed at 9.02pm.

Actions

Action\tOwner\tDue
Report on the vehicle reserve and fleet costs (Budget Monitoring)\tHead of Finance\t14 January 2027
Recommendations 1 to 3 to be submitted to Cabinet (Safeguarding)\tScrutiny Officer\t8 December 2026
Circulate the agreed terms of reference (Safeguarding)\tScrutiny Officer\t4 December 2026
"""


def test_titles_standing_alone_are_the_items_when_only_a_list_inside_one_is_numbered() -> None:
    items = parse_text(_LOST).items
    assert [item.title for item in items] == [
        "Apologies for Absence",
        "Declarations of Interest",
        "Budget Monitoring – Quarter 2",
        "Safeguarding Annual Report",
        "Date of Next Meeting",
    ]
    assert all(item.number is None for item in items)


def test_clauses_a_line_each_under_resolved_that_are_decisions_each() -> None:
    budget = parse_text(_LOST).items[2]
    assert [r.text for r in budget.resolutions] == [
        "The forecast outturn position for 2026/27 be noted.",
        "That a report on the use of the vehicle reserve and the maintenance costs of the fleet "
        "be brought to the meeting on 14 January 2027.",
    ]
    # a paragraph of prose under the keyword is one decision
    prose = decisions(
        "RESOLVED that:\nthe report be noted and the officers thanked. Members asked\n"
        "that the figures be shared."
    )
    assert len(prose) == 1


def test_an_action_log_in_tabs_gives_its_rows_to_the_items_it_names() -> None:
    items = parse_text(_LOST).items
    budget, safeguarding, next_meeting = items[2], items[3], items[4]
    assert [action.due for action in budget.actions] == ["2027-01-14"]  # said in both: once
    # sent on to Cabinet and an errand: nothing comes back to the committee
    assert [action.due for action in safeguarding.actions] == [None, None]
    # after the meeting closed: the log's words are not the last item's
    assert next_meeting.recommendations == []
    assert next_meeting.actions == []


def test_notes_of_a_meeting_with_the_date_wrapped_to_the_next_line() -> None:
    text = (
        "Notes of the meeting of the Market Square Task and Finish Group held on Tuesday 24\n"
        "November 2026 at 6.00pm in Committee Room 1\n\nItem 1: Welcome\n\nThe Chair welcomed "
        "everyone.\n\nItem 2: Terms of reference\n\nThe group agreed its terms of reference.\n"
    )
    meeting = parse_text(text).meeting
    assert meeting.date == "2026-11-24"
    assert meeting.body == "Market Square Task and Finish Group"


def test_apologies_naming_posts_with_and_and_from_on_a_line_of_its_own() -> None:
    text = (
        "Minutes of the Cabinet held on 17 January 2026\n\n1. Apologies\n\n"
        "Apologies were received from Councillor Tamsin Bego, Cabinet Member for Culture and "
        "Leisure, and from\nCouncillor Owain Marsh, Cabinet Member for Resources.\n\n"
        "2. Budget\n\nThe Cabinet noted the report.\n"
    )
    apologies = parse_text(text).meeting.apologies
    assert [(person.name, person.role) for person in apologies] == [
        ("Tamsin Bego", "Cabinet Member for Culture and Leisure"),
        ("Owain Marsh", "Cabinet Member for Resources"),
    ]
