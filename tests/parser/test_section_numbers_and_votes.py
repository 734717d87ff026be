"""Items numbered within sections ("1.1", "2.1"), tables of contents printed before the
minutes, decisions recorded by proposal, recorded vote or roll call, and the attendance
lists of county, borough and city councils: each on a short text written for the test
(councils, people and topics invented)."""

from __future__ import annotations

import pytest

from scrutiny_tui.parser import parse_item, parse_text

_HELD = "2026-11-09"


def decisions(text: str) -> list[str]:
    return [r.text for r in parse_item(f"{text}\n", title="Item", meeting_date=_HELD).resolutions]


# ---- items numbered within the agenda's sections ----------------------------------------

_SECTIONED = """Minutes of Monthly Meeting of Carrowbeg County Council held on 9th November 2026

1.1 Vote of Sympathy

The Cathaoirleach extended sympathy to the family of a former Member.

1.2 Vote of Congratulations

Members congratulated the county hurling team.

2.1 Minutes of Monthly Meeting held on 12th October 2026

The minutes were adopted on the proposal of Cllr. Hale, seconded by Cllr. Irwin.

3.1 Library Opening Hours

The report on library opening hours was noted.
"""


def test_items_numbered_within_sections_with_no_section_headings() -> None:
    items = parse_text(_SECTIONED).items
    assert [(item.number, item.title) for item in items] == [
        ("1.1", "Vote of Sympathy"),
        ("1.2", "Vote of Congratulations"),
        ("2.1", "Minutes of Monthly Meeting held on 12th October 2026"),
        ("3.1", "Library Opening Hours"),
    ]
    assert [len(item.resolutions) for item in items] == [0, 0, 1, 1]


def test_numbered_paragraphs_of_one_section_are_not_items() -> None:
    # one section's paragraphs: no second section vouches for a scheme of headings
    text = (
        "Minutes of the Parks Panel held on 4 March 2026\n\n"
        "3.1 Ground Works\n\nThe works had begun.\n\n"
        "3.2 Path Lighting\n\nThe lights were fitted.\n\n"
        "3.3 Bench Repairs\n\nThe benches were repaired.\n"
    )
    assert [item.number for item in parse_text(text).items] != ["3.1", "3.2", "3.3"]


_CONTENTS = """MINUTES OF THE MEETING OF KILMORNE BOROUGH COUNCIL HELD
IN THE COUNCIL CHAMBER, TOWN HALL, KILMORNE
ON TUESDAY 3 NOVEMBER 2026 AT 7.00 PM

Table of Contents

No         Item                                       Summary of Decisions

1.         Apologies                                  Noted

2.         Minutes of Committees
2.1        Planning Committee meeting held            Adopted
           Monday 19 October 2026
2.2        Leisure Committee meeting held             Adopted
           Tuesday 20 October 2026

3.         Documents for Sealing                      Agreed

1.    APOLOGIES

Apologies were recorded for Councillors Boyd and Kerr.

2.    MINUTES OF COMMITTEES

2.1   Planning Committee meeting held Monday 19 October 2026

AGREED – that the minutes of the Planning Committee be adopted.

2.2   Leisure Committee meeting held Tuesday 20 October 2026

AGREED – that the minutes of the Leisure Committee be adopted.

3.    DOCUMENTS FOR SEALING

AGREED – that the documents listed be sealed.
"""


def test_a_table_of_contents_before_the_minutes_is_no_item() -> None:
    parsed = parse_text(_CONTENTS)
    assert [item.number for item in parsed.items] == ["1", "2.1", "2.2", "3"]
    assert parsed.items[0].title == "APOLOGIES"


def test_a_bare_heading_in_capitals_over_its_numbered_entries_is_their_section() -> None:
    # "2. MINUTES OF COMMITTEES" over "2.1 Planning Committee …", "2.2 …", as "7 REPORTS"
    # over "7.1 Chief Executive's Report": each entry is decided on its own, an item
    items = parse_text(_CONTENTS).items
    assert [item.number for item in items] == ["1", "2.1", "2.2", "3"]
    assert [len(item.resolutions) for item in items] == [0, 1, 1, 1]


def test_sub_headings_set_as_the_section_heading_is_set_are_the_items() -> None:
    # "7 Reports" over "7.1 …": the same type, the section's entries are the items
    text = (
        "7 Reports\n\n7.1 Quarterly Budget Review\n\nRESOLVED that the review be noted.\n\n"
        "7.2 Library Hours\n\nRESOLVED that the hours be extended.\n\n"
        "8 Close of Meeting\n\nThe meeting closed at 8pm.\n"
    )
    numbers = [item.number for item in parse_text(f"1 Opening\n\nOpened.\n\n{text}").items]
    assert "7.1" in numbers and "7.2" in numbers and "7" not in numbers


