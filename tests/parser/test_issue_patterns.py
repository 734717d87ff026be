"""Patterns of the parser's specification that had no test of their own, each on a short text
written for the test (councils, councillors and topics invented)."""

from __future__ import annotations

import pytest

from scrutiny_tui.extract.html import extract_html
from scrutiny_tui.parser import parse_item, parse_text
from scrutiny_tui.parser.meeting import heading_facts


def items_of(text: str) -> list[tuple[str | None, str]]:
    return [(item.number, item.title) for item in parse_text(text).items]


# ---- item segmentation ---------------------------------------------------------------------


def test_meeting_lines_ending_item_n_open_items_numbered_n() -> None:
    text = (
        "Meeting: 04/03/2025 - Lantern Valley Panel (Item 4)\n\nCycle Path Extension\n\n"
        "Minutes:\n\nRESOLVED that the extension be supported.\n\n"
        "Meeting: 04/03/2025 - Lantern Valley Panel (Item 5)\n\nBus Shelter Repairs\n\n"
        "Minutes:\n\nRESOLVED that the repairs be approved.\n"
    )
    parsed = parse_text(text)
    assert [(item.number, item.title) for item in parsed.items] == [
        ("4", "Cycle Path Extension"),
        ("5", "Bus Shelter Repairs"),
    ]
    assert [len(item.resolutions) for item in parsed.items] == [1, 1]


def test_number_then_capital_title_then_dash_and_the_minutes_on_one_line() -> None:
    parsed = parse_text(
        "231  APOLOGIES – Apologies were received from Councillor Penrose.\n\n"
        "232  MINUTES – The minutes of the meeting held on 2 May 2024 were approved.\n\n"
        "233  LIBRARY VAN – The Board considered a report on the mobile library route.\n"
    )
    assert [(item.number, item.title) for item in parsed.items] == [
        ("231", "APOLOGIES"),
        ("232", "MINUTES"),
        ("233", "LIBRARY VAN"),
    ]
    assert parsed.items[2].text == "The Board considered a report on the mobile library route."
    assert [len(item.resolutions) for item in parsed.items] == [0, 1, 0]


def test_unnumbered_titles_with_their_file_sizes_under_a_no_item_header() -> None:
    parsed = parse_text(
        "Agenda and minutes\n\nItems\nNo. Item\n\nApologies for Absence\n\nMinutes:\n\n"
        "None were received.\n\nMinutes of the Previous Meeting pdf icon PDF 135 KB\n\n"
        "Minutes:\n\nRESOLVED that the minutes be approved.\n\n"
        "Allotment Rents Review pdf icon PDF 212 KB\n\nMinutes:\n\n"
        "RESOLVED that the rents be frozen.\n"
    )
    assert [(item.number, item.title) for item in parsed.items] == [
        (None, "Apologies for Absence"),
        (None, "Minutes of the Previous Meeting"),
        (None, "Allotment Rents Review"),
    ]
    assert [len(item.resolutions) for item in parsed.items] == [0, 1, 1]


def test_html_headings_h2_to_h4_are_items() -> None:
    page = (
        "<html><body><h1>Orchard Panel - Monday, 3rd March, 2025 6.00 pm</h1>"
        "<h2>Apologies</h2><p>None were received.</p>"
        "<h3>Orchard Lease</h3><p>RESOLVED that the lease be renewed.</p>"
        "<h4>Beehives</h4><p>RESOLVED that two hives be bought.</p></body></html>"
    )
    parsed = parse_text(extract_html(page).text, format="html")
    assert [(item.number, item.title) for item in parsed.items] == [
        (None, "Apologies"),
        (None, "Orchard Lease"),
        (None, "Beehives"),
    ]
    assert [len(item.resolutions) for item in parsed.items] == [0, 1, 1]
    assert (parsed.meeting.body, parsed.meeting.date) == ("Orchard Panel", "2025-03-03")


def test_numbered_html_headings_keep_their_numbers() -> None:
    page = (
        "<html><body><h2>1. Apologies</h2><p>None were received.</p>"
        "<h2>2. Orchard Lease</h2><p>RESOLVED that the lease be renewed.</p>"
        "<h2>3. Beehives</h2><p>RESOLVED that two hives be bought.</p></body></html>"
    )
    assert items_of(extract_html(page).text) == [
        ("1", "Apologies"),
        ("2", "Orchard Lease"),
        ("3", "Beehives"),
    ]


def test_numbered_markdown_headings() -> None:
    text = (
        "## 1. Apologies\n\nNone were received.\n\n"
        "### 2. Orchard Lease\n\nRESOLVED that the lease be renewed.\n\n"
        "#### 3. Beehives\n\nRESOLVED that two hives be bought.\n"
    )
    parsed = parse_text(text, format="markdown")
    assert [(item.number, item.title) for item in parsed.items] == [
        ("1", "Apologies"),
        ("2", "Orchard Lease"),
        ("3", "Beehives"),
    ]
    assert [len(item.resolutions) for item in parsed.items] == [0, 1, 1]


def test_a_declarations_list_and_quoted_earlier_minutes_are_not_items() -> None:
    parsed = parse_text(
        "1. Declarations of Interest\n\nThe following interests were declared:\n\n"
        "1. Councillor Ash – item 3, allotment holder;\n\n"
        "2. Councillor Birch – item 4, member of the rowing club.\n\n"
        "2. Minutes\n\nThe minutes were approved, subject to minute 14 reading:\n\n"
        '"14. Tree Survey\n\nThe survey was noted."\n\n'
        "3. Allotments\n\nRESOLVED that the rents be frozen.\n\n"
        "4. Rowing Club Lease\n\nRESOLVED that the lease be renewed.\n"
    )
    assert [(item.number, item.title) for item in parsed.items] == [
        ("1", "Declarations of Interest"),
        ("2", "Minutes"),
        ("3", "Allotments"),
        ("4", "Rowing Club Lease"),
    ]
    assert [len(item.resolutions) for item in parsed.items] == [0, 1, 1, 1]


