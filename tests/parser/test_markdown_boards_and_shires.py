"""A board's minutes saved as Markdown, an Australian shire's ordinary meeting and a London
borough's full Council: the forms each gave the parser, on short texts written for the tests
(councils, people and places invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.markup import without_inline_markup

BOARD_MARKDOWN = """\
[![Wexmoor County Council logo](https://example.org/logo.png)](https://example.org/)

# Health and Wellbeing Board

## Minutes of the meeting held on Thursday, 4 March 2027 at 2.00 pm

**Present:**

* Councillor Ann Hale (Chair) – Cabinet Member for Children and Young People, Wexmoor County Council
* Dr Ravi Menon – Place Director, Wexmoor Integrated Care Board
* Tom Birch – Chair, Healthwatch Wexmoor

### 1. Apologies

Apologies for absence were received from Councillor Ben Irwin and from Jo Kerr (Chief
Executive, Wexmoor Community NHS Trust).

### 2. [Better Care Fund 2027–29](https://example.org/issues/4811)

[Report (PDF, 845KB)](https://example.org/documents/bcf.pdf)

**RESOLVED** – that the Board: (a) approves the Better Care Fund plan; and (b) asks the
Director of Public Health to report back to the Board in September 2027.
"""


def test_markdown_s_marks_are_read_as_their_words() -> None:
    document = parse_text(BOARD_MARKDOWN)
    meeting = document.meeting
    assert (meeting.council, meeting.body, meeting.date) == (
        "Wexmoor County Council",
        "Health and Wellbeing Board",
        "2027-03-04",
    )
    # one person a bullet, though the post after the dash holds an "and" and a comma
    assert [p.name for p in meeting.present] == ["Ann Hale", "Ravi Menon", "Tom Birch"]
    # a partner body's chief executive is a member of the board, whose apology counts
    assert [p.name for p in meeting.apologies] == ["Ben Irwin", "Jo Kerr"]
    assert [item.title for item in document.items] == ["Apologies", "Better Care Fund 2027–29"]
    fund = document.items[1]
    assert [r.label for r in fund.resolutions] == ["a", "b"]
    assert [a.due for a in fund.actions] == ["2027-09"]


def test_the_marks_are_blanked_so_that_every_offset_holds() -> None:
    given = "**RESOLVED** – see [the report](https://example.org/r.pdf) and ![map](m.png)"
    blanked = without_inline_markup(given)
    assert len(blanked) == len(given)
    assert blanked.split() == ["RESOLVED", "–", "see", "the", "report", "and", "map"]
    assert blanked.index("RESOLVED") == given.index("RESOLVED")


SHIRE = """\
Ordinary Council Meeting Minutes – 18 March 2027

MINUTES OF THE ORDINARY MEETING OF KERRICK SHIRE COUNCIL HELD ON 18 MARCH 2027

Attendance

Councillors:     Cr Fiona Hale (Mayor)
                 Cr Ben Irwin
                 Cr Ann Kerr

Also present:    Glen Marsh, Marsh Asset Consulting (item 9.1 only)

1      OPENING OF MEETING

The Mayor opened the meeting at 6.00pm.

2      CONFIRMATION OF MINUTES

COUNCIL RESOLUTION 2027/44
Moved: Cr Kerr
Seconded: Cr Irwin
That the minutes of the Ordinary Meeting held on 18 February 2027 be confirmed.
                                                                        CARRIED 3/0

9      CORPORATE SERVICES REPORTS

9.1    Quarterly Financial Report

OFFICER RECOMMENDATION
That Council:
1.  receive the Quarterly Financial Report for the period ended 31 December 2026; and
2.  note the forecast year-end position.

COUNCIL RESOLUTION 2027/45
Moved: Cr Irwin
Seconded: Cr Kerr
That Council:
1.  receive the Quarterly Financial Report for the period ended 31 December 2026; and
2.  note the forecast year-end position.
                                                                        CARRIED 3/0

9.2    Planning Permit Application PA2026/118 – Dwelling, 440 Kerrick Road

COUNCIL RESOLUTION 2027/46
Moved: Cr Kerr
Seconded: Cr Irwin
That Council issue a Notice of Decision to Grant a Permit for application PA2026/118,
subject to the following conditions:
1.  The development must be carried out in accordance with the endorsed plans.
2.  The dwelling must be connected to a tank reserved for firefighting.
3.  The permit will expire if the development is not started within two years.
                                                                        CARRIED 2/1

10     INFRASTRUCTURE REPORTS

10.1   Road Maintenance Program

COUNCIL RESOLUTION 2027/47
Moved: Cr Hale
Seconded: Cr Kerr
That Council note the road maintenance program report.
                                                                        CARRIED 3/0

Meeting closed at 7.42pm.
"""


def test_a_shire_s_attendance_and_its_resolutions() -> None:
    document = parse_text(SHIRE)
    assert [p.name for p in document.meeting.present] == ["Fiona Hale", "Ben Irwin", "Ann Kerr"]
    assert [(p.name, p.role) for p in document.meeting.attending] == [
        ("Glen Marsh", "Marsh Asset Consulting")
    ]
    assert [item.number for item in document.items] == ["1", "2", "9.1", "9.2", "10.1"]
    assert [len(item.resolutions) for item in document.items][:2] == [0, 1]
    report, permit = document.items[2:4]
    # the resolution repeats the officer's recommendation line for line: its clauses are no
    # running head, and are the decisions
    assert [r.label for r in report.resolutions] == ["1", "2"]
    # a permit granted on conditions, the vote after them, is one decision
    assert len(permit.resolutions) == 1


def test_the_mayor_named_in_brackets_is_present_and_lateness_is_no_apology() -> None:
    minutes = """\
MINUTES of the meeting of the Council held on Wednesday 14 April 2027 at 7.30 pm

PRESENT:      The Mayor (Councillor Grace Okoro) in the Chair
              The Deputy Mayor (Councillor Alan Brent)

              Councillors Ruth Ashby, Simon Cole and Nigel Dunn

1.     APOLOGIES FOR ABSENCE

       Apologies for absence were received from Councillor Delia Hart. Apologies for
       lateness were received from Councillor Nigel Dunn, who arrived at 7.50 pm.

2.     MINUTES

       RESOLVED: That the minutes of the meeting held on 3 March 2027 be approved.
"""
    meeting = parse_text(minutes).meeting
    assert [p.name for p in meeting.present] == [
        "Grace Okoro",
        "Alan Brent",
        "Ruth Ashby",
        "Simon Cole",
        "Nigel Dunn",
    ]
    assert [p.name for p in meeting.apologies] == ["Delia Hart"]


def test_circulating_a_map_to_members_is_due_by_its_date() -> None:
    minutes = (
        "Minutes of the meeting of the Health and Wellbeing Board held on 4 March 2027.\n\n"
        "16. Pharmacy Needs Assessment\n\nThe Board noted the assessment.\n\n"
        "17. Work Programme\n\nThe Board noted the work programme.\n\n"
        "| Action | Lead | Date |\n|---|---|---|\n"
        "| Circulate map of pharmacy opening hours (minute 16) | Director of Public Health "
        "| 30 April 2027 |\n"
    )
    placed = {item.number: [a.due for a in item.actions] for item in parse_text(minutes).items}
    assert placed == {"16": ["2027-04-30"], "17": []}