def test_a_meeting_heading_wrapped_over_three_lines_gives_the_date() -> None:
    parsed = parse_text(_CONTENTS)
    assert parsed.meeting.date == "2026-11-03"  # not a date from the contents' rows
    assert parsed.meeting.council == "Kilmorne Borough Council"


def test_apologies_recorded_for() -> None:
    assert [p.name for p in parse_text(_CONTENTS).meeting.apologies] == ["Boyd", "Kerr"]


# ---- page furniture --------------------------------------------------------------------


def test_a_running_foot_that_numbers_its_page_is_not_minutes() -> None:
    foot = "Carrowbeg County Council – Monthly Meeting 9th November 2026"
    text = (
        "1. Roads Programme\n\nThe Director reported on the programme and said the works"
        f"\n\n{foot}          Page 1 of 3\n\nwould finish in March.\n\n"
        "2. Housing\n\nThe housing report was noted.\n\n"
        f"{foot}          Page 2 of 3\n\n3. Libraries\n\nThe libraries report was noted.\n\n"
        f"{foot}          Page 3 of 3\n"
    )
    items = parse_text(text).items
    assert [item.number for item in items] == ["1", "2", "3"]
    assert all("Page" not in item.text and "Monthly Meeting" not in item.text for item in items)


def test_the_mover_of_many_motions_is_not_a_running_line() -> None:
    block = (
        "Resolution {n}/2026\nMoved: Cr Amira Hale\nSeconded: Cr Bo Irwin\n"
        "That Council approve item {n}.\nCarried\n"
    )
    text = "".join(f"{n} Item {n}\n\n" + block.format(n=n) + "\n" for n in range(1, 5))
    item = parse_text(text).items[0]
    assert "Moved: Cr Amira Hale" in item.text


# ---- decisions -------------------------------------------------------------------------


def test_a_proposal_whose_outcome_ends_the_line_decides_the_quoted_words_below() -> None:
    found = decisions(
        "On the PROPOSAL of Cllr. Hale, SECONDED by Cllr. Irwin, it was RESOLVED:\n\n"
        '"That Carrowbeg County Council approves the disposal of the land at Knock."'
    )
    assert found == ["That Carrowbeg County Council approves the disposal of the land at Knock."]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chief Executive's Monthly Report was noted.",
        "The following correspondence, circulated with the agenda, was noted:",
        "The motion was agreed, and the Clerk was asked to send it to the Minister.",
    ],
)
def test_a_paper_or_motion_agreed_or_noted_in_the_passive(sentence: str) -> None:
    assert len(decisions(f"Members discussed the matter.\n\n{sentence}")) == 1


def test_this_was_agreed_after_a_proposal_decides_the_proposal() -> None:
    found = decisions(
        "The Mayor reported on his engagements.\n\n"
        "The Mayor proposed that Council write to the rowing club to congratulate the crew."
        " This was agreed."
    )
    assert found == ["Council write to the rowing club to congratulate the crew"]


def test_a_motion_carried_on_a_recorded_vote_after_the_debate() -> None:
    text = (
        "Proposed by Councillor Hale\nSeconded by Councillor Irwin\n\n"
        '"That this Council asks officers to report on a heating oil savings scheme."\n\n'
        "Councillor Kerr spoke against the motion.\n\n"
        "The Mayor put the proposal to the vote, 21 Members voted For, 6 Members voted"
        " Against, the Mayor declared the motion carried."
    )
    assert decisions(text) == [
        "That this Council asks officers to report on a heating oil savings scheme."
    ]
    lost = text.replace("declared the motion carried", "declared the motion lost")
    assert decisions(lost) == []


def test_a_motion_by_a_councilmember_carried_with_its_count() -> None:
    found = decisions(
        "Motion by Councilmember Hale, seconded by Mayor Pro Tem Irwin, to approve the agenda"
        " as amended. Motion carried 5-0 (Kerr absent)."
    )
    assert found == ["to approve the agenda as amended."]


