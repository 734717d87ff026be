"""Item headings found from each document's own scheme, on short texts written for the tests."""

from __future__ import annotations

from scrutiny_tui.parser import parse_text


def test_text_before_the_first_heading_of_a_list_is_an_untitled_item() -> None:
    text = """Agenda and minutes

No. Item

Members are reminded that substitutes may attend in place of absent members.

Apologies for absence were received from Councillor B Irwin.

Declarations of Interest

Members are reminded to declare any interest they hold.

Minutes:

There were no declarations of interest.

Budget Monitoring

To receive the quarterly budget report.

Minutes:

RESOLVED – That the report be noted.
"""
    parsed = parse_text(text)
    assert [item.title for item in parsed.items] == [
        "",
        "Declarations of Interest",
        "Budget Monitoring",
    ]
    assert "Irwin" in parsed.text[parsed.items[0].span.start : parsed.items[0].span.end]


def test_numbered_list_keeps_a_ruling_made_before_item_one() -> None:
    text = """Items
No. Item

Before the meeting began, the Leader presented an award to the parks team.

The Chair ruled, and the Council agreed, that item 3 be taken as urgent business.

1.

APOLOGIES FOR ABSENCE

Apologies were received from Councillor Hale.

2.

MINUTES

The minutes of the last meeting were approved.

3.

URGENT BUSINESS

RESOLVED that the response be sent today.
"""
    parsed = parse_text(text)
    assert [(item.number, item.title) for item in parsed.items] == [
        (None, ""),
        ("1", "APOLOGIES FOR ABSENCE"),
        ("2", "MINUTES"),
        ("3", "URGENT BUSINESS"),
    ]


def test_a_note_pointing_to_the_agenda_is_not_an_item() -> None:
    text = """Items
No. Item

The agenda and reports for this minute are at the following link:-

https://example.org/agenda

1.

Apologies

None were received.

2.

Minutes

The minutes were approved.
"""
    parsed = parse_text(text)
    assert [item.number for item in parsed.items] == ["1", "2"]


def test_a_numbered_paragraph_of_minutes_in_a_gap_is_an_item_titled_by_its_margin_heading() -> None:
    text = """Present: Councillors Hale, Irwin and Kerr.

1 Opening Remarks

The Chair welcomed members to the meeting.

Urgent motion accepted.

2 The Clerk reported that an urgent motion on bus services had been received in time.

Minutes approved.

3 The minutes of the meeting of 4th May (pages 10 to 14) were submitted and approved.

4 Budget Monitoring

There was submitted a report by the Director of Finance on the revenue budget.
"""
    parsed = parse_text(text)
    assert [(item.number, item.title) for item in parsed.items][1:3] == [
        ("2", "Urgent motion accepted"),
        ("3", "Minutes approved"),
    ]
    assert len(parsed.items) == 4


def test_a_numbered_row_of_minutes_before_the_first_titled_row_is_an_untitled_item() -> None:
    text = """Minutes of the Annual Meeting of Ashby Parish Council held on 5 May 2021
Present: Councillors Hale, Irwin, Kerr
Also in attendance: the Clerk.
1. | All councillors present signed their declarations of acceptance of office. |
2. | Election of Chairman:
It was proposed by Cllr Irwin, seconded by Cllr Kerr, that Cllr Hale be Chairman. |
3. | Election of Vice-Chairman:
It was proposed by Cllr Hale that Cllr Kerr be Vice-Chairman. |
4. | Apologies for Absence:
There were none. |
"""
    parsed = parse_text(text)
    assert [(item.number, item.title) for item in parsed.items] == [
        ("1", ""),
        ("2", "Election of Chairman"),
        ("3", "Election of Vice-Chairman"),
        ("4", "Apologies for Absence"),
    ]


