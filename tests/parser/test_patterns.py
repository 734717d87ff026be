"""The layouts councils publish, each on a short text written for the test: how items are
numbered, how decisions are worded, how report-backs are dated, how attendance is listed."""

from __future__ import annotations

import pytest

from scrutiny_tui.parser import parse_item, parse_text
from scrutiny_tui.parser.model import ParsedDocument


def items_of(text: str) -> list[tuple[str | None, str]]:
    return [(item.number, item.title) for item in parse_text(text).items]


def decisions_of(text: str) -> list[int]:
    return [len(item.resolutions) for item in parse_text(text).items]


def dues_of(parsed: ParsedDocument) -> list[str | None]:
    return [action.due for item in parsed.items for action in item.actions]


# ---- item segmentation: the document's own numbering scheme ------------------------------


def test_number_alone_above_its_title_with_moderngov_chrome() -> None:
    text = (
        "Agenda and minutes\n\nVenue: Civic Centre. View directions\n\nContact: Democratic"
        " Services\n\nItems\nNo. Item\n\n35/20\n\nApologies for absence\n\nMinutes:\n\n"
        "Apologies were received from Councillors Hale and Irwin.\n\n36/20\n\n"
        "Minutes of the meeting held on 2 July 2020 pdf icon PDF 458 KB\n\nMinutes:\n\n"
        "The minutes of the meeting held on 2 July 2020 were confirmed as a correct record.\n"
    )
    assert items_of(text) == [
        ("35/20", "Apologies for absence"),
        ("36/20", "Minutes of the meeting held on 2 July 2020"),
    ]


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (["*450 Minutes", "*451 Petitions", "*452 Budget 2016/17"], ["*450", "*451", "*452"]),
        (
            ["C/210 Minutes", "C/211 Questions", "C/212 Motions"],
            ["C/210", "C/211", "C/212"],
        ),
        (
            ["Minute 45/23 Apologies", "Minute 46/23 Declarations", "Minute 47/23 Budget"],
            ["45/23", "46/23", "47/23"],
        ),
        (
            ["107/20 Apologies", "108/20 Minutes", "109/20 Housing Update"],
            ["107/20", "108/20", "109/20"],
        ),
    ],
)
def test_inline_numbering_schemes(numbers: list[str], expected: list[str]) -> None:
    text = "\n\n".join(f"{heading}\n\nThe Committee discussed the matter." for heading in numbers)
    assert [number for number, _ in items_of(text)] == expected


def test_year_suffixed_codes_alone_on_their_lines() -> None:
    text = (
        "AM125\n\nOpening\n\nMinutes:\n\nThe Mayor opened the meeting.\n\n"
        "AM225\n\nRoll Call\n\nMinutes:\n\nThe roll was taken.\n\n"
        "AM325\n\nSchedule of Meetings\n\nMinutes:\n\nThe matter was discussed.\n"
    )
    assert items_of(text) == [
        ("AM125", "Opening"),
        ("AM225", "Roll Call"),
        ("AM325", "Schedule of Meetings"),
    ]


def test_parish_codes_with_agenda_style_titles() -> None:
    text = (
        "F01:02/25 Receive apologies.\nApologies came from Cllr Hart.\n"
        "F02:02/25 Receive any interests declared.\nNone.\n"
        "F03:02/25 To choose a Vice-Chair.\nRESOLVED: Cllr Kerr chosen as vice-chair.\n"
    )
    assert [number for number, _ in items_of(text)] == ["F01:02/25", "F02:02/25", "F03:02/25"]
    assert decisions_of(text) == [0, 0, 1]


def test_numbered_paragraphs_and_resolution_clauses_are_not_items() -> None:
    text = (
        "12. Budget Monitoring\n\nThe Committee considered the report.\n\n"
        "12.1 Members asked about the overspend.\n\n12.2 The officer explained the forecast.\n\n"
        "RESOLVED – That the Committee:\n\n1. notes the report;\n\n2. asks for an update.\n\n"
        "13. Work Programme\n\nThe work programme was noted.\n"
    )
    assert items_of(text) == [("12", "Budget Monitoring"), ("13", "Work Programme")]
    assert decisions_of(text)[0] == 2