def test_a_motion_carried_or_failed_on_a_roll_call() -> None:
    motion = (
        "Motion by Councilmember Hale, seconded by Councilmember Irwin, to award the paving"
        " contract to Rimrock Paving.\n\nRoll Call\nAyes: Hale, Irwin, Lowe\nNays: Kerr\n"
    )
    assert len(decisions(motion + "Motion carried 3-1.")) == 1
    assert decisions(motion + "Motion failed 1-3.") == []


def test_a_report_received_and_filed() -> None:
    assert (
        len(
            decisions("The Treasurer presented the figures. Council received and filed the report.")
        )
        == 1
    )


def test_a_motion_put_and_lost_is_no_decision() -> None:
    found = decisions(
        "Motion\nMoved: Cr Hale\nSeconded: Cr Irwin\nThat Council approve the application.\n"
        "The Motion on being put was Lost"
    )
    assert found == []


def test_the_minutes_of_this_meeting_confirmed_later_are_no_decision_of_it() -> None:
    found = decisions(
        "The meeting closed at 8.17pm.\n\n"
        "The minutes of this meeting were confirmed at the Ordinary Council Meeting held on"
        " 28 January 2027."
    )
    assert found == []


def test_an_authority_deferring_a_motion_to_a_month_s_meeting_is_due_then() -> None:
    item = parse_item(
        "On the proposal of Cllr. Hale, seconded by Cllr. Irwin, it was agreed to defer the"
        " motion to the December meeting.\n",
        title="Notice of Motion",
        meeting_date=_HELD,
    )
    assert [action.due for action in item.actions] == ["2026-12"]


# ---- attendance and the body -----------------------------------------------------------

_ROLL_CALL = """CITY OF ALDER FORK
REGULAR CITY COUNCIL MEETING MINUTES
Monday, October 12, 2026

1. CALL TO ORDER

Mayor Hale called the meeting to order at 6:00 p.m.

2. ROLL CALL

Councilmembers Present: Mayor Jo Hale, Mayor Pro Tem Sam Irwin,
Councilmember Bo Kerr, Councilmember Al Lowe

Councilmembers Absent: Councilmember Di Moss (excused)

Staff Present: City Manager Renee Calloway, City Clerk Tom Price

3. APPROVAL OF AGENDA

Motion by Councilmember Kerr, seconded by Councilmember Lowe, to approve the agenda.
Motion carried 4-0.
"""


def test_a_city_council_s_roll_call() -> None:
    meeting = parse_text(_ROLL_CALL).meeting
    assert [p.name for p in meeting.present] == ["Jo Hale", "Sam Irwin", "Bo Kerr", "Al Lowe"]
    assert [p.name for p in meeting.apologies] == ["Di Moss"]
    assert meeting.body == "Council"


def test_officials_present_are_not_apologies() -> None:
    text = (
        "Minutes of Monthly Meeting of Carrowbeg County Council held on 9th November 2026\n\n"
        "Members Present: Cllrs. Hale, J., Irwin, S. and Kerr, B.\n\n"
        "Apologies: Cllr. Lowe, D.\n\n"
        "Officials Present:  Mr. Declan Forde, Chief Executive\n"
        "                    Ms. Aoife Donlon, Meetings Administrator\n\n"
        "1.1 Vote of Sympathy\n\nSympathy was extended.\n\n"
        "2.1 Minutes\n\nThe minutes were adopted on the proposal of Cllr. Hale.\n"
    )
    meeting = parse_text(text).meeting
    assert [p.name for p in meeting.apologies] == ["Lowe"]
    assert [p.name for p in meeting.present] == ["Hale", "Irwin", "Kerr"]


def test_a_forename_in_place_of_initials_in_a_surname_first_list() -> None:
    text = (
        "Minutes of Monthly Meeting of Carrowbeg County Council held on 9th November 2026\n\n"
        "Members Present: Cllrs. Hale, J., Irwin, S., Murphy, Marie, Kerr, B. and Lowe, D.\n\n"
        "1.1 Vote of Sympathy\n\nSympathy was extended.\n\n"
        "2.1 Minutes\n\nThe minutes were adopted on the proposal of Cllr. Hale.\n"
    )
    names = [p.name for p in parse_text(text).meeting.present]
    assert names == ["Hale", "Irwin", "Murphy", "Kerr", "Lowe"]


_VOLUME = """COUNCIL OF 17th JUNE, 2027

MINUTES OF COMMITTEES

KILMORNE COUNCIL

Index to the Minutes

1. North Area Planning

North Area Planning Committee 1 - 5 of 12th May, 2027

2. Licensing

Licensing Committee 6 - 14 of 20th May, 2027

3. Planning Review Body

Planning Review Body 15 of 24th May, 2027

THE KILMORNE COUNCIL - NORTH AREA PLANNING COMMITTEE

12th May, 2027 2.00 p.m.

PRESENT: Councillors Ann Hale (Convener), Bo Irwin and Cy Kerr.
"""