def test_page_chrome_is_never_a_title_or_a_name() -> None:
    parsed = parse_text(
        "Agenda, decisions and minutes\n\nBrackenford Borough Council\n\n"
        "Libraries Panel - Tuesday, 4th March, 2025 7.00 pm\n\nUNRESTRICTED ITEMS\n\n"
        "1. Apologies\n\nApologies were received from Councillor Fenwick.\n\n"
        "Libraries Panel - 4 March 2025\n\nPage 2\n\n"
        "2. Opening Hours\n\nRESOLVED that the Sunday hours be extended.\n\n"
        "Page 3 of 4\n\n3. Book Fund\n\nRESOLVED that the fund be increased.\n\n"
        "Chairman ....................\n\n12\n"
    )
    assert [(item.number, item.title) for item in parsed.items] == [
        ("1", "Apologies"),
        ("2", "Opening Hours"),
        ("3", "Book Fund"),
    ]
    meeting = parsed.meeting
    assert (meeting.council, meeting.body, meeting.date) == (
        "Brackenford Borough Council",
        "Libraries Panel",
        "2025-03-04",
    )
    assert [person.name for person in meeting.apologies] == ["Fenwick"]
    assert meeting.present == [] and meeting.attending == []


# ---- decisions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keyword", "kind"),
    [
        ("RESOLVED: that", None),
        ("RESOLVED:- that", None),
        ("Resolved – that", None),
        ("RESOLVED THAT", None),
        ("R E S O L V E D: that", None),
        ("AGREED: that", "agreed"),
        ("It was AGREED that", "agreed"),
        ("DECIDED: that", None),
        ("Decided – that", None),
        ("RECOMMENDED – that", "recommended"),
        ("Recommended that", "recommended"),
    ],
)
def test_decision_keywords_in_their_spellings(keyword: str, kind: str | None) -> None:
    item = parse_item(
        f"The Clerk introduced the item.\n\n{keyword} the pond be cleared.\n", title="Pond"
    )
    assert [r.text.lower() for r in item.resolutions] == ["that the pond be cleared."]
    if kind is not None:
        assert item.resolutions[0].kind == kind


def test_a_following_be_noted_lead_in_is_not_a_decision_of_its_own() -> None:
    item = parse_item(
        "RESOLVED – That the following be noted:-\n\n"
        "(a) the pond survey;\n\n(b) the tree survey.\n",
        title="Surveys",
    )
    assert [(r.label, r.text, r.kind) for r in item.resolutions] == [
        ("a", "the pond survey", "noted"),
        ("b", "the tree survey.", "noted"),
    ]


@pytest.mark.parametrize(
    ("lead_in", "first", "second", "kind"),
    [
        ("That the following be noted:-", "(a)", "(b)", "noted"),
        ("That the following be noted:", "1.", "2.", "noted"),
        ("The Committee agreed the following:", "(a)", "(b)", "agreed"),
    ],
)
def test_a_lead_in_without_the_keyword_introduces_its_clauses(
    lead_in: str, first: str, second: str, kind: str
) -> None:
    item = parse_item(
        f"Members discussed the surveys.\n\n{lead_in}\n\n{first} the pond survey;\n\n"
        f"{second} the tree survey.\n",
        title="Surveys",
    )
    assert [(r.text, r.kind) for r in item.resolutions] == [
        ("the pond survey", kind),
        ("the tree survey.", kind),
    ]


def test_lettered_clauses_in_one_paragraph_are_split() -> None:
    item = parse_item(
        "RESOLVED that (a) the pond survey be noted, (b) the tree survey be noted, and (c) a"
        " path be laid.\n",
        title="Surveys",
    )
    assert [r.label for r in item.resolutions] == ["a", "b", "c"]
    assert item.resolutions[0].text == "the pond survey be noted"


@pytest.mark.parametrize(
    ("decisions", "labels"),
    [
        ("a. That the pond survey be noted.\n\nb. That a new liner be bought.", ["a", "b"]),
        (
            "Decision:\n\n1. That the pond survey be noted.\n\n2. That a new liner be bought.",
            ["1", "2"],
        ),
        ("The Committee notes the pond survey.", [None]),
        (
            "The minutes of the meeting held on 3 March 2025 were taken as read and signed as a"
            " correct record.",
            [None],
        ),
        (
            "It was proposed by Councillor Ash and seconded by Councillor Birch that a new liner"
            " be bought. Carried.",
            [None],
        ),
    ],
)
def test_decisions_after_the_discussion_without_the_keyword(
    decisions: str, labels: list[str | None]
) -> None:
    item = parse_item(f"Members discussed the pond and its fish.\n\n{decisions}\n", title="Pond")
    assert [r.label for r in item.resolutions] == labels


def test_numbered_clauses_whose_that_the_lead_in_held_are_decisions() -> None:
    item = parse_item(
        "Members discussed the pond.\n\n1) the minutes of the meeting held on 3 March 2025 be"
        " noted;\n\n2) the pond survey be approved.\n",
        title="Pond",
    )
    assert [(r.label, r.kind) for r in item.resolutions] == [("1", "noted"), ("2", "approved")]


def test_numbered_points_of_discussion_are_not_decisions() -> None:
    item = parse_item(
        "Members raised two points:\n\n(a) the cost of the pond was discussed;\n\n"
        "(b) the survey would be approved later by the Clerk.\n",
        title="Pond",
    )
    assert item.resolutions == []