def test_page_chrome_and_running_heads_are_never_titles() -> None:
    text = (
        "Issue - meetings\n\nAgenda item\n\nHighways Maintenance Plan\n\n"
        "The Cabinet Member introduced the plan.\n\nThat the plan be noted.\n"
    )
    assert items_of(text) == [(None, "Highways Maintenance Plan")]


def test_unnumbered_moderngov_list_of_titles() -> None:
    text = (
        "No. Item\n\nApologies for absence\n\nNo apologies for absence were received.\n\n"
        "Declarations of interest\n\nThere were no declarations of interest.\n\n"
        "Matters arising\n\nThere were no matters arising.\n"
    )
    assert [title for _, title in items_of(text)] == [
        "Apologies for absence",
        "Declarations of interest",
        "Matters arising",
    ]


def test_flattened_table_rows_each_an_item() -> None:
    text = (
        "No. | Item | |\n---|---|---|\n"
        "APOLOGIES FOR ABSENCE To receive apologies. Minutes: Apologies were received from"
        " Councillor Ray. |\n||\n"
        "PREVIOUS MINUTES PDF 201 KB The minutes are presented. Minutes: RESOLVED: That"
        " the minutes be approved. |\n||\n"
    )
    assert items_of(text) == [(None, "APOLOGIES FOR ABSENCE"), (None, "PREVIOUS MINUTES")]
    assert decisions_of(text) == [0, 1]


def test_capital_heading_wrapped_over_two_lines() -> None:
    text = (
        "1. OPENING\nMEETING\nThe Mayor opened the meeting.\n"
        "2. ACKNOWLEDGEMENT\nThe Mayor acknowledged the traditional owners.\n"
    )
    assert items_of(text) == [("1", "OPENING MEETING"), ("2", "ACKNOWLEDGEMENT")]


# ---- decisions -------------------------------------------------------------------------


def test_lead_in_is_not_a_decision_and_inline_labels_split() -> None:
    text = (
        "5. Budget\n\nRESOLVED: That the Committee:-\n\n(a) notes the report;\n\n"
        "(b) requests an update.\n\n6. Parks\n\nRESOLVED – that (A) the plan be approved"
        " and (B) the survey be published.\n"
    )
    assert decisions_of(text) == [2, 2]


def test_nested_clauses_belong_to_their_clause() -> None:
    text = (
        "5. Capital Programme\n\nDecision:\n\nThat Council be recommended to:\n\n"
        "1. Approve the programme of £14 million.\n\n2. Approve the additional resources for;\n\n"
        "i. twelve new projects;\n\nii. eight existing projects.\n"
    )
    (item,) = parse_text(text).items
    assert [r.label for r in item.resolutions] == ["1", "2"]
    assert [r.ref for r in item.recommendations] == ["1", "2"]


def test_decision_printed_twice_counts_once() -> None:
    text = (
        "1. Choosing the Chair\n\nDecision:\n\nAgreed that Councillor Hale chairs the Panel.\n\n"
        "Minutes:\n\nCouncillor Irwin put forward Councillor Hale; Councillor Kerr agreed.\n\n"
        "Resolved –\n\nThat Councillor Hale take the chair of the Panel for 2025/26.\n"
    )
    assert decisions_of(text) == [1]


@pytest.mark.parametrize(
    "sentence",
    [
        "That the spoken briefing be noted.",
        "Council noted the annual statement.",
        "The Board confirmed the minutes of its last meeting as accurate.",
        "The minutes of 5 March were taken as read and signed.",
        "The Minutes of the Council of 2 May were approved without change.",
        "Ms Kerr, on a show of hands, was duly elected to the vacant seat.",
        "Approval deferred until the accounts arrive.",
    ],
)
def test_decisions_without_the_keyword(sentence: str) -> None:
    item = parse_item(f"The Chair introduced the item.\n\n{sentence}\n", title="Item")
    assert len(item.resolutions) == 1