def test_the_last_sentence_of_the_item_before_is_not_a_margin_heading() -> None:
    text = """Present: Councillors Hale, Irwin and Kerr.

1 Opening Remarks

The Chair welcomed members to the meeting.

The report was noted.

2 The Clerk reported that an urgent motion on bus services had been received in time.

3 Budget Monitoring

There was submitted a report by the Director of Finance on the revenue budget.
"""
    parsed = parse_text(text)
    assert [(item.number, item.title) for item in parsed.items] == [
        ("1", "Opening Remarks"),
        ("2", ""),
        ("3", "Budget Monitoring"),
    ]


def test_a_sentence_run_on_after_a_title_is_the_items_text() -> None:
    document = parse_text(
        "Minutes of the meeting of Ashcombe Community Council held on 4 June 2025\n\n"
        "Minute no. 1 – Declarations of Interest Declarations of interest were made by"
        " Councillor P Hale on item 4.\n\n"
        "Minute no. 2 – Mayor’s Engagements The Mayor listed the events she had attended.\n\n"
        "Minute no. 3 – Correspondence The Clerk circulated a letter from the bus company.\n"
    )
    assert [(item.number, item.title) for item in document.items] == [
        ("1", "Declarations of Interest"),
        ("2", "Mayor’s Engagements"),
        ("3", "Correspondence"),
    ]
    assert document.items[2].text.startswith("The Clerk circulated")


def test_a_numbered_paragraph_that_opens_with_a_sentence_is_titled_by_its_margin_heading() -> None:
    document = parse_text(
        "Kilbracken, 4th June 2025.\n\nPresent: The Provost, Jo Hale (Chair).\n\n"
        "Retiral of Town Clerk.\n\n"
        "1 The Provost reported that former Councillor Ann Irwin had retired as Town Clerk and"
        " thanked her for thirty years of service to the town.\n\n"
        "Minutes approved.\n\n"
        "2 The minutes of the Council of 7th May 2025 were submitted and approved.\n\n"
        "Minutes of committees approved.\n\n"
        "3 The minutes of the committees listed below were submitted and approved:-\n\n"
        "(1) Licensing Committee of 13th May 2025;\n\n"
        "(2) Planning Committee of 20th May 2025.\n"
    )
    assert [(item.number, item.title) for item in document.items] == [
        ("1", "Retiral of Town Clerk"),
        ("2", "Minutes approved"),
        ("3", "Minutes of committees approved"),
    ]
    assert len(document.items[2].resolutions) == 1


def test_titles_in_sentence_form_stay_titles() -> None:
    document = parse_text(
        "1. Items referred from Cabinet\n\nThe report was noted.\n\n"
        "2. Questions submitted by Members of the public\n\nThere were none.\n\n"
        "3. Land owned by the Council at Mill Road\n\nThe report was noted.\n\n"
        "4. Co-option of Councillors (two needed but four allowed) – Clerk\n\n"
        "Two residents had applied.\n\n"
        "5. The Mayor’s Charity Appeal launched in May\n\nThe Mayor thanked the donors.\n"
    )
    assert [item.title for item in document.items] == [
        "Items referred from Cabinet",
        "Questions submitted by Members of the public",
        "Land owned by the Council at Mill Road",
        "Co-option of Councillors (two needed but four allowed) – Clerk",
        "The Mayor’s Charity Appeal launched in May",
    ]


_LISTED_BUSINESS = """Allotments Forum - notes of the meeting of 6 February 2025
- Sam Hale, allotment holder
- Jo Irwin, allotment holder
- Ray Kerr, allotment holder
Sam opened the meeting.
- Notes of the last meeting
- Water troughs
- Composting bays
- Next meeting
Notes of the last meeting
The minutes were agreed as a true record.
Water troughs
The new troughs are in place on the east side.
- The troughs on the west side are still to be replaced.
Composting bays
Members asked for a second bay by the gate.
Next meeting
The next meeting will be held in April.
"""


def test_headings_that_repeat_a_list_of_the_business_in_its_order_are_the_items() -> None:
    document = parse_text(_LISTED_BUSINESS)
    assert [item.title for item in document.items] == [
        "Notes of the last meeting",
        "Water troughs",
        "Composting bays",
        "Next meeting",
    ]
    assert len(document.items[0].resolutions) == 1


