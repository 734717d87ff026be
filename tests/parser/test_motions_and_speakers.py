"""Several motions recorded in one paragraph, resolutions numbered from a council's register,
and lists of speakers numbered like items: each on a short text written for the test
(councils, people and topics invented)."""

from __future__ import annotations

from scrutiny_tui.parser import parse_item, parse_text


def decisions(text: str) -> list[str]:
    return [r.text for r in parse_item(f"{text}\n", title="Item").resolutions]


# ---- several motions in one paragraph ----------------------------------------------------


def test_each_motion_in_a_paragraph_that_passed_is_a_decision() -> None:
    resolved = (
        "It was proposed by Cllr Hale, seconded by Cllr Irwin and resolved to accept the "
        "quotation for the new bench. It was proposed by Cllr Kerr, seconded by Cllr Hale and "
        "resolved to renew the grass cutting contract for a further year."
    )
    assert decisions(resolved) == [
        "to accept the quotation for the new bench.",
        "to renew the grass cutting contract for a further year.",
    ]
    carried = (
        "Moved by Cr Hale, seconded by Cr Irwin, that the quarterly report be received. "
        "Carried. Moved by Cr Kerr, seconded by Cr Hale, that the revised fees be adopted. "
        "Carried."
    )
    assert decisions(carried) == [
        "that the quarterly report be received.",
        "that the revised fees be adopted.",
    ]


def test_a_paragraph_of_votes_counts_the_amendment_carried_not_the_motion_left_open() -> None:
    votes = (
        "On item A, it was MOVED by Dane, seconded by Orr, to commission a study of "
        "the depot's relocation. Unanimously carried by voice vote. Turning to item B, it "
        "was MOVED by Dane, seconded by Orr, to approve $900 for radios. Ms Pike asked that the "
        "sum be raised. It was MOVED by Dane, seconded by Orr, to amend the motion making the "
        "sum $1200. Unanimously carried by voice vote. Lyle absent."
    )
    assert decisions(votes) == [
        "to commission a study of the depot's relocation.",
        "to amend the motion making the sum $1200.",
    ]


def test_the_motion_left_open_passes_when_the_motion_as_amended_is_carried() -> None:
    votes = (
        "On item A, it was MOVED by Dane, seconded by Orr, to commission a study of "
        "the depot's relocation. Unanimously carried by voice vote. Turning to item B, it "
        "was MOVED by Dane, seconded by Orr, to approve $900 for radios. Ms Pike asked that the "
        "sum be raised. It was MOVED by Dane, seconded by Orr, to amend the motion making the "
        "sum $1200. Unanimously carried by voice vote. A vote was then called on the motion, "
        "as amended. Carried, Lyle voting no."
    )
    assert decisions(votes) == [
        "to commission a study of the depot's relocation.",
        "to approve $900 for radios.",
        "to amend the motion making the sum $1200.",
    ]


def test_a_lost_motion_in_the_paragraph_decides_nothing() -> None:
    lost_then_carried = (
        "Moved by Cr Hale, seconded by Cr Irwin, that the hall fees be frozen. Lost. Moved by "
        "Cr Kerr, seconded by Cr Hale, that the hall fees rise by two per cent. Carried. Moved "
        "by Cr Irwin, seconded by Cr Kerr, that the report on hall bookings be received. Carried."
    )
    assert decisions(lost_then_carried) == [
        "that the hall fees rise by two per cent.",
        "that the report on hall bookings be received.",
    ]


def test_a_mover_and_seconder_on_sentences_of_their_own_are_one_motion() -> None:
    one = (
        "Moved by Cllr Hale. Seconded by Cllr Irwin. RESOLVED that the report on the depot and "
        "the lease of its yard be noted and the new fees adopted."
    )
    assert len(decisions(one)) == 1


# ---- resolutions numbered from the council's register ------------------------------------


def test_a_numbered_resolution_on_one_line_is_a_decision() -> None:
    one_line = (
        "Resolution 301/2026 Moved: Cr Tom Reed Seconded: Cr Ann Bell "
        "Council adjourn for Public Forum. |"
    )
    assert decisions(one_line) == [
        "Resolution 301/2026 Moved: Cr Tom Reed Seconded: Cr Ann Bell "
        "Council adjourn for Public Forum."
    ]
    stacked = (
        "Resolution 303/2026\nMoved: Cr Tom Reed\nSeconded: Cr Ann Bell\n"
        "That Council resume the meeting."
    )
    assert len(decisions(stacked)) == 1


def test_a_numbered_resolution_recorded_as_lost_is_none() -> None:
    assert (
        decisions(
            "Resolution 304/2026 Moved: Cr Tom Reed Seconded: Cr Ann Bell "
            "That the hire fee be waived. Lost"
        )
        == []
    )
    assert (
        decisions(
            "Resolution 305/2026\nMoved: Cr Tom Reed\nSeconded: Cr Ann Bell\n"
            "That the hire fee be waived.\nLost"
        )
        == []
    )


def test_an_unnumbered_motion_still_needs_its_vote() -> None:
    # without a register number, words moved and seconded may yet have been lost
    assert decisions("Moved: Cr Tom Reed Seconded: Cr Ann Bell Council waive the fee. |") == []


# ---- a list of speakers is not the business ----------------------------------------------