@pytest.mark.parametrize(
    "paragraph",
    [
        "A figure in the third table was queried and needs checking. Approval deferred until"
        " the treasurer has replied.",
        "The Clerk set out the three quotations for the shelter. Council decided to accept the"
        " lowest.",
    ],
)
def test_a_decision_closing_a_paragraph_of_discussion(paragraph: str) -> None:
    item = parse_item(f"{paragraph}\n", title="Item")
    assert len(item.resolutions) == 1


def test_a_paragraph_of_discussion_alone_decides_nothing() -> None:
    item = parse_item(
        "Members discussed the cost of the shelter. The officer noted their concerns.\n",
        title="Item",
    )
    assert item.resolutions == []


@pytest.mark.parametrize(
    "motion",
    [
        "It was proposed by Councillor Hale, seconded by Councillor Irwin, and RESOLVED\n\n"
        "“That the notes of the site visit be ADOPTED.”",
        "Proposed by Councillor Hale\nSeconded by Councillor Irwin\nAND AGREED\n\n"
        "“To adopt the revised lettings policy.”",
        "On a motion from Cllr Hale, seconded by Cllr Irwin it was unanimously AGREED that"
        " Cllr Kerr chairs the review group.",
        "Council resolution\n\nCouncillors Hale / Irwin\n\nThat the fees schedule be adopted.",
        "Moved by: Councillor J. Hale\n\nSeconded by: Councillor S. Irwin\n\n"
        "THAT the agenda be approved.\n\nMotion Carried Unanimously",
        "Hale moved, Irwin seconded, adoption of the agenda as circulated.",
    ],
)
def test_motions_proposed_and_seconded_are_decisions(motion: str) -> None:
    item = parse_item(f"The Chair opened the item.\n\n{motion}\n", title="Motion")
    assert len(item.resolutions) == 1


@pytest.mark.parametrize(
    ("motion", "decided"),
    [
        # the mover's words run on to the seconder: "A proposed …, B seconded"
        (
            "Cllr Hale proposed that the new bench be bought, Cllr Irwin seconded, unanimous"
            " approval.",
            "the new bench be bought",
        ),
        (
            "Cllr Hale proposed Jo Reed is co-opted to the vacant seat, Cllr Irwin seconded"
            " and all were in favour.",
            "Jo Reed is co-opted to the vacant seat",
        ),
        # the record of the vote and of the seconder is not the decision's words
        (
            "Cllr Hale proposed that the new bench be bought, seconded by Cllr Irwin.",
            "the new bench be bought",
        ),
        (
            "It was proposed by Cllr Hale and seconded by Cllr Irwin that the new bench be"
            " bought. All in favour.",
            "the new bench be bought.",
        ),
        (
            "Proposed Cllr Hale, seconded Cllr Irwin, that the new bench be bought. Carried"
            " unanimously.",
            "the new bench be bought.",
        ),
        (
            "It was MOVED by Hale, seconded by Irwin, to approve the cost of the new bench."
            " Unanimously carried by voice vote.",
            "to approve the cost of the new bench.",
        ),
    ],
)
def test_a_motion_s_decision_is_its_words_without_the_record_of_the_vote(
    motion: str, decided: str
) -> None:
    item = parse_item(f"The Clerk read the quotes.\n\n{motion}\n", title="Bench")
    assert [r.text for r in item.resolutions] == [decided]


def test_a_motion_proposed_and_seconded_then_lost_decides_nothing() -> None:
    item = parse_item(
        "Cllr Hale proposed that the bench be bought, Cllr Irwin seconded. The motion was lost.\n",
        title="Bench",
    )
    assert item.resolutions == []


def test_numbered_resolution_records_each_open_a_motion() -> None:
    # "Resolution Record No." headings straight after a paragraph, no blank line between:
    # each record opens its own motion, so two carried motions are two decisions
    item = parse_item(
        "The Mayor asked for a show of hands on the grants.\n\n"
        "Resolution Record No. WTC/112/19\n"
        "Proposed by Cllr. P Dunne and seconded by Cllr. R Okafor\n"
        "CARRIED: 7 for 1 against\n"
        "THAT THE YOUTH CLUB GRANT BE INCREASED TO FOUR HUNDRED POUNDS\n"
        "The Clerk explained that the budget line could absorb the rise.\n"
        "Resolution Record No: WTC/113/19\n"
        "Proposed by Cllr. R Okafor and seconded by Cllr. M Lisle\n"
        "CARRIED: Unanimous\n"
        "THAT THE ALLOTMENT RENTS BE FROZEN FOR ONE YEAR\n\n"
        "The Clerk noted both decisions.\n",
        title="Grants",
    )
    assert len(item.resolutions) == 2