@pytest.mark.parametrize("verb", ["approve", "approves", "approved"])
def test_a_body_deciding_in_the_plural_or_singular(verb: str) -> None:
    item = parse_item(f"Members discussed the pond.\n\nThe Committee {verb} a new liner.\n")
    assert [r.kind for r in item.resolutions] == ["approved"]


def test_the_committee_notes_is_a_noted_decision() -> None:
    item = parse_item("Members discussed the pond.\n\nThe Committee notes the pond survey.\n")
    assert [r.kind for r in item.resolutions] == ["noted"]


def test_a_quoted_motion_that_was_lost_is_not_a_decision() -> None:
    item = parse_item(
        "Councillor Ash moved the following motion:\n\n"
        '"That this Council closes the pond."\n\n'
        "The motion was seconded by Councillor Birch and on being put to the vote was LOST.\n",
        title="Motion",
    )
    assert item.resolutions == []


def test_a_lost_amendment_is_not_a_decision_but_the_substantive_motion_is() -> None:
    item = parse_item(
        'Councillor Ash moved an amendment: "That the liner purchase be deferred to next'
        ' year." Councillor Birch seconded the amendment. On being put to the vote the'
        " amendment was lost.\n\nRESOLVED that a new liner be bought.\n",
        title="Liner",
    )
    assert [r.text for r in item.resolutions] == ["that a new liner be bought."]


# ---- dates that are not report-back dues ---------------------------------------------------

_HELD = "2025-03-04"


def dues(text: str) -> list[str | None]:
    item = parse_item(f"{text}\n", title="Item", meeting_date=_HELD)
    return [action.due for action in item.actions]


def test_a_deadline_for_comments_is_not_a_due() -> None:
    # without the comments the same words ask for the plan by that date
    assert dues(
        "RESOLVED that the draft footpath plan be circulated to residents by 30 April 2025."
    ) == ["2025-04-30"]
    assert (
        dues(
            "RESOLVED that the draft footpath plan be circulated to residents, with comments to"
            " be submitted by 30 April 2025."
        )
        == []
    )


def test_dates_of_future_meetings_listed_for_information_are_not_a_due() -> None:
    assert dues(
        "RESOLVED that the Panel's future meetings be held on 6 May 2025 and 8 July 2025 and"
        " that an update on the pond be brought to a future meeting."
    ) == [None]
    assert dues(
        "RESOLVED that an update on the pond be brought to a future meeting. The dates of"
        " future meetings are 6 May 2025 and 8 July 2025."
    ) == [None]


def test_the_date_of_a_later_step_is_not_when_the_request_is_due() -> None:
    # sent on to residents by the 14th: the Council's own information has no date
    assert dues(
        "The manager said that further details would be provided to the Council on Monday"
        " and then the details would be sent to the residents' association by 14 May 2025."
    ) == [None]
    # the request's own date still counts when a later step follows
    assert dues(
        "RESOLVED that a report be brought to the Panel on 2 June 2025 and then sent to the"
        " residents' association by 14 July 2025."
    ) == ["2025-06-02"]


def test_a_relocation_date_is_not_a_due() -> None:
    assert dues(
        "RESOLVED that a report on the relocation of the library to the Corn Exchange on"
        " 1 June 2025 be brought to the Panel."
    ) == [None]
    assert dues(
        "RESOLVED that a report on opening hours be brought to the Panel. The library will"
        " relocate to the Corn Exchange on 1 June 2025."
    ) == [None]


# ---- meeting facts -------------------------------------------------------------------------


def test_a_county_banner_over_minutes_of_a_meeting_of_a_committee() -> None:
    parsed = parse_text(
        "BRACKENSHIRE COUNTY COUNCIL\n\n"
        "MINUTES of a meeting of the Rivers and Flooding Committee held in the Council Chamber,"
        " County Hall, Brackenford on Wednesday, 5 March 2025.\n\n"
        "PRESENT: Mr T Ashdown (Chairman), Mrs P Birtles, Mr R Cotter\n\n"
        "1. Apologies\n\nNone.\n\n2. Weir Repairs\n\nRESOLVED that the weir repairs be approved.\n"
    )
    meeting = parsed.meeting
    assert (meeting.council, meeting.body, meeting.date) == (
        "Brackenshire County Council",
        "Rivers and Flooding Committee",
        "2025-03-05",
    )
    assert [person.name for person in meeting.present] == ["T Ashdown", "P Birtles", "R Cotter"]
    assert [(item.number, item.title) for item in parsed.items] == [
        ("1", "Apologies"),
        ("2", "Weir Repairs"),
    ]


def test_a_date_stated_in_the_text_wins_over_the_front_matter() -> None:
    body = "1. Apologies\n\nNone were received.\n\n2. Liner\n\nRESOLVED that a liner be bought.\n"
    front = "---\ntitle: Pond Panel minutes\ndate: 2025-04-20\n---\n\n"
    stated = "Minutes of a meeting of the Pond Panel held on 3 April 2025\n\n"
    assert parse_text(front + stated + body).meeting.date == "2025-04-03"
    assert parse_text(front + body).meeting.date == "2025-04-20"


@pytest.mark.parametrize(
    "number_line",
    ["{n} {title}", "Minute {n} {title}", "{n}\n\n{title}"],
)
def test_year_month_and_minute_numbers(number_line: str) -> None:
    body = "\n\n".join(
        number_line.format(n=n, title=title) + f"\n\n{text}"
        for n, title, text in [
            ("16/05/01", "Apologies", "None."),
            ("16/05/02", "Minutes", "The minutes were approved."),
            ("16/05/03", "Skate Park", "RESOLVED: That the park be built."),
        ]
    )
    parsed = parse_text(f"Minutes of the Orchard Panel held on 12 May 2016\n\n{body}\n")
    assert [(i.number, i.title, len(i.resolutions)) for i in parsed.items] == [
        ("16/05/01", "Apologies", 0),
        ("16/05/02", "Minutes", 1),
        ("16/05/03", "Skate Park", 1),
    ]


