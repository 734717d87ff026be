"""A Welsh community council's bilingual minutes, an English scrutiny committee's minutes
printed from its committee website, and a Scottish council's minute: the forms each gave the
parser, on short texts written for the tests (councils, people and places invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_item, parse_text
from scrutiny_tui.parser.people import people_from_list


def decisions(text: str) -> list[str]:
    return [r.text for r in parse_item(f"{text}\n", title="Item").resolutions]


def test_a_part_heading_over_its_text_is_no_clause_of_the_decision_before_it() -> None:
    text = (
        "(a) Ceisiadau am Grant / Grant Applications\n"
        "Two applications had been received.\n"
        "Agreed that a grant of £200 be made to the Carnival Committee.\n\n"
        "(b) Taliadau / Payments\n"
        "The following payments were presented for approval:\n"
        "Payee\tPurpose\tAmount\n"
        "R. Pryce-Evans\tClerk's salary\t£610.00\n"
        "Llanfor Hall\tHire of hall\t£30.00\n"
        "RESOLVED: that the payments listed above be approved.\n"
    )
    assert decisions(text) == [
        "that a grant of £200 be made to the Carnival Committee.",
        "that the payments listed above be approved.",
    ]


def test_a_listed_letter_ending_noted_is_a_decision() -> None:
    text = (
        "(a) Ysgol Llanfor – letter of thanks for the Council's donation. Noted.\n"
        "(b) Police newsletter, March. Circulated to members for information.\n"
    )
    assert decisions(text) == [
        "Ysgol Llanfor – letter of thanks for the Council's donation. Noted."
    ]


def test_approval_at_a_month_s_meeting_and_a_month_s_agenda_are_due_then() -> None:
    minutes = """\
Minutes of the meeting of Llanfor Community Council held on 9 February 2027.

Present: Cllrs A. Pryce (Chair), B. Morgan and C. Hughes.

170/26 CORRESPONDENCE
(a) Consultation on the local plan. It was resolved that Cllrs Pryce and Morgan prepare a
draft response for approval at the March meeting.

171/26 ITEMS FOR THE NEXT AGENDA
The following items were requested for the March agenda: the lay-by at Pentre.

172/26 DATE OF NEXT MEETING
Tuesday 9 March 2027.
"""
    document = parse_text(minutes)
    dues = [action.due for item in document.items for action in item.actions]
    assert dues == ["2027-03", "2027-03"]


def test_a_call_in_referred_back_for_reasons_listed_is_one_decision() -> None:
    text = (
        "RESOLVED: That the decision be referred back to Cabinet for reconsideration, for "
        "the following reasons:\n\n"
        "• the consultation did not reach residents without internet access;\n"
        "• the equality impact assessment was not published with the report.\n"
    )
    assert decisions(text) == [
        "That the decision be referred back to Cabinet for reconsideration, for the "
        "following reasons"
    ]


def test_minutes_submitted_and_approved_in_a_scottish_minute_are_a_decision() -> None:
    text = (
        "There were submitted and approved as correct records the Minutes of the Meetings of "
        "the Council held on 10 December 2026 and 21 January 2027.\n"
    )
    assert len(decisions(text)) == 1


def test_a_note_in_brackets_does_not_end_a_wrapped_list_of_members() -> None:
    minutes = """\
MINUTE of MEETING of the GLENAVON COUNCIL held on Thursday, 4 March 2027.

Present: Provost Reid (Chair); Councillors Allan, Bruce,
Dunbar, Fyfe (not present for Article 6), Gray, Hunter,
Innes and Kerr.

Apologies: Councillor Lyall.

1.  DECLARATIONS OF INTEREST

None.

2.  MINUTES

There were submitted and approved as correct records the Minutes of the Meeting of the
Council held on 4 February 2027.
"""
    present = [person.name for person in parse_text(minutes).meeting.present]
    assert present == [
        *("Reid", "Allan", "Bruce", "Dunbar", "Fyfe", "Gray", "Hunter", "Innes", "Kerr")
    ]


def test_officers_listed_by_post_keep_their_whole_posts_and_their_names() -> None:
    listed = (
        "T Lennox, Chief Executive; R\nMoodie, Executive Director of Place; W Orr, Head "
        "of Legal\nand Regulatory Services and Monitoring Officer; and K Pate, Clerk."
    )
    assert [(p.name, p.role) for p in people_from_list(listed, 0)] == [
        ("T Lennox", "Chief Executive"),
        ("R Moodie", "Executive Director of Place"),
        ("W Orr", "Head of Legal and Regulatory Services and Monitoring Officer"),
        ("K Pate", "Clerk"),
    ]


ACTION_POINTS = """\
Minutes of the meeting of the Corporate Scrutiny Committee held on 14 June 2027.

Present: Councillor A Hale (Chair), Councillors B Irwin and C Kerr.

CSC.12 Customer Services Review

The Head of Customer Experience presented the review.

RESOLVED: That the report be noted.

CSC.13 Complaints Annual Report

RESOLVED: That the report be noted.

Action points

Action\tOfficer\tDue date
Circulate the equality impact assessment for the customer services review,\t{officer}\t30/06/2027
with the bus service changes, to all members of the Committee (CSC.12)
Provide complaints figures by ward (CSC.13)\tComplaints Manager\t31/07/2027
""".format(officer="Head of Customer Experience")


def test_an_action_row_goes_to_the_item_its_code_names_and_its_first_cell_goes_on() -> None:
    document = parse_text(ACTION_POINTS)
    placed = {item.number: [(a.text, a.due) for a in item.actions] for item in document.items}
    assert placed["CSC.12"] == [
        (
            "Circulate the equality impact assessment for the customer services review, with "
            "the bus service changes, to all members of the Committee (CSC.12) (Head of "
            "Customer Experience)",
            "2027-06-30",
        )
    ]
    assert placed["CSC.13"] == [
        ("Provide complaints figures by ward (CSC.13) (Complaints Manager)", "2027-07-31")
    ]