_BEFORE_THE_CUT = (
    "1. Apologies\n\nNone were received.\n\n2. Community Hall\n\n"
    "Members discussed the bookings for the hall.\n\n"
)


@pytest.mark.parametrize(
    "cut",
    [
        "RESOLVED:\n\nThat the Board:\n\nA: Thanks the volunteers for their work on the gar",
        "Moved by: Councillor J. Hale\n\nSeconded by: Councillor S. Irwin\n\n"
        "THAT the hall be let to the choir on Tuesd",
        "Resolution Record No: WTC/114/19",
        "Mr Sam Irwin was duly proposed and seconded and on being put to the vote wa",
    ],
)
def test_a_decision_cut_off_by_the_end_of_the_text_counts_once(cut: str) -> None:
    # an excerpt that stops inside a decision's opening words still records the decision
    assert decisions_of(_BEFORE_THE_CUT + cut) == [0, 1]


@pytest.mark.parametrize(
    "ending",
    [
        # the text ends as a finished text does: the motion records no outcome, so no decision
        "Moved by: Councillor J. Hale\n\nSeconded by: Councillor S. Irwin\n\n"
        "THAT the hall be let to the choir on Tuesdays.\n",
        # cut off in discussion: nothing was opened that the cut could have ended
        "The Clerk said that the choir had asked about the",
        # a motion that found no proposer and seconder, then the cut
        "The motion to close the hall was not proposed and seconded, and the Chair moved to the",
        # the decision opened long before the cut, in a paragraph of its own
        "Resolution Record No: WTC/114/19\n\nThe Clerk read the letter.\n\n"
        "Members asked about the heating.\n\nThe Chair thanked them.\n\n"
        "The Clerk noted the dates.\n\nMembers discussed the",
    ],
)
def test_an_unfinished_motion_or_discussion_is_not_a_cut_off_decision(ending: str) -> None:
    assert decisions_of(_BEFORE_THE_CUT + ending) == [0, 0]


def test_a_member_duly_proposed_seconded_and_elected_is_one_decision() -> None:
    item = parse_item(
        "Mr Sam Irwin was duly proposed and seconded and on being put to the vote was duly"
        " elected to the Council.\n",
        title="Co-option",
    )
    assert len(item.resolutions) == 1


def test_a_lost_motion_is_not_a_decision() -> None:
    item = parse_item(
        "Councillor Reed moved, Councillor Hay seconded, that the scheme be paused.\n\n"
        "On being put to the vote the motion was LOST.\n",
        title="Scheme",
    )
    assert item.resolutions == []


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # the label ends a flattened row, its decision's clauses on the lines below
        (
            "4. | Play Area Renewal PDF 210 KB Report of the Director of Place Additional"
            " documents: Minutes: RESOLVED:\n1. To approve the new play equipment.\n"
            "2. To delegate the order to the Director of Place.\n|\n",
            2,
        ),
        # the label after a contact's telephone number, the decision's words on the same line
        (
            "4 Play Area Renewal\n\nThe Board will receive the renewal plan.\n"
            "Contact: Sam Hale, Parks Officer Tel: 01234 567890 Decision: That the renewal"
            " plan be endorsed.\n",
            1,
        ),
        # "Decision:" inside a title is no label
        (
            "4 Play Area Renewal\n\nMembers discussed the Cabinet Decision: Disposal of"
            " the old depot, which the report described.\n",
            0,
        ),
    ],
)
def test_a_decision_label_inside_a_flattened_row(row: str, expected: int) -> None:
    text = "3. | Apologies | None were received. |\n\n" + row
    assert decisions_of(text)[-1] == expected


# ---- recommendations ---------------------------------------------------------------------