@pytest.mark.parametrize(
    "attendance",
    [
        "Present: Councillor Ferrand in the chair. Councillors Gisby (Vice-Chair), Hollins and"
        " Ivatt.",
        "Councillor Ferrand in the chair. Councillors Gisby (Vice-Chair), Hollins and Ivatt.",
        "Councillor Ferrand (Chair); Councillors Gisby (Vice-Chair), Hollins and Ivatt",
    ],
)
def test_present_in_prose_with_the_chair_named_first(attendance: str) -> None:
    parsed = parse_text(
        "Minutes of the meeting of the Orchard Panel held on 3 March 2025\n\n"
        f"{attendance}\n\n1. Apologies\n\nNone.\n\n2. Orchard lease\n\n"
        "RESOLVED: That the lease be renewed.\n"
    )
    assert [p.name for p in parsed.meeting.present] == ["Ferrand", "Gisby", "Hollins", "Ivatt"]
    assert parsed.meeting.present[0].role in ("in the chair", "Chair")


_OFFICER_REPORT = """REPORT TO: Orchard Panel
DATE: 3 March 2025
REPORT OF: Head of Parks

1. Purpose of Report

1.1 To seek approval for the renewal of the orchard lease.

2. Recommendations

2.1 That the Panel approves the renewal of the lease for five years.

2.2 That the Panel notes the condition survey.

3. Background

3.1 The lease began in 2015 and ends in June 2025.

4. Financial Implications

4.1 The rent is met from the parks budget.
"""


def test_an_officer_s_report_is_not_minutes_and_decides_nothing() -> None:
    parsed = parse_text(_OFFICER_REPORT)
    assert [w for w in parsed.warnings if w.startswith("not minutes:")] == [
        "not minutes: this reads as an officer's report (report to and of, purpose of report,"
        " recommendations), not a record of a meeting"
    ]
    assert all(not item.resolutions and not item.actions for item in parsed.items)


def test_minutes_laid_out_under_a_report_s_headings_keep_their_decisions() -> None:
    # the same headings, but someone recorded what the meeting did
    parsed = parse_text(
        _OFFICER_REPORT.replace(
            "4.1 The rent is met from the parks budget.",
            "4.1 The Head of Parks explained the rent.\n\nRESOLVED: That the lease be renewed.",
        )
    )
    assert not any(w.startswith("not minutes:") for w in parsed.warnings)
    assert sum(len(item.resolutions) for item in parsed.items) >= 1


def test_unnumbered_markdown_headings_are_the_items_below_the_meeting_s_title() -> None:
    parsed = parse_text(
        "# Orchard Panel - 3 March 2025\n\nPresent: Councillors Ash, Birch and Cole.\n\n"
        "## Apologies\n\nNone.\n\n## Orchard Lease\n\nRESOLVED: That the lease be renewed.\n\n"
        "## Beehives\n\nRESOLVED: That two hives be bought.\n"
    )
    assert (parsed.meeting.body, parsed.meeting.date) == ("Orchard Panel", "2025-03-03")
    assert [(item.title, len(item.resolutions)) for item in parsed.items] == [
        ("Apologies", 0),
        ("Orchard Lease", 1),
        ("Beehives", 1),
    ]


def test_the_date_of_what_must_happen_first_is_not_the_due() -> None:
    assert dues(
        "A report on the library service will be brought to the Panel once the library has"
        " moved to the Corn Exchange on 1 June 2025."
    ) == [None]
    assert dues(
        "The Panel asked that a report be brought to the meeting on 10 July 2025, when the"
        " survey has been analysed."
    ) == ["2025-07-10"]


@pytest.mark.parametrize("keyword", ["Decision:", "RESOLVED:"])
def test_numbered_that_clauses_run_together_on_the_decision_s_line(keyword: str) -> None:
    item = parse_item(
        f"{keyword} 1. That the pond survey be noted. 2. That a new liner be bought.\n",
        title="Pond",
    )
    assert [(r.label, r.text) for r in item.resolutions] == [
        ("1", "That the pond survey be noted."),
        ("2", "That a new liner be bought."),
    ]


# ---- layouts found by whole meetings written in new styles -----------------------------------


def test_minute_numbers_led_by_the_year_with_the_text_on_the_next_line() -> None:
    body = "\n\n".join(
        f"25/{n}\t{title}\n{text}"
        for n, title, text in [
            (141, "Apologies", "Apologies were received from Cllr Ash."),
            (142, "Declarations of Interest", "There were none."),
            (143, "Minutes", "Resolved: That the minutes be approved."),
            (144, "Play Area", "Resolved: That the new swings be bought."),
        ]
    )
    parsed = parse_text(
        f"Minutes of the Meeting of the Town Council held on 12th January 2026\n\n{body}\n"
    )
    assert [item.number for item in parsed.items] == ["25/141", "25/142", "25/143", "25/144"]


def test_a_decision_without_the_keyword_beside_one_with_it() -> None:
    item = parse_item(
        "(a) Payments\nResolved: That the schedule of payments be approved.\n"
        "(b) Budget monitoring\nThe RFO presented the figures. The budget monitoring report was"
        " noted.\n",
        title="Finance",
    )
    assert [r.kind for r in item.resolutions] == ["approved", "noted"]


def test_the_debate_s_account_before_the_keyword_s_decisions_is_not_counted_again() -> None:
    item = parse_item(
        "The Board requested that a report on waiting times be brought to its next meeting.\n\n"
        "RESOLVED – that a report on waiting times be brought to the next meeting.\n",
        title="Waiting times",
    )
    assert len(item.resolutions) == 1


