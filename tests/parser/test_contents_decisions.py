"""A table of contents with a column of decisions ("No  Item  Summary of Decisions"), its
columns run together as a PDF gives them: where the table is all the text holds of the
meeting, each row's decision cell is its item's decision (councils and wording invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.blocks import split_lines
from scrutiny_tui.parser.contents_table import read_contents

TABLE = """\
COUNCIL MEETING TUESDAY 3 NOVEMBER 2026

Table of Contents

No Item Summary of Decisions

1. Chair's Business Received

2. Apologies Councillors Dunlop and Moore

3. Declarations of Members' Interests Recorded

4. Minutes of Planning Committee meeting

held Wednesday 21 October 2026

Matters Arising

4.1 Glenmore Car Park (Minute Item 6) Information

4.2 Adoption of the Minutes Adopted with the

correction noted at Item 4.1

5. Minutes of Corporate Policy Committee

Matters Arising

5.1 Leisure Centre Refurbishment

Tender (Minute Item 3)

Agreed to appoint the

preferred bidder

5.2 Grants Programme Update received

CM 261103 Page 2 of 18

5.3 Adoption of the Minutes Adopted
"""


def test_each_row_gives_its_title_and_the_decision_beside_it() -> None:
    rows = read_contents(split_lines(TABLE))
    assert [row.title for row in rows][:3] == [
        "Chair's Business",
        "Apologies Councillors Dunlop and Moore",  # (a cell that is no decision stays)
        "Declarations of Members' Interests",
    ]
    decided = [(row.title, row.decision.text) for row in rows if row.decision is not None]
    assert decided == [
        ("Chair's Business", "Received"),
        ("Adoption of the Minutes", "Adopted with the correction noted at Item 4.1"),
        # the cell on a line of its own among the title's wrapped lines, wrapped in its turn
        ("Leisure Centre Refurbishment", "Agreed to appoint the preferred bidder"),
        # a page's furniture ends the cell
        ("Grants Programme", "Update received"),
        ("Adoption of the Minutes", "Adopted"),
    ]


def test_a_table_that_is_all_the_meeting_gives_its_items_their_decisions() -> None:
    document = parse_text(TABLE)
    assert [(item.number, item.title) for item in document.items][:3] == [
        ("1", "Chair's Business"),
        ("2", "Apologies"),
        ("3", "Declarations of Members' Interests"),
    ]
    counts = {item.number: len(item.resolutions) for item in document.items}
    # "Recorded" and "Information" say what the meeting saw, not what it decided
    assert counts == {"1": 1, "2": 0, "3": 0, "4": 1, "5": 3}


def test_where_the_minutes_follow_the_table_their_items_hold_the_decisions() -> None:
    minutes = (
        TABLE
        + """
1. CHAIR'S BUSINESS

The Chair welcomed the new Director of Environmental Services to her first meeting and
thanked staff for their work during the autumn storms.

2. APOLOGIES

Apologies were received from Councillors Dunlop and Moore.

3. DECLARATIONS OF MEMBERS' INTERESTS

There were no declarations of interest.

4. MINUTES OF PLANNING COMMITTEE MEETING HELD WEDNESDAY 21 OCTOBER 2026

Proposed by Councillor Agnew, Seconded by Alderman Boyd and AGREED - that the minutes
be adopted with the correction noted at Item 4.1.

5. MINUTES OF CORPORATE POLICY COMMITTEE

Proposed by Councillor Boyd, Seconded by Councillor Agnew and AGREED - that the minutes
be adopted.
"""
    )
    document = parse_text(minutes)
    assert [item.title for item in document.items] == [
        "CHAIR'S BUSINESS",
        "APOLOGIES",
        "DECLARATIONS OF MEMBERS' INTERESTS",
        "MINUTES OF PLANNING COMMITTEE MEETING HELD WEDNESDAY 21 OCTOBER 2026",
        "MINUTES OF CORPORATE POLICY COMMITTEE",
    ]
    assert [len(item.resolutions) for item in document.items] == [0, 0, 0, 1, 1]


def test_without_a_decisions_column_nothing_is_read() -> None:
    plain = TABLE.replace("No Item Summary of Decisions", "No Item")
    assert read_contents(split_lines(plain)) == []