_FORUM = """MINUTES OF Smalltown Regional Council Ordinary Council Meeting
HELD ON Tuesday, 10 November 2026 AT 6:00pm
PRESENT: Cr Ann Bell (Mayor), Cr Tom Reed, Cr Lee Hunt
IN ATTENDANCE: Sue Marsh (General Manager), Ravi Patel (Manager Finance)
The Mayor opened the meeting and welcomed the gallery.
ADJOURN MEETING FOR PUBLIC FORUM
Resolution 301/2026 Moved: Cr Tom Reed Seconded: Cr Ann Bell Council adjourn for Public Forum. |
List of Speakers
1. Mr. Paul Hart – Mr. Hart addressed Council about the footpath on Main Street.
2. Ms. Jane Ives – Ms. Ives spoke in support of the library proposal.
3. Mrs. Rose Kemp – Mrs. Kemp asked about the rates notice.
RESUMPTION OF MEETING
Resolution 302/2026 Moved: Cr Lee Hunt Seconded: Cr Ann Bell Council resume the meeting. |
"""


def test_numbered_speakers_are_not_items_and_the_meeting_is_read() -> None:
    parsed = parse_text(_FORUM)
    assert [item.title for item in parsed.items] == [
        "ADJOURN MEETING FOR PUBLIC FORUM",
        "List of Speakers",
        "RESUMPTION OF MEETING",
    ]
    assert [len(item.resolutions) for item in parsed.items] == [1, 0, 1]
    assert parsed.meeting.date == "2026-11-10"
    assert [person.name for person in parsed.meeting.present] == [
        "Ann Bell",
        "Tom Reed",
        "Lee Hunt",
    ]


def test_an_item_titled_by_its_subject_after_a_number_stays() -> None:
    numbered = (
        "1. Apologies\n\nNone were received.\n\n2. Dr Foster Walk Extension\n\n"
        "The report was noted.\n\n3. Close\n\nThe meeting closed.\n"
    )
    assert [item.number for item in parse_text(numbered).items] == ["1", "2", "3"]


# ---- names in a decision about apologies ---------------------------------------------------


def test_an_apology_accepted_by_resolution_names_only_the_member() -> None:
    for honorific in ("Cr", "Cllr", "Councillor"):
        text = (
            "Minutes of the Council held on 10 November 2026\n\n"
            f"PRESENT: {honorific} Ann Bell (Chair), {honorific} Tom Reed\n\n1. Apologies\n\n"
            f"Resolution 461/2026\nMoved: {honorific} Tom Reed\nSeconded: {honorific} Ann Bell\n"
            f"That the apology received from {honorific} Neville Tilley be accepted and a leave "
            "of absence granted.\nCarried\n\n2. Close\n\nThe meeting closed at 7pm.\n"
        )
        parsed = parse_text(text)
        assert [person.name for person in parsed.meeting.apologies] == ["Neville Tilley"]
        assert [person.name for person in parsed.meeting.present] == ["Ann Bell", "Tom Reed"]


# ---- a notice of motion quoted, its amendment, and the vote ------------------------------

NOTICE_OF_MOTION = """\
The following Notice of Motion was proposed by Councillor Hale and seconded by
Councillor Irwin:

"That this Council notes the closure of the Kilbride branch library and agrees to
write to the Minister asking that a mobile library visit the village weekly."

Councillor Hale spoke to the motion.

AMENDMENT

Proposed by Alderman Kerr
Seconded by Councillor Moss

That the words "write to the Minister" be replaced with "invite the library service to
a meeting of the Community Committee".

The amendment was put to the meeting and declared lost, 9 Members voting For and 20
Members voting Against.

The substantive motion was then put to the meeting and a recorded vote was requested.

In Favour (20) Councillors Hale, Irwin and others
Against (9) Alderman Kerr, Councillor Moss and others

The Mayor declared the motion carried.
"""


def test_a_quoted_notice_of_motion_carried_after_its_amendment_fell_is_the_decision() -> None:
    assert decisions(NOTICE_OF_MOTION) == [
        "That this Council notes the closure of the Kilbride branch library and agrees to "
        "write to the Minister asking that a mobile library visit the village weekly."
    ]


def test_a_quoted_motion_put_to_the_meeting_and_agreed_is_the_decision() -> None:
    agreed = (
        "The following Notice of Motion was proposed by Councillor Moss and seconded by "
        "Councillor Kerr:\n\n"
        '"That this Council provides a defibrillator at every Council sports pitch."\n\n'
        "Members from all parties spoke in support.\n\n"
        "The motion was put to the meeting and AGREED unanimously.\n"
    )
    assert decisions(agreed) == [
        "That this Council provides a defibrillator at every Council sports pitch."
    ]


def test_a_note_that_the_press_and_public_left_is_no_clause_of_the_decision() -> None:
    text = (
        "Proposed by Councillor Hale\nSeconded by Councillor Irwin and\n\n"
        "AGREED – that Council move 'In Committee'.\n\n"
        "* Press and public were disconnected from the meeting at 8.47 pm.\n"
    )
    assert decisions(text) == ["that Council move 'In Committee'."]


def test_each_proposal_with_its_decision_in_the_sentence_is_one() -> None:
    text = (
        "On the proposal of Cllr. Ann Hale, seconded by Cllr. Brian Irwin, the minutes of "
        "the meeting held on 8th March 2027 were adopted.\n\n"
        "On the proposal of Cllr. Brian Irwin, seconded by Cllr. Ann Hale, the minutes of "
        "the Special Meeting held on 22nd March 2027 were adopted.\n\n"
        "On the proposal of Cllr. Cara Moss, seconded by Cllr. Ann Hale, the allocation "
        "set out in the report was approved.\n\n"
        "On the proposal of Cllr. Ann Hale, seconded by Cllr. Cara Moss, the Members "
        "approved the disposal of the site at Knockmore.\n\n"
        "The motion was adopted.\n"
    )
    assert decisions(text) == [
        "the minutes of the meeting held on 8th March 2027 were adopted.",
        "the minutes of the Special Meeting held on 22nd March 2027 were adopted.",
        "the allocation set out in the report was approved.",
        "the Members approved the disposal of the site at Knockmore.",
        "The motion was adopted.",
    ]