def test_an_index_giving_the_pages_of_each_minute_is_no_item() -> None:
    parsed = parse_text(_VOLUME)
    assert not any(item.number in {"1", "2", "3"} for item in parsed.items)
    assert [p.name for p in parsed.meeting.present] == ["Ann Hale", "Bo Irwin", "Cy Kerr"]
    assert parsed.meeting.council == "Kilmorne Council"


def test_numbered_items_under_a_contents_heading_without_pages_are_items() -> None:
    text = (
        "Contents\n\n1. Apologies\n\nThere were no apologies.\n\n"
        "2. Minutes\n\nThe minutes were approved.\n\n3. Parks\n\nThe report was noted.\n"
    )
    assert [item.number for item in parse_text(text).items] == ["1", "2", "3"]


# ---- combined authorities, task groups and joint boards --------------------------------


def test_minute_codes_of_a_body_a_municipal_year_and_a_number() -> None:
    text = (
        "O&SC 24/25-41  APOLOGIES FOR ABSENCE\n\nApologies were received from Councillor Voss.\n\n"
        "O&SC 24/25-42  BUS FRANCHISING UPDATE\n\nRESOLVED – That the update be noted.\n\n"
        "O&SC 24/25-43  WORK PROGRAMME\n\nRESOLVED – That the work programme be noted.\n"
    )
    assert [(item.number, item.title) for item in parse_text(text).items] == [
        ("O&SC 24/25-41", "APOLOGIES FOR ABSENCE"),
        ("O&SC 24/25-42", "BUS FRANCHISING UPDATE"),
        ("O&SC 24/25-43", "WORK PROGRAMME"),
    ]


def test_items_numbered_item_5_1_where_item_5_has_no_heading() -> None:
    text = "".join(
        f"Item {number}  {title}\n\nThe Board noted the report.\n\n"
        for number, title in (
            ("4", "Rolling Action Log"),
            ("5.1", "Financial Monitoring"),
            ("5.2", "Revenue Budget"),
            ("6", "Commissioning Plan"),
        )
    )
    items = parse_text(f"Item 1  Welcome\n\nThe Chair welcomed members.\n\n{text}").items
    assert [item.number for item in items] == ["1", "4", "5.1", "5.2", "6"]


@pytest.mark.parametrize(
    ("minutes", "count"),
    [
        ("The IJB noted the assurance report.", 1),
        ("After discussion, the IJB noted the report.", 1),
        ("The IJB: a) noted the rolling action log; and b) agreed to close two actions.", 2),
        ("The notes of the meeting held on 6 October 2026 were agreed as an accurate record.", 1),
        ("The group agreed the revised timetable.", 1),
    ],
)
def test_a_board_by_its_initials_a_group_and_a_record_called_notes(
    minutes: str, count: int
) -> None:
    assert len(decisions(f"The Chief Officer introduced the report.\n\n{minutes}")) == count


def test_a_motion_carried_then_recorded_as_resolved_counts_once() -> None:
    found = decisions(
        "It was moved by Councillor Hale and seconded by Councillor Irwin that the call-in be"
        " upheld. On being put to the vote the motion was CARRIED.\n\nRESOLVED –\n\n"
        "(i)   That the call-in be upheld.\n\n(ii)  That the decision be referred back."
    )
    assert found == ["That the call-in be upheld.", "That the decision be referred back."]


def _dues(text: str) -> list[str | None]:
    item = parse_item(f"{text}\n", title="Item", meeting_date=_HELD)
    return [action.due for action in item.actions]


def test_report_backs_in_a_board_s_lettered_decision() -> None:
    assert _dues(
        "The IJB: a) approved the draft Plan for public consultation from 29 March to 21 May"
        " 2027; and b) agreed that the final Plan be presented to the IJB at its meeting on"
        " 23 June 2027."
    ) == ["2027-06-23"]
    assert _dues(
        "The IJB agreed that the Medium Term Financial Plan be refreshed and presented to the"
        " IJB in September 2027."
    ) == ["2027-09"]


def test_a_draft_for_the_group_to_consider_at_its_meeting() -> None:
    assert _dues(
        "The Chair would prepare a draft of the final report for the group to consider at its"
        " meeting on 9 March 2027."
    ) == ["2027-03-09"]