def test_recommendation_ranges_expand_to_refs() -> None:
    item = parse_item(
        "RESOLVED: that recommendations (1 to 6) of the review be endorsed.\n", title="Review"
    )
    assert [r.ref for r in item.recommendations] == ["1", "2", "3", "4", "5", "6"]


# ---- report-back dues --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("held", "sentence", "due"),
    [
        ("2016-09-12", "a report be brought to the meeting on 21st November 2016.", "2016-11-21"),
        ("2022-01-20", "a further report be brought to the Committee in June 2022.", "2022-06"),
        ("2023-03-15", "an update be brought to the April meeting.", "2023-04"),
        ("2023-10-12", "an update be reported back at the March meeting.", "2024-03"),
        ("2023-03-15", "a report be submitted by 30 June 2023.", "2023-06-30"),
        ("2023-03-15", "a progress report be brought back in six months' time.", "2023-09"),
    ],
)
def test_report_back_dues(held: str, sentence: str, due: str) -> None:
    item = parse_item(f"RESOLVED – that {sentence}\n", title="Item", meeting_date=held)
    assert [action.due for action in item.actions] == [due]


def test_relative_dues_need_the_meeting_date() -> None:
    item = parse_item("RESOLVED – that an update be brought to the April meeting.\n", title="X")
    assert [action.due for action in item.actions] == [None]


def test_a_date_before_the_meeting_is_not_a_due() -> None:
    item = parse_item(
        "RESOLVED – that the minutes of the meeting held on 8 June 2021 be received.\n",
        title="Minutes",
        meeting_date="2021-07-13",
    )
    assert [action.due for action in item.actions if action.due] == []


# ---- meeting facts and attendance --------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "body", "date"),
    [
        ("Council - Thursday, 26 July 2012 2.00 p.m.", "Council", "2012-07-26"),
        ("Meeting: 14/05/2025 - Council (Item 7)", "Council", "2025-05-14"),
        ("Decided at meeting: 07/06/2022 - Cabinet", "Cabinet", "2022-06-07"),
        (
            "MINUTES of a meeting of the Children's Services Committee held on 8 May 2019 at 10am",
            "Children's Services Committee",
            "2019-05-08",
        ),
    ],
)
def test_meeting_headers(header: str, body: str, date: str) -> None:
    parsed = parse_text(f"{header}\n\n1. Apologies\n\nNone.\n")
    assert (parsed.meeting.body, parsed.meeting.date) == (body, date)


def test_a_meeting_of_the_council_itself_names_the_council() -> None:
    parsed = parse_text(
        "Minutes of a meeting of Ashcombe Parish Council held on Thursday 3 July 2025\n\n"
        "1. Apologies\n\nNone.\n"
    )
    assert (parsed.meeting.council, parsed.meeting.body, parsed.meeting.date) == (
        "Ashcombe Parish Council",
        "Council",
        "2025-07-03",
    )


@pytest.mark.parametrize(
    ("header", "council", "body", "date"),
    [
        (
            "Wexcombe Borough Council - Tuesday, 4 March 2025 7.00 pm",
            "Wexcombe Borough Council",
            "Council",
            "2025-03-04",
        ),
        (
            "Minutes of the Meeting of the Full Harrowdene Town Council held at 7pm on Monday"
            " 2nd June 2025",
            "Harrowdene Town Council",
            "Full Council",
            "2025-06-02",
        ),
        (
            "Minutes of the Ninety & Second Annual Meeting of the Pelham Parish Council held in"
            " the Old School on Tuesday 13th May 2025, 7pm",
            "Pelham Parish Council",
            "Council",
            "2025-05-13",
        ),
        (
            "MINUTES OF THE ORDINARY MEETING OF THE COUNCIL HELD IN RIVERMEAD HOUSE ON"
            " TUESDAY 3 JUNE 2025 AT 6.30 PM",
            None,
            "Council",
            "2025-06-03",
        ),
        (
            # a flattened page: the heading runs on into the minutes, whose later sentences
            # record decisions of their own
            "MINUTES OF PROCEEDINGS OF QUARTERLY MEETING OF KILDARROW COUNTY COUNCIL HELD IN"
            " THE CHAMBER AT 2.00 PM ON 4th May, 2025 Present Cllr. Anne Byrne, Chair. The"
            " minutes of the April meeting were confirmed.",
            "Kildarrow County Council",
            "Council",
            "2025-05-04",
        ),
    ],
)
def test_a_heading_saying_the_council_met_names_it_as_the_body(
    header: str, council: str | None, body: str, date: str
) -> None:
    parsed = parse_text(f"{header}\n\n1. Apologies\n\nNone.\n")
    assert (parsed.meeting.council, parsed.meeting.body, parsed.meeting.date) == (
        council,
        body,
        date,
    )