def test_a_paper_noted_in_a_sentence_of_its_own_but_not_a_point_acknowledged() -> None:
    assert [r.kind for r in parse_item("The annual report was noted.\n").resolutions] == ["noted"]
    assert parse_item("Members discussed it. The suggestion was noted.\n").resolutions == []


@pytest.mark.parametrize(
    ("request_words", "due"),
    [
        (
            "That the Director of Place submit a report on fly-tipping to the meeting on"
            " 5 March 2026.",
            "2026-03-05",
        ),
        (
            "Resolved: That the Clerk obtains three quotations and reports to the March meeting.",
            "2026-03",
        ),
    ],
)
def test_a_report_back_asked_for_in_the_active_voice(request_words: str, due: str) -> None:
    item = parse_item(f"{request_words}\n", title="Item", meeting_date="2026-01-15")
    assert [action.due for action in item.actions] == [due]


def test_a_printed_page_s_running_foot_and_number_inside_an_item_are_not_its_text() -> None:
    foot = "Harbour Scrutiny Committee – 15 January 2026"
    parsed = parse_text(
        "MINUTES of the HARBOUR SCRUTINY COMMITTEE held on 15 January 2026\n\n"
        "1. APOLOGIES\n\nNone.\n\n2. QUAY WALL\n\nAGREED:\n\n(1) That the survey be noted.\n\n"
        f"{foot}\n\nPage 1\n\n(2) That the repairs be approved.\n\n"
        "(3) That a report come back in June 2026.\n\n3. CLOSE\n\nThe meeting closed at 8pm.\n\n"
        f"{foot}\n\nPage 2 of 2\n"
    )
    assert parsed.meeting.body == "Harbour Scrutiny Committee"
    quay = parsed.items[1]
    assert [r.label for r in quay.resolutions] == ["1", "2", "3"]
    assert foot not in quay.text and "Page 1" not in quay.text


def test_a_page_number_after_the_last_words_does_not_make_the_text_cut_short() -> None:
    parsed = parse_text(
        "Minutes of the Meeting of the Town Council held on 12th January 2026\n\n"
        "25/1\tApologies\nNone.\n\n25/2\tMinutes\nResolved: That the minutes be approved.\n\n"
        "25/3\tStaffing\nResolved: That the regrading be approved.\n"
        "Proposed Cllr Ash, seconded Cllr Birch, all in favour.\n\n"
        "Signed …………… Mayor\t\tPage 2 of 2\n"
    )
    assert len(parsed.items[-1].resolutions) == 1


@pytest.mark.parametrize("label", ["Also attending:", "Officers:"])
def test_those_attending_who_are_not_members_are_not_present(label: str) -> None:
    parsed = parse_text(
        "Minutes of the meeting of the Housing Panel held on 3 February 2026\n\n"
        "Present: Cllrs Ash, Birch and Cole\n\n"
        f"{label} Dana Frost (Head of Housing), Eli Grant (Scrutiny Officer)\n\n"
        "1. Apologies\n\nNone.\n\n2. Voids\n\nThe Panel agreed to visit the depot.\n"
    )
    assert [p.name for p in parsed.meeting.present] == ["Ash", "Birch", "Cole"]


def test_a_parish_writing_its_own_council_in_lower_case() -> None:
    item = parse_item("Members reviewed the quotes. The council agreed to buy the bench.\n")
    assert [r.kind for r in item.resolutions] == ["agreed"]


def test_a_lost_motion_then_the_motion_resolved_in_one_paragraph() -> None:
    item = parse_item(
        "A proposal by Cllr Ash, seconded by Cllr Birch, to defer the works was not carried."
        " Proposed by Cllr Cole, seconded by Cllr Dunn and RESOLVED to accept the quotation.\n",
        title="Trees",
    )
    assert [r.text for r in item.resolutions] == ["to accept the quotation."]


def test_closing_business_left_unnumbered_after_the_numbered_items() -> None:
    parsed = parse_text(
        "Minutes of the meeting of the Housing Panel held on 3 February 2026\n\n"
        "1. Apologies\n\nNone.\n\n2. Voids\n\nThe Panel agreed to visit the depot.\n\n"
        "Any other business\n\nCllr Ash raised the closure of the hostel.\n"
    )
    assert [(item.number, item.title) for item in parsed.items] == [
        ("1", "Apologies"),
        ("2", "Voids"),
        (None, "Any other business"),
    ]


def test_item_numbers_with_a_committee_code_and_a_subject_label() -> None:
    parsed = parse_text(
        "CABINET\n\nRecord of Decisions taken at the meeting held on 10 February 2026\n\n"
        "CAB/25/61\nSubject: Revenue Budget 2026/27 and the Capital Programme for the next"
        " three years\nof the Council\nDecision:\n(a) To approve the budget.\n\n"
        "CAB/25/62\nSubject: Rent Setting\nDecision:\n(a) To approve the rents.\n\n"
        "CAB/25/63\nSubject: Car Parking\nDecision:\n(a) To approve the strategy.\n"
    )
    assert [(item.number, item.title) for item in parsed.items] == [
        (
            "CAB/25/61",
            "Revenue Budget 2026/27 and the Capital Programme for the next three years of the"
            " Council",
        ),
        ("CAB/25/62", "Rent Setting"),
        ("CAB/25/63", "Car Parking"),
    ]


def test_numbered_paragraphs_with_no_blank_line_between_them() -> None:
    parsed = parse_text(
        "Item 1: Apologies\n"
        "1.1 Apologies for absence were received from Councillor Cale.\n"
        "1.2 Councillor Tempest attended as a substitute for Councillor Cale.\n\n"
        "Item 2: Stroke Services\n"
        "2.1 The Medical Director presented the report.\n"
        "2.2 The Committee noted the presentation.\n\n"
        "Item 3: Work Programme\n3.1 The work programme was agreed.\n"
    )
    assert [p.name for p in parsed.meeting.apologies] == ["Cale"]
    assert [r.kind for r in parsed.items[1].resolutions] == ["noted"]