_TASK_GROUP = """Fenwick District Council

Notes of the meeting of the Parking Task and Finish Group held on Tuesday 24 November 2026

Attendees:
•\tCllr Harriet Pomfret (Chair)
•\tCllr Lewis Cattermole
•\tMark Feeney, Stainby Town Council (co-opted member)
•\tSarah Ingleby, Parking Services Manager

Apologies:
•\tCllr Bryony Ashe

Item 1: Car park income

It was agreed that occupancy data would be brought to the next meeting.

Item 2: Any other business

None.

Date of next meeting: Tuesday 12 January 2027 at 6.00pm
"""


def test_a_task_group_s_notes_attendees_and_next_meeting() -> None:
    parsed = parse_text(_TASK_GROUP)
    assert parsed.meeting.body == "Parking Task and Finish Group"
    assert [p.name for p in parsed.meeting.present] == [
        "Harriet Pomfret",
        "Lewis Cattermole",
        "Mark Feeney",
    ]
    assert [p.name for p in parsed.meeting.attending] == ["Sarah Ingleby"]
    # "to the next meeting": the date the notes give for it
    assert [action.due for action in parsed.items[0].actions] == ["2027-01-12"]


_JOINT_BOARD = """MINUTE of MEETING of the LOCHMORE INTEGRATION JOINT BOARD held on 17 MARCH 2027

Present:

Voting members
Councillor Fiona Strachan (Chair), Lochmore Council
Alasdair Munro (Vice Chair), Non-Executive Director, NHS Lochmore
Councillor Isla Gillespie, Lochmore Council
Dr Moira Lamont, Non-Executive Director, NHS Lochmore

Apologies:
Councillor Peter Lumsden; Professor Anne Gilfillan, Non-Executive Director, NHS
Lochmore; and Dr Iain Carnegie, Registered Medical Practitioner (non-voting member).

Item 1  Minute of Previous Meeting

The minute of the previous meeting was approved as a correct record.

Item 2  Strategic Risk Register

The IJB noted the register.
"""


def test_a_joint_board_s_members_one_a_line_with_whom_they_represent() -> None:
    meeting = parse_text(_JOINT_BOARD).meeting
    assert [p.name for p in meeting.present] == [
        "Fiona Strachan",
        "Alasdair Munro",
        "Isla Gillespie",
        "Moira Lamont",
    ]
    assert [p.name for p in meeting.apologies] == [
        "Peter Lumsden",
        "Anne Gilfillan",
        "Iain Carnegie",
    ]


def test_a_combined_authority_is_the_council_its_committee_belongs_to() -> None:
    parsed = parse_text(
        "HARROWDALE COMBINED AUTHORITY\n\nOVERVIEW AND SCRUTINY COMMITTEE\n\n"
        "Minutes of the meeting held on 22 January 2025\n\n"
        "1. Apologies\n\nNone.\n\n2. Work Programme\n\nRESOLVED – That the programme be noted.\n"
    )
    assert parsed.meeting.council == "Harrowdale Combined Authority"


# ---- select committees, planning committees and parish tables --------------------------


def test_an_agenda_reference_after_the_minute_s_title_is_not_the_title() -> None:
    text = (
        "23/26   APOLOGIES FOR ABSENCE [Item 1]\n\nNone.\n\n"
        "24/26   RECOMMENDATIONS TRACKER AND FORWARD WORK\nPROGRAMME [Item 8]\n\n"
        "The Select Committee noted the tracker.\n"
    )
    titles = [item.title for item in parse_text(text).items]
    assert titles == ["APOLOGIES FOR ABSENCE", "RECOMMENDATIONS TRACKER AND FORWARD WORK PROGRAMME"]


def test_a_select_committee_s_recommendations_are_its_decisions() -> None:
    item = parse_item(
        "Members asked about travel time.\n\nRecommendations:\n\nThe Select Committee:\n\n"
        "1.  Notes the proposed model for home-based care; and\n\n"
        "2.  Recommends that the Cabinet Member brings a report on the new contracts to the"
        " Select Committee in June 2027.\n",
        title="Home-based care",
        meeting_date="2026-12-09",
    )
    assert [r.label for r in item.resolutions] == ["1", "2"]
    assert [r.ref for r in item.recommendations] == ["1", "2"]
    assert [a.due for a in item.actions] == ["2027-06"]