def test_a_council_banner_alone_is_not_a_meeting_of_the_council() -> None:
    parsed = parse_text("Greystone Council\n\nAgenda and minutes\n\n1. Apologies\n\nNone.\n")
    assert (parsed.meeting.council, parsed.meeting.body) == ("Greystone Council", None)


def test_present_in_prose_with_honours_and_officers_apart() -> None:
    parsed = parse_text(
        "PRESENT: Councillor J Hale (Chairman)\n"
        "Aldermen T Kerr OBE, S Irwin and P Lowe\n\n"
        "IN ATTENDANCE: Head of Finance, Mr R Dunn\n\n1. Apologies\n\nNone.\n"
    )
    names = [person.name for person in parsed.meeting.present]
    assert names[:2] == ["J Hale", "T Kerr OBE"]
    assert "R Dunn" not in names
    assert "R Dunn" in [person.name for person in parsed.meeting.attending]


def test_cllrs_run_and_apologies_in_prose() -> None:
    parsed = parse_text(
        "Present: Cllrs J Hale, S Irwin and T Kerr.\n\n1. Apologies\n\n"
        "Apologies for absence were intimated from Councillors Lowe and MacAndrew.\n"
    )
    assert [p.name for p in parsed.meeting.present] == ["J Hale", "S Irwin", "T Kerr"]
    assert [p.name for p in parsed.meeting.apologies] == ["Lowe", "MacAndrew"]


def test_attendance_names_on_the_items_own_title_line() -> None:
    # the names run on from the title, without commas, as a flattened PDF prints them
    parsed = parse_text(
        "Minutes of the Meeting of Pentre Ucha Community Council held on 3rd March 2021\n\n"
        "Minute no. 1 – Members Present Councillors: R Pryce D Howells M A Jenkins T Vaughan\n\n"
        "Minute no. 2 – Apologies for Absence None were received.\n\n"
        "Minute no. 3 – Bus Shelter The Clerk reported that the new shelter had been ordered.\n"
    )
    assert parsed.items[0].title == "Members Present"
    names = [p.name for p in parsed.meeting.present]
    assert names == ["R Pryce", "D Howells", "M A Jenkins", "T Vaughan"]


def test_apologies_listed_on_a_contents_row_after_the_title() -> None:
    parsed = parse_text(
        "No Item Decisions\n\n1. Chair's Business Received\n\n"
        "2. Apologies Councillors Orr,\n\nMcIlroy and Quigley\n\n"
        "3. Declarations of Members' Interests Recorded\n"
    )
    assert [(item.number, item.title) for item in parsed.items][1] == ("2", "Apologies")
    assert [p.name for p in parsed.meeting.apologies] == ["Orr", "McIlroy", "Quigley"]


def test_a_sentence_after_an_apologies_title_is_not_a_list() -> None:
    parsed = parse_text(
        "14/21 Apologies: Cllr. H Price sent her apologies.\n\n15/21 Minutes\n\nApproved.\n"
    )
    assert [p.name for p in parsed.meeting.apologies] == ["H Price"]


# ---- not minutes -------------------------------------------------------------------------


def test_an_agenda_front_sheet_is_flagged_and_decides_nothing() -> None:
    parsed = parse_text(
        "1. APOLOGIES FOR ABSENCE\nTo receive apologies from Members.\n"
        "2. MINUTES\nTo approve the minutes of the last meeting.\n"
        "3. WORK PROGRAMME\nTo agree the priorities for future meetings.\n"
    )
    assert len(parsed.items) == 3
    assert all(not item.resolutions for item in parsed.items)
    assert any(warning.startswith("not minutes") for warning in parsed.warnings)