def test_numbered_paragraphs_a_printer_cut_are_not_items() -> None:
    parsed = parse_text(
        "Item 1: Apologies and Substitutions\n"
        "1.1 Apologies for absence were received from Councillor Bryony Cale (Thornhope\n"
        "Borough Council) and Councillor Leonard Sayce (Brindleford City Council).\n\n"
        "Item 2: Declarations of Interest\n"
        "2.1 Councillor Strickland declared a non-pecuniary interest in Item 5 as her\n"
        "daughter is employed as a physiotherapist at the hospital.\n\n"
        "Item 3: Date of Next Meeting\n3.1 The next meeting will be held on 4 March 2026.\n"
    )
    assert [item.number for item in parsed.items] == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("entry", "name", "role"),
    [
        (
            "Councillor Graham Stobart (Chair) – Ardley Borough Council",
            "Graham Stobart",
            "Chair, Ardley Borough Council",
        ),
        (
            "Councillor Alison Threlfall (Leader of the Council, in the Chair)",
            "Alison Threlfall",
            "Leader of the Council, in the Chair",
        ),
    ],
)
def test_a_member_s_role_and_council_beside_the_name(entry: str, name: str, role: str) -> None:
    parsed = parse_text(
        "Minutes of the meeting of the Police and Crime Panel held on 5 February 2026\n\n"
        f"PRESENT:\n{entry}\nCouncillor Linda Parfitt\n\n"
        "1. Apologies\n\nNone.\n\n2. Precept\n\nRESOLVED that the precept be supported.\n"
    )
    assert (parsed.meeting.present[0].name, parsed.meeting.present[0].role) == (name, role)


def test_a_group_s_label_in_the_members_list_is_not_a_member() -> None:
    parsed = parse_text(
        "Minutes of the meeting of the Police and Crime Panel held on 5 February 2026\n\n"
        "PRESENT:\nCouncillor Graham Stobart (Chair)\nCouncillor Linda Parfitt\n\n"
        "Independent Co-opted Members: Mrs Ruth Dalloway and Mr Kamal Sethi\n\n"
        "1. Apologies\n\nNone.\n\n2. Precept\n\nRESOLVED that the precept be supported.\n"
    )
    assert [p.name for p in parsed.meeting.present] == [
        "Graham Stobart",
        "Linda Parfitt",
        "Ruth Dalloway",
        "Kamal Sethi",
    ]


def test_recommendations_listed_one_by_one() -> None:
    item = parse_item(
        "RESOLVED that recommendations 1, 2 and 4 of the Overview and Scrutiny Committee be"
        " accepted.\n",
        title="Scrutiny recommendations",
    )
    assert sorted(r.ref for r in item.recommendations) == ["1", "2", "4"]


@pytest.mark.parametrize(
    ("request_words", "due"),
    [
        (
            "RESOLVED to add a report from the Board on dentistry to the April meeting.",
            "2026-04",
        ),
        (
            "Decision: That consideration of this item be deferred to the meeting on"
            " 10 March 2026.",
            "2026-03-10",
        ),
    ],
)
def test_more_report_backs_asked_for(request_words: str, due: str) -> None:
    item = parse_item(f"{request_words}\n", title="Item", meeting_date="2026-01-21")
    assert [action.due for action in item.actions] == [due]


_TOWN = """Hazelmere Town Council

Minutes of the meeting of the Town Council held on Monday 9 February 2026 at 7pm

Present: Cllrs Ash (Mayor), Birch and Cole

Min 25/140 – Apologies for absence
Resolved (unanimously): to accept the reasons given for absence.

Min 25/141 – Planning
a) Applications received
Application | Address | Proposal | Comments
26/00094/FUL | 14 Mill Street | Four dwellings | Objection – overdevelopment
26/00103/HOU | 7 Orchard Close | Rear extension | No objection
b) Decisions notified by the District Council
Application | Address | Proposal | Decision
25/01876/FUL | 2 Tanners Yard | Change of use to a café | Approved with conditions

Min 25/142 – Finance
a) Resolved (5 for, 2 against): to increase the carnival grant to £600.
b) The bank reconciliation was checked.

Min 25/143 – Speeding
Members discussed the speed survey. Resolved (unanimously): that the Clerk report the
results to the April meeting.

Min 25/144 – Questions
NOTED
"""


def test_a_town_council_s_min_numbers_votes_and_planning_responses() -> None:
    parsed = parse_text(_TOWN)
    assert [item.number for item in parsed.items] == [
        "25/140",
        "25/141",
        "25/142",
        "25/143",
        "25/144",
    ]
    apologies, planning, finance, speeding, questions = parsed.items
    assert [r.text for r in apologies.resolutions] == ["to accept the reasons given for absence."]
    # the council's responses decide; the district's decisions notified are for information
    assert [(r.label, r.text) for r in planning.resolutions] == [
        ("26/00094/FUL", "26/00094/FUL: Objection – overdevelopment"),
        ("26/00103/HOU", "26/00103/HOU: No objection"),
    ]
    assert [r.text for r in finance.resolutions] == ["to increase the carnival grant to £600."]
    assert len(speeding.resolutions) == 1
    assert [a.due for a in speeding.actions] == ["2026-04"]
    assert [r.kind for r in questions.resolutions] == ["noted"]


_DECISION_PAGE = """Skip to main content
Eastmere County Council logo
Eastmere County Council
Home

Issue - decisions

Mill Lane - 20mph Speed Limit

03/02/2026 - Mill Lane - 20mph Speed Limit

Decision details

Mill Lane - 20mph Speed Limit

Decision Maker: Cabinet Member for Highways

Decision status: Implemented

Decision:
The Cabinet Member for Highways:

1. Approved the making of the speed limit order as advertised.

2. Requested that a report on the effect of the scheme be brought back to the Cabinet Member
in six months' time.

Reasons for the decision:
Speeds recorded in September 2025 were too high.

Decision published: 03/02/2026

Effective from: 11/02/2026
"""