def test_an_active_request_to_bring_something_to_a_meeting() -> None:
    assert _dues(
        "It was agreed that the Clerk obtain quotations for the fencing and bring them to the"
        " meeting on 8 February 2027."
    ) == ["2027-02-08"]


def test_a_district_s_councillor_and_a_member_with_the_body_they_represent() -> None:
    text = (
        "Minutes of the Adults Select Committee held on 9 December 2026\n\nPresent:\n\n"
        "Mr K Aldridge (Chairman)\nMrs P Lacey\n\nCo-opted Members:\n"
        "Borough Councillor Anne Weatherall, Drayford Borough Council\n"
        "Mr Desmond Ruddle, Healthwatch Wyvernshire\n\n"
        "1/26  APOLOGIES\n\nNone.\n\n2/26  MINUTES\n\nThe minutes were approved.\n"
    )
    names = [p.name for p in parse_text(text).meeting.present]
    assert names == ["K Aldridge", "P Lacey", "Anne Weatherall", "Desmond Ruddle"]


def test_each_application_s_outcome_after_its_vote_beside_a_later_resolved() -> None:
    found = decisions(
        "26/00871/FUL – Land north of Mill Lane\n\nProposed by Councillor Hale, seconded by"
        " Councillor Irwin.\n\nFor: 10, Against: 1, Abstain: 1\n\n"
        "That the application be approved subject to a Section 106 agreement.\n\n"
        "26/01012/HOU – 14 Chapel Row\n\nProposed by Councillor Kerr, seconded by Councillor"
        " Lowe.\n\nFor: 9, Against: 2, Abstain: 1\n\nDeferred for a site visit.\n\n"
        "26/01150/FUL – The Old Rectory\n\nRESOLVED that planning permission be GRANTED.\n"
    )
    assert len(found) == 3


def test_a_parish_s_responses_written_as_lines_of_dashed_parts() -> None:
    text = (
        "26/085 Planning. (a) The Council considered the following applications:\n"
        "26/02231/HOU – 7 Mill Close – single storey rear extension – No objection\n"
        "26/02265/FUL – Land adjacent to Rose Cottage – erection of two\n"
        "dwellings – Objection – overdevelopment of the plot\n"
        "(b) Decisions notified: 26/01877/HOU – 12 Bell Lane – side extension – Approved.\n\n"
        "26/086 Website. It was RESOLVED to renew the hosting agreement.\n"
    )
    first = parse_text(text).items[0]
    assert first.title == "Planning"
    assert [r.text for r in first.resolutions] == [
        "26/02231/HOU: No objection",
        "26/02265/FUL: Objection – overdevelopment of the plot",
    ]
    assert all(text[r.span.start : r.span.end] == r.source for r in first.resolutions)


_TAB_TABLE = (
    "Minutes of the Parish Council Meeting held on Monday 11 January 2027\n\n"
    "Min Ref\tMinute\tAction\n"
    "26/086\tFinance. (a) Payments. The following payments were approved. Proposed Cllr"
    " Rudge,\tClerk\n"
    "\tseconded Cllr Dunn, all in favour.\n"
    "26/087\tWebsite. It was RESOLVED to renew the hosting agreement.\tClerk\n"
)


def test_a_word_table_s_action_column_is_not_the_minute_s_words() -> None:
    item = parse_text(_TAB_TABLE).items[0]
    assert (item.number, item.title) == ("26/086", "Finance")
    assert "Clerk" not in item.text
    assert [r.text for r in item.resolutions] == ["The following payments were approved."]


def test_recommendations_by_a_tracker_s_codes() -> None:
    item = parse_item(
        "The Chairman noted the responses to recommendations A11/26 and A12/26.\n",
        title="Tracker",
    )
    assert [r.ref for r in item.recommendations] == ["A11/26", "A12/26"]


def test_a_clause_the_page_broke_off_goes_on_after_the_foot_and_head() -> None:
    head = "Kelmarsh Combined Authority          Overview and Scrutiny Committee – 22 January 2025"
    text = (
        f"{head}\n\n1. APOLOGIES\n\nNone.\n\n                 Page 1\n\n{head}\n\n"
        "2. WORK PROGRAMME\n\nRESOLVED –\n\n(i)   That the work programme be noted.\n\n"
        "(ii)  That the business plan be added\n\n                 Page 2\n\n"
        f"{head}\n\n      to the meeting on 19 March 2025.\n\n3. CLOSE\n\nThe meeting closed.\n"
    )
    item = parse_text(text).items[1]
    assert [r.text for r in item.resolutions][1] == (
        "That the business plan be added to the meeting on 19 March 2025."
    )
    assert [a.due for a in item.actions] == ["2025-03-19"]
    assert all(text[a.span.start : a.span.end] == a.source for a in item.actions)