def test_a_list_whose_entries_do_not_come_back_as_headings_heads_nothing() -> None:
    # the bullets under the second item are not the business: nothing repeats them
    text = _LISTED_BUSINESS.replace("\nWater troughs\n", "\n").replace("\nComposting bays\n", "\n")
    titles = [item.title for item in parse_text(text).items]
    assert "Water troughs" not in titles and "Composting bays" not in titles


def test_an_excerpt_cut_short_in_its_first_item_still_has_the_business_its_list_names() -> None:
    # the text stops mid-sentence inside "Notes of the last meeting": the list names the rest
    text = _LISTED_BUSINESS.split("\nWater troughs\n")[0] + "\nThe chair said the"
    document = parse_text(text)
    assert [item.title for item in document.items] == [
        "Notes of the last meeting",
        "Water troughs",
        "Composting bays",
        "Next meeting",
    ]
    first, *rest = document.items
    assert len(first.resolutions) == 1
    assert all(item.text == "" and not item.resolutions for item in rest)
    assert all(item.span.start == item.span.end == len(text) for item in rest)


def test_a_whole_text_whose_list_comes_back_once_is_not_read_by_the_list() -> None:
    # it ends with a stop: not cut short, so one entry repeated is no scheme of headings
    text = _LISTED_BUSINESS.split("\nWater troughs\n")[0] + "\nThe chair closed the meeting."
    titles = [item.title for item in parse_text(text).items]
    assert "Composting bays" not in titles and "Next meeting" not in titles


def test_an_excerpt_whose_headings_skip_an_entry_names_no_unreached_business() -> None:
    # the second entry is passed over: the text does not simply stop before the rest
    text = (
        _LISTED_BUSINESS.replace("\nWater troughs\n", "\n").rsplit("\nNext meeting\n", 1)[0]
        + "\nMembers asked whether the"
    )
    titles = [item.title for item in parse_text(text).items]
    assert "Water troughs" not in titles and "Next meeting" not in titles


def test_a_file_size_cut_short_by_the_page_s_end_is_not_part_of_the_title() -> None:
    text = (
        "Agenda and minutes\n\nNo. Item\n\n1.\n\nBus Shelters pdf icon PDF 127 KB\n\n"
        "Minutes:\n\nRESOLVED that the shelters be repaired.\n\n2.\n\n"
        "Cycle Lanes pdf icon PDF 127 K\n\nMinutes:\n\nRESOLVED that the lanes be widened.\n"
    )
    assert [item.title for item in parse_text(text).items] == ["Bus Shelters", "Cycle Lanes"]


PARAGRAPHS_BY_ITEM = """\
Minutes of Proceedings of a Meeting of Rathmore District Council held in the Council
Chamber on Tuesday, 6 October 2026.

Presiding  A Quinn

Other Members Present  B Doherty  C Ferris  D Gallagher


1.1 On a proposal by Councillor B Doherty, seconded by Councillor C Ferris, it was

RESOLVED: that the record of the September meeting be confirmed.


2.1 The Chief Executive reported a letter of thanks from the lifeboat station.

2.2 A letter from the Roads Department about winter gritting routes was read.

2.2.1 It was agreed that the Roads Department be invited to the December meeting.


3.1 The Director of Finance presented the rates collection figures to 30 September.
"""


def test_paragraphs_numbered_by_item_are_the_items_when_headings_were_lost() -> None:
    document = parse_text(PARAGRAPHS_BY_ITEM)
    assert [item.title for item in document.items] == ["", "", ""]
    assert [len(item.resolutions) for item in document.items] == [1, 1, 0]
    assert [len(item.actions) for item in document.items] == [0, 1, 0]


def test_paragraph_numbers_out_of_order_are_no_scheme() -> None:
    jumbled = PARAGRAPHS_BY_ITEM.replace("3.1 The Director", "2.7 The Director")
    assert len(parse_text(jumbled).items) == 1