def test_a_page_of_one_decision_taken_outside_a_meeting() -> None:
    parsed = parse_text(_DECISION_PAGE)
    assert [item.title for item in parsed.items] == ["Mill Lane - 20mph Speed Limit"]
    assert parsed.meeting.body == "Cabinet Member for Highways"
    assert parsed.meeting.date == "2026-02-03"
    assert len(parsed.items[0].resolutions) == 2
    assert [a.due for a in parsed.items[0].actions] == ["2026-08"]
    assert not any("Decision details" in w for w in parsed.warnings)


_FLAT = (
    "EASTMERE DISTRICT COUNCIL MINUTES of a meeting of the OVERVIEW AND SCRUTINY COMMITTEE held"
    " on Wednesday, 14 January 2026 at 6.00 pm PRESENT: Councillor G Marsh (Chairman),"
    " Councillors R Brook, T Allen and J Cole. 45. APOLOGIES Apologies were received from"
    " Councillor L Bird, who was attending a training course on the new planning regulations"
    " on behalf of the Council, and from Councillor S Dale, who was unwell. 46. MINUTES RESOLVED"
    " that the minutes of the meeting held on 10"
    " December 2025 be approved. 47. HOUSING The Head of Housing presented the report on"
    " temporary accommodation and answered questions from Members at some length about the"
    " number of families placed outside the district, the cost of nightly-paid accommodation,"
    " the work being done with private landlords and the time households spend in bed and"
    " breakfast accommodation before they are offered a settled home. Overview and"
    " Scrutiny Committee 14 January 2026 Page 2 of 3 RESOLVED that (a) the report be noted; and"
    " (b) a further report come to the meeting on 10th March 2026. 48. PARKS The Parks Manager"
    " presented the annual report on the parks and open spaces of the district. Overview and"
    " Scrutiny Committee 14 January 2026 Page 3 of 3 RESOLVED that the annual report be noted."
    " 49. CLOSE The meeting closed at 8.10 pm.\n"
)


def test_a_page_flattened_to_one_line_with_its_running_heads_in_the_flow() -> None:
    parsed = parse_text(_FLAT)
    assert (parsed.meeting.council, parsed.meeting.body) == (
        "Eastmere District Council",
        "Overview and Scrutiny Committee",
    )
    assert [item.number for item in parsed.items] == ["45", "46", "47", "48", "49"]
    housing, parks = parsed.items[2], parsed.items[3]
    assert [r.label for r in housing.resolutions] == ["a", "b"]
    assert [r.text for r in parks.resolutions] == ["that the annual report be noted."]
    assert "Page 2 of 3" not in housing.text


def test_office_bearers_of_a_community_council_are_members_present() -> None:
    parsed = parse_text(
        "Minutes of the Monthly Meeting held on Tuesday 13 January 2026\n\n"
        "Present: Alasdair Munro (Chair), Morven Sutherland (Secretary), Ewan Grant (Treasurer),"
        " Kirsty Fraser\n\nWelcome\n\nThe Chair welcomed everyone.\n\nPlanning\n\n"
        "Kirsty Fraser proposed that the community council object; Ewan Grant proposed no"
        " comment. On a show of hands the proposal to object was carried 6–3.\n\n"
        "Date of Next Meeting\n\nTuesday 10 February 2026.\n"
    )
    assert [p.name for p in parsed.meeting.present] == [
        "Alasdair Munro",
        "Morven Sutherland",
        "Ewan Grant",
        "Kirsty Fraser",
    ]
    planning = next(item for item in parsed.items if item.title == "Planning")
    assert len(planning.resolutions) == 1


@pytest.mark.parametrize(
    ("request_words", "due"),
    [
        (
            "RESOLVED that the Chief Fire Officer report the outcome of the review of on-call"
            " availability to the April meeting.",
            "2026-04",
        ),
        (
            "RESOLVED that the Treasurer report the provisional revenue outturn for the year to"
            " the Authority by 30 June 2026.",
            "2026-06-30",
        ),
        ("RESOLVED that the Clerk report\nto the Council in June 2026 on the lease.", "2026-06"),
    ],
)
def test_a_report_back_with_its_object_or_its_line_broken(request_words: str, due: str) -> None:
    item = parse_item(f"{request_words}\n", title="Item", meeting_date="2026-01-28")
    assert [action.due for action in item.actions] == [due]


_BOARD = """WYNDMERE COUNCIL

HEALTH AND WELLBEING BOARD

Minutes of the meeting of the Health and Wellbeing Board held on Wednesday 28 January 2026

Voting members present:
Councillor Rosa Fell (Chair) – Cabinet Member for Adult Social Care
Dr Amrit Sandu (Vice-Chair) – Place Director, Severn Integrated Care Board
Joanne Whitby – Director of Public Health

Non-voting members present:
Superintendent Gary Moll – Severn Police
Sandra Petra – Chief Executive, Wyndmere Council for Voluntary Service

Also in attendance:
Lucy Bran – Democratic Services Officer

Minute No.

HWB 23   APOLOGIES FOR ABSENCE

         Apologies for absence were received from Councillor Derek Stan and from Fiona
         Light (Severn Integrated Care Board).

HWB 24   BETTER CARE FUND

         RESOLVED: That the Board approved the plan.

HWB 25   DATE OF NEXT MEETING

         The next meeting will be held on 25 March 2026.
"""