def test_an_outcome_line_repeated_under_many_motions_is_not_page_furniture() -> None:
    motion = (
        "{n}. MINUTES OF MEETING {n}\nProposed by Councillor Hale\nSeconded by Councillor"
        " Irwin\nAND AGREED\n“To confirm the minutes of meeting {n}.”\n"
    )
    text = "".join(motion.format(n=n) for n in range(1, 5))
    assert [len(item.resolutions) for item in parse_text(text).items] == [1, 1, 1, 1]


# ---- bilingual minutes, decision notices, action points --------------------------------

_BILINGUAL = """COFNODION / MINUTES

Pwyllgor Craffu / Scrutiny Committee – Dyddiad / Date: 26 November 2026

YN BRESENNOL / PRESENT:
Y Cynghorydd / Councillor Gwen Pryce (Cadeirydd / Chair)
Y Cynghorydd / Councillor Rhys Aldred, Alun Haverfield*, Nerys Mostyn a/and Paul Rathbone

YMDDIHEURIADAU / APOLOGIES: Y Cynghorydd / Councillor Owain Pennant

1. COFNODION / MINUTES

PENDERFYNWYD / RESOLVED – that the minutes of the meeting held on 8 October 2026 be
approved.

2. BLAENRAGLEN WAITH / FORWARD WORK PROGRAMME

PENDERFYNWYD / RESOLVED – that the work programme be approved, subject to the addition of
a report on agency staff to the meeting on 20 April 2027.
"""


def test_minutes_printed_in_welsh_and_english() -> None:
    parsed = parse_text(_BILINGUAL)
    names = [p.name for p in parsed.meeting.present]
    assert names == [
        "Gwen Pryce",
        "Rhys Aldred",
        "Alun Haverfield",
        "Nerys Mostyn",
        "Paul Rathbone",
    ]
    assert [p.name for p in parsed.meeting.apologies] == ["Owain Pennant"]
    assert [len(item.resolutions) for item in parsed.items] == [1, 1]
    assert [a.due for a in parsed.items[1].actions] == ["2027-04-20"]


_NOTICE = """DECISION NOTICE – EXECUTIVE – 2 December 2026

Executive Members present:
Councillor Miriam Oduya – Leader of the Council (Chair)
Councillor Peter Sands – Executive Member for Finance and Resources

Apologies: Councillor Lorna Egerton – Executive Member for Communities and Culture

Decision reference: EX/26/061
Title: Medium Term Financial Strategy and Draft Budget Proposals
for Consultation
Decision:
1.  To approve the draft budget proposals for consultation.
2.  To note the forecast funding gap.
Reasons for the decision: The Council must set a balanced budget by 11 March 2027.
Call-in deadline: 5pm on 9 December 2026
Implementation date: 10 December 2026

Decision reference: EX/26/062
Title: Adult Social Care Charging Policy Review
Decision:
1.  To approve the revised policy.
2.  To request a progress report on the revised policy to the Executive in June 2027.
Reasons for the decision: The policy had not been reviewed since 2019.
Call-in deadline: 5pm on 9 December 2026
"""


def test_a_decision_notice_s_decisions_are_its_items() -> None:
    parsed = parse_text(_NOTICE)
    assert [(item.number, item.title) for item in parsed.items] == [
        ("EX/26/061", "Medium Term Financial Strategy and Draft Budget Proposals for Consultation"),
        ("EX/26/062", "Adult Social Care Charging Policy Review"),
    ]
    first, second = parsed.items
    assert [r.text for r in first.resolutions] == [
        "To approve the draft budget proposals for consultation.",
        "To note the forecast funding gap.",
    ]
    assert [a.due for a in first.actions + second.actions] == ["2027-06"]
    assert parsed.meeting.body == "EXECUTIVE"
    assert [p.name for p in parsed.meeting.present] == ["Miriam Oduya", "Peter Sands"]
    assert [p.name for p in parsed.meeting.apologies] == ["Lorna Egerton"]