def test_a_shopping_list_is_not_minutes() -> None:
    parsed = parse_text("Bring a pen.\n\nAsk about parking.\n")
    assert parsed.items == []
    assert "no agenda items found" in parsed.warnings


@pytest.mark.parametrize(
    "decision",
    [
        "RESOLVED – that the meeting be extended beyond 10pm.",
        "RESOLVED – that the press and public be excluded for the following item.",
        "RESOLVED – that Standing Orders be suspended to allow the item to be heard.",
    ],
)
def test_procedural_votes_are_marked_procedural(decision: str) -> None:
    item = parse_item(f"{decision}\n", title="Procedure")
    assert [r.kind for r in item.resolutions] == ["procedural"]


def test_short_headings_may_end_with_a_full_stop() -> None:
    text = (
        "5 To Check & Sign the last minutes.\n"
        "Proposed (JH) & Seconded (SI) that the minutes be signed.\n"
        "6 Matters arising.\n"
        "6.1 Bus Shelter - the repair is booked for October.\n"
    )
    assert [number for number, _ in items_of(text)] == ["5", "6"]


def test_it_was_agreed_within_a_paragraph() -> None:
    item = parse_item(
        "Cllr Hale – it was agreed by Members that Cllr Hale would sign the form at the"
        " following meeting.\n",
        title="Apologies for Absence",
    )
    assert len(item.resolutions) == 1


def test_a_title_opening_with_decisions_is_a_title() -> None:
    parsed = parse_text(
        "67. Budget Monitoring\n\nRESOLVED that the budget report be noted.\n\n"
        "68. Decisions taken outside the Panel's meeting cycle\n\n"
        "The Panel received a report on two urgent decisions.\n\n"
        "RESOLVED that the two decisions be noted.\n"
    )
    assert [item.title for item in parsed.items] == [
        "Budget Monitoring",
        "Decisions taken outside the Panel's meeting cycle",
    ]
    assert [len(item.resolutions) for item in parsed.items] == [1, 1]
    item = parse_item(
        "Decision published: 04/04/2025\n\nThe minutes of 4 March were approved.\n", title="Minutes"
    )
    assert [r.text for r in item.resolutions] == ["The minutes of 4 March were approved."]


def test_what_a_decision_label_heads_is_read_alike_inline_and_below() -> None:
    inline = parse_item(
        "Decision: Cllr Ruth Pell declared an interest as a governor of the academy.\n",
        title="Declarations",
    )
    below = parse_item(
        "Decision:\n\nCllr Ruth Pell declared an interest as a governor of the academy.\n",
        title="Declarations",
    )
    assert inline.resolutions == [] and below.resolutions == []
    decided = parse_item("Decision: That the academy's plan be noted.\n", title="Plan")
    assert len(decided.resolutions) == 1


def _numbers(text: str) -> list[str | None]:
    return [item.number for item in parse_text(text).items]


def test_a_bare_section_heading_gives_way_to_its_dotted_items() -> None:
    text = (
        "5 Apologies\n\nNone.\n\n6 Reports\n\n6.1 Library Hours Review\n\n"
        "Resolution 12/2025\nMoved: Cr Ann Hale\nSeconded: Cr Sam Irwin\n"
        "That the review be adopted.\nCarried\n\n6.2 Depot Lease\n\n"
        "Resolution 13/2025\nMoved: Cr Sam Irwin\nSeconded: Cr Ann Hale\n"
        "That the lease be renewed.\nCarried\n\n7 Close of Meeting\n\nThe meeting closed at 7pm.\n"
    )
    assert _numbers(text) == ["5", "6.1", "6.2", "7"]
    unnumbered = (
        "1\nApologies\n\nNone.\n\n2\nMinutes\n\nThe minutes were confirmed.\n\n"
        "Reports - Roads and Parks\n\n3.1\nParks Bylaw 2025\n\nThe bylaw report was received.\n"
    )
    assert _numbers(unnumbered) == ["1", "2", "3.1"]