def test_a_board_s_minute_numbers_and_its_members_with_their_posts() -> None:
    parsed = parse_text(_BOARD)
    assert [item.number for item in parsed.items] == ["HWB 23", "HWB 24", "HWB 25"]
    assert [p.name for p in parsed.meeting.present] == [
        "Rosa Fell",
        "Amrit Sandu",
        "Joanne Whitby",
        "Gary Moll",
        "Sandra Petra",
    ]
    assert [p.name for p in parsed.meeting.apologies] == ["Derek Stan", "Fiona Light"]
    assert "Minute No" not in [p.name for p in parsed.meeting.attending]


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("Minutes of the Parish Council Meeting held on Monday 12 January 2026", "Council"),
        (
            "Minutes of the Planning Committee Meeting held on Monday 12 January 2026",
            "Planning Committee",
        ),
    ],
)
def test_the_body_named_before_the_word_meeting(heading: str, body: str) -> None:
    assert heading_facts(heading) == {"body": body, "date": "2026-01-12"}


def test_a_table_row_s_title_before_its_text_cut_by_the_printer() -> None:
    parsed = parse_text(
        "Minute | Item\n"
        "26/01 | Apologies: Cllr Ian Stone (holiday) sent apologies.\n"
        "26/02 | Declarations of interest: Cllr Tregear declared a personal interest in minute\n"
        "26/05 as a neighbour of the applicant.\n"
        "26/03 | Minutes of the previous meeting: It was RESOLVED that the minutes of the meeting\n"
        "held on 9 December 2025 be approved.\n"
    )
    assert [item.title for item in parsed.items] == [
        "Apologies",
        "Declarations of interest",
        "Minutes of the previous meeting",
    ]


def test_a_decision_printed_twice_is_not_taken_for_a_running_head() -> None:
    block = "Decision:\n\n(1) That the budget for 2026/27 be approved.\n\nMinutes:\n\n"
    parsed = parse_text(
        "1.\n\nBudget 2026/27\n\n" + block + "(1) That the budget for 2026/27 be approved.\n\n"
        "2.\n\nFees 2026/27\n\n"
        "Decision:\n\n(1) That the fees for 2026/27 be approved.\n\nMinutes:\n\n"
        "(1) That the fees for 2026/27 be approved.\n"
    )
    assert [len(item.resolutions) for item in parsed.items] == [1, 1]


def test_the_substantive_motion_carried_after_an_amendment_was_lost() -> None:
    item = parse_item(
        'It was moved by Councillor Hale and seconded by Councillor Irwin that "This Council'
        " calls on the Cabinet Member to review the bus network and to report to the Council in"
        ' September 2026." It was then moved by Councillor Kerr, by way of amendment, that'
        " £750,000 be added. On being put to the vote the amendment was declared LOST. The"
        " substantive motion was then put and CARRIED, a recorded vote having been requested, as"
        " follows:\n\nFOR: Councillors Ash and Birch (2);\n",
        title="Notice of motion",
        meeting_date="2026-02-12",
    )
    assert len(item.resolutions) == 1
    assert item.resolutions[0].text.startswith("This Council calls on the Cabinet Member")
    assert [a.due for a in item.actions] == ["2026-09"]


def test_a_review_s_recommendations_and_the_executive_s_two_months() -> None:
    item = parse_item(
        "RESOLVED that recommendations R1 to R3 be submitted to Cabinet, and that the Cabinet"
        " Member be asked to respond within two months.\n",
        title="Scrutiny review",
        meeting_date="2026-01-14",
    )
    assert [r.ref for r in item.recommendations] == ["R1", "R2", "R3"]
    assert [a.due for a in item.actions] == ["2026-03"]


def test_future_meetings_scheduled_are_not_a_due() -> None:
    item = parse_item(
        "Further meetings are scheduled for 16 June and 22 September 2026.\n",
        title="Dates",
        meeting_date="2026-01-14",
    )
    assert [a.due for a in item.actions if a.due] == []


def test_also_present_in_the_same_paragraph_as_present() -> None:
    parsed = parse_text(
        "Minutes of the meeting of the Cabinet held on 4 February 2026\n\n"
        "Present: Councillors Helen Yard (Chair), Gareth Dobbs and Marcus Toll. Also present:"
        " Councillor Rhian Cole (Scrutiny Chair).\n\n1. Apologies\n\nNone.\n\n2. Budget\n\n"
        "RESOLVED that the budget be approved.\n"
    )
    assert [p.name for p in parsed.meeting.present] == ["Helen Yard", "Gareth Dobbs", "Marcus Toll"]
    assert "Rhian Cole" in [p.name for p in parsed.meeting.attending]


PUBLISHED_DECISIONS = """\
Decisions

Decisions published

14/01/2026 - Minutes ref: 518    Recommendations Approved

Decision Maker: Environment Select Committee

Made at meeting: 14/01/2026 - Environment Select Committee

Decision published: 20/01/2026

Effective from: 14/01/2026

Decision:

The minutes of the meeting held on 12 November 2025 were approved as a correct record and
signed by the Chair.
"""


def test_a_published_decision_is_titled_and_numbered_by_its_line_in_the_list() -> None:
    document = parse_text(PUBLISHED_DECISIONS)
    assert [(item.number, item.title) for item in document.items] == [("518", "Minutes")]
    assert len(document.items[0].resolutions) == 1
    assert document.meeting.body == "Environment Select Committee"
    two = PUBLISHED_DECISIONS.replace(
        "Decision:\n",
        "Decision:\n\nThe report was noted.\n\n"
        "14/01/2026 - Fly-tipping Enforcement ref: 519    For Determination\n\n"
        "Decision Maker: Environment Select Committee\n\nDecision:\n",
    )
    assert [(item.number, item.title) for item in parse_text(two).items] == [
        ("518", "Minutes"),
        ("519", "Fly-tipping Enforcement"),
    ]