def test_an_action_point_row_goes_to_the_item_it_names() -> None:
    text = (
        "14. Parking Permit Charges\n\nMinutes:\n\nRESOLVED: That the decision take effect.\n\n"
        "15. Housing Repairs\n\nMinutes:\n\nRESOLVED: That the update be noted.\n\n"
        "16. Any Other Business\n\nMinutes:\n\nThere was none.\n\nAction points\n\n"
        "No. | Action | Responsibility | Deadline\n"
        "1 | Item 14 - Circulate the impact assessment to all members | Head of Parking |"
        " 31 December 2026\n"
        "2 | Item 15 - Report on damp and mould cases | Director of Housing | March 2027\n"
    )
    items = parse_text(text).items
    assert [[a.due for a in item.actions] for item in items] == [["2026-12-31"], ["2027-03"], []]


def test_a_member_named_again_by_surname_is_listed_once() -> None:
    text = (
        "Minutes of the Overview and Scrutiny Committee held on 17 November 2026\n\n"
        "Apologies: Councillor Hassan Mirza and Councillor Ruth Doe\n\n"
        "1. Apologies for Absence\n\nApologies were received from Councillor Mirza and"
        " Councillor Doe.\n\n2. Minutes\n\nThe minutes were approved.\n"
    )
    assert [p.name for p in parse_text(text).meeting.apologies] == ["Hassan Mirza", "Ruth Doe"]


# ---- minute letters, numerals, joint bodies and lists of decisions ---------------------


def test_minutes_numbered_with_the_meeting_s_letters() -> None:
    text = (
        "EC1   APOLOGIES FOR ABSENCE\n\nApologies were received from Councillor Hale.\n\n"
        "EC2   DECLARATIONS OF INTEREST\n\nThere were none.\n\n"
        "EC3   WINTER NIGHT SHELTER\n\nRESOLVED that the funding be approved.\n"
    )
    assert [item.number for item in parse_text(text).items] == ["EC1", "EC2", "EC3"]


def test_items_numbered_in_roman_numerals() -> None:
    text = "".join(
        f"{numeral}.  {title}\n\nThe Joint Committee noted the update.\n\n"
        for numeral, title in (
            ("I", "ELECTION OF CHAIR"),
            ("II", "APOLOGIES"),
            ("III", "MINUTES"),
            ("IV", "DECLARATIONS OF INTEREST"),
            ("V", "PERFORMANCE REPORT"),
        )
    )
    items = parse_text(text).items
    assert [(item.number, item.title) for item in items][3:] == [
        ("IV", "DECLARATIONS OF INTEREST"),
        ("V", "PERFORMANCE REPORT"),
    ]
    assert len(items) == 5


def test_the_close_of_a_consultation_is_not_a_due() -> None:
    assert (
        _dues(
            "RESOLVED that the Council asks the Chief Executive to respond formally to the County"
            " Council's consultation on the site before it closes on 5 January 2027."
        )
        == []
    )


def test_a_heading_naming_two_councils_is_a_joint_body_s() -> None:
    parsed = parse_text(
        "ASHVALE BOROUGH COUNCIL AND BRINDLE DISTRICT COUNCIL\n\n"
        "ASHVALE AND BRINDLE JOINT WASTE COMMITTEE\n\n"
        "Minutes of the meeting held on 18 November 2026\n\n"
        "I.  APOLOGIES\n\nNone.\n\nII.  MINUTES\n\nThe minutes were approved.\n"
    )
    assert parsed.meeting.council is None
    assert parsed.meeting.body == "Ashvale and Brindle Joint Waste Committee"


_LISTING = """Decisions

Decision maker: All decision makers

Leisure Centre Refurbishment Contract Award

Decision Maker: Cabinet

Meeting: 01/12/2026 - Cabinet (Item 71)

Decision published: 02/12/2026

Decision:
1. Awarded the contract for the refurbishment.
2. Delegated authority to agree the closure dates.

Decision status: Recommendations Approved

Revised Street Trading Policy

Decision Maker: Cabinet Member for Regulatory Services

Decision published: 04/12/2026

Decision:
Approved the revised Street Trading Policy and asked for a report on its first year to be
brought to Cabinet in March 2027.

Decision status: Recommendations Approved
"""


def test_a_website_s_list_of_decisions_by_several_makers() -> None:
    parsed = parse_text(_LISTING)
    assert [item.title for item in parsed.items] == [
        "Leisure Centre Refurbishment Contract Award",
        "Revised Street Trading Policy",
    ]
    assert [len(item.resolutions) for item in parsed.items] == [2, 1]
    assert not any("Maker" in r.text for item in parsed.items for r in item.resolutions)
    assert (parsed.meeting.body, parsed.meeting.date) == (None, None)
    assert [a.due for a in parsed.items[1].actions] == ["2027-03"]