def test_matters_arising_and_paragraph_points_keep_their_parent() -> None:
    arising = (
        "3. MINUTES\n\nThe minutes were signed.\n\n4. MATTERS ARISING\n\n4.1\n\n"
        "Minute 6 - Annual Report\n\nMinutes:\n\nQuestions were asked.\n\n5. CLOSE\n\nDone.\n"
    )
    assert _numbers(arising) == ["3", "4", "5"]
    points = (
        "5 Apologies\n\nNone.\n\n6 Matters arising from the minutes.\n"
        "6.1 Bus shelter - The shelter has been repaired by the contractor.\n"
        "6.2 Noticeboard - A quote is awaited from the joiner.\n\n7 Close\n\nDone.\n"
    )
    assert _numbers(points) == ["5", "6", "7"]


def test_a_dotted_item_title_wrapped_by_the_printer() -> None:
    text = (
        "5 Apologies\n\nNone.\n\n6 Reports\n\n6.1 Depot Lease - Unit 4, Mill Lane,\nHarrowdene\n\n"
        "Resolution 14/2025\nMoved: Cr Ann Hale\nSeconded: Cr Sam Irwin\n"
        "That the lease be renewed.\nCarried\n\n6.2 Library Hours Review\n\n"
        "Resolution 15/2025\nMoved: Cr Sam Irwin\nSeconded: Cr Ann Hale\n"
        "That the review be adopted.\nCarried\n"
    )
    items = parse_text(text).items
    assert [(item.number, item.title) for item in items] == [
        ("5", "Apologies"),
        ("6.1", "Depot Lease - Unit 4, Mill Lane, Harrowdene"),
        ("6.2", "Library Hours Review"),
    ]


def test_a_motion_leading_in_to_numbered_clauses_then_carried() -> None:
    motion = (
        "Resolution 21/2025\nMoved: Cr Ann Hale\nSeconded: Cr Sam Irwin\nThat Council:\n"
        "1. Receive and note the quarterly review.\n"
        "2. Approve the budget variations in the report.\n"
    )
    carried = parse_item(motion + "Carried\n", title="Budget")
    assert [r.label for r in carried.resolutions] == ["1", "2"]
    assert parse_item(motion + "Lost\n", title="Budget").resolutions == []


def test_a_motion_ending_with_a_list_then_carried() -> None:
    item = parse_item(
        "  • Moved by:Councillor S. Hale\n    Seconded by:Councillor S. Irwin\n\n"
        "    THAT a closed session of Council be held on 6 May 2025 at 6:00 p.m. to consider"
        " the following:\n\n"
        "    1. A personnel matter about an identifiable employee.\n"
        "    Motion Carried Unanimously\n",
        title="Closed session",
    )
    assert len(item.resolutions) == 1


@pytest.mark.parametrize(
    "heading",
    ["Council Meeting Minutes", "Minutes Ordinary Council Meeting", "Regular Council Meeting"],
)
def test_a_heading_naming_a_council_meeting_names_the_council_as_the_body(heading: str) -> None:
    parsed = parse_text(
        f"{heading}\n\nVenue: Town Hall\n\n1. Call to Order\n\nOpened at 7pm.\n\n"
        "2. Adjournment\n\nClosed at 9pm.\n"
    )
    assert parsed.meeting.body == "Council"
    assert parse_text("Library Review\n\n1. Apologies\n\nNone.\n").meeting.body is None


def test_a_list_of_the_people_heard_after_a_decision_label_decides_nothing() -> None:
    item = parse_item(
        "Decision: The Committee received deputations from the following people about the"
        " proposed closure of the ward:\n\n- Jo Hale - Sam Irwin\n",
        title="Deputations",
    )
    assert item.resolutions == []


def test_an_appointment_listed_after_a_decision_is_a_decision() -> None:
    item = parse_item(
        "RESOLVED that the following be appointed:\n\n(a) Parks – Cllr Hale;\n\n"
        "(b) Libraries – Cllr Irwin.\n",
        title="Appointments",
    )
    assert [r.label for r in item.resolutions] == ["a", "b"]
