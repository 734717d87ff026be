"""Minutes whose page or table reached us as one very long line: the item headings in the
flow of the words are found as they are in ordinary text, and ordinary text is left alone."""

from __future__ import annotations

from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.blocks import split_lines
from scrutiny_tui.parser.flattened import LONG_LINE, split_flattened

_FILLER = "The members discussed the matter at some length and asked questions of officers. "


def _padded(text: str) -> str:
    """``text`` with enough discussion in front to make its one line a flattened page."""
    return "Minutes of the Parish Council held on 4 March 2024. " + _FILLER * 14 + text


def test_numbered_upper_case_headings_in_the_flow_are_items() -> None:
    text = _padded(
        "41 APOLOGIES FOR ABSENCE None were received. "
        "42 MINUTES OF THE LAST MEETING RESOLVED: The minutes were approved as a true record "
        "43 FOOTPATHS The clerk reported on the stile at the north field. "
        "44 CORRESPONDENCE A letter from the library was read."
    )
    assert "\n" not in text and len(text) > LONG_LINE
    document = parse_text(text)
    assert [(item.number, item.title) for item in document.items] == [
        ("41", "APOLOGIES FOR ABSENCE"),
        ("42", "MINUTES OF THE LAST MEETING"),
        ("43", "FOOTPATHS"),
        ("44", "CORRESPONDENCE"),
    ]
    assert len(document.items[1].resolutions) == 1


def test_numbers_that_do_not_run_in_sequence_do_not_cut_the_line() -> None:
    raw = _padded("On 12 March the 40 Members met at 7 Church Street and 3 Officers spoke.")
    lines = split_lines(raw)
    assert split_flattened(lines) == lines


def test_decision_keywords_in_upper_case_are_not_headings() -> None:
    raw = _padded("Discussed. RESOLVED That it be noted. Later. AGREED To write. Done. MOVED By A.")
    lines = split_lines(raw)
    assert split_flattened(lines) == lines


def test_ordinary_lines_are_returned_as_they_are() -> None:
    lines = split_lines("1. APOLOGIES None.\n\n2. MINUTES RESOLVED: approved.\n")
    assert split_flattened(lines) is lines


def test_the_cut_lines_keep_their_offsets_in_the_text() -> None:
    text = "Heading\n" + _padded("7 ALPHA Words here. 8 BETA More words. 9 GAMMA The end.")
    for line in split_flattened(split_lines(text)):
        assert text[line.start : line.end] == line.raw


def test_topic_headings_in_capitals_between_sentences_are_items() -> None:
    # a council's page flattened to one line: no numbers, its business headed by topic
    text = (
        "ADJOURNED MEETING - CAPITAL PLAN The Town Council met on this date at 9:00 a.m. in "
        "the Council Chamber. Council members present were Mayor Ada Quill, Ben Roe and "
        "Cara Stott. "
        + _FILLER
        * 10
        + "PARKS It was MOVED by Roe, seconded by Stott, to resurface the east car park. "
        "Unanimously carried by voice vote. "
        + _FILLER
        * 3
        + "STREET LIGHTING Referring to item C, it was MOVED by Stott, seconded by Quill, to "
        "replace forty lamps. Carried. The meeting adjourned at 11:40 a.m."
    )
    assert "\n" not in text and len(text) > LONG_LINE
    document = parse_text(text)
    # the first line is the meeting's own head over its attendance, not an item
    assert [item.title for item in document.items] == ["PARKS", "STREET LIGHTING"]
    assert [len(item.resolutions) for item in document.items] == [1, 1]


def test_one_word_in_capitals_between_sentences_is_no_scheme() -> None:
    raw = _padded("The lease ran out. NOTE The clerk will write. Words after it follow here.")
    lines = split_lines(raw)
    assert split_flattened(lines) == lines


def test_initials_before_a_name_in_capitals_are_not_a_sentence_end() -> None:
    raw = _padded("Chaired by J. SMITH Presiding officer. Then K. BROWN Deputy took the chair.")
    lines = split_lines(raw)
    assert split_flattened(lines) == lines


BOARD_PAGE = (
    "HomeMy WebLinkAbout05/11/2027 Regular Meeting ORLEY COUNTY BOARD OF COMMISSIONERS "
    "REGULAR MEETING MINUTES Tuesday, May 11, 2027 Commission Chambers The Chair called the "
    "meeting to order at 9:00 a.m. Commissioners present: Chair Ana Ruiz, Vice Chair Ben "
    "Moss and Commissioner Carl Dyer. Staff present: County Administrator Dee Lamb. "
    "APPROVAL OF AGENDA Commissioner Moss moved, seconded by Commissioner Dyer, to approve "
    "the agenda. Motion carried 3-0. CONSENT AGENDA A. Approval of the minutes of the April "
    "27, 2027 meeting B. A lease with the City of Orley from June 1, 2027 through May 31, "
    "2028 C. Appointment to the Fair Board for a term ending December 31, 2029 It was MOVED "
    "by Commissioner Dyer, seconded by Commissioner Moss, to approve the consent agenda. "
    "Unanimously carried. " + _FILLER * 4 + "ROAD DEPARTMENT 2027 Paving Program. The "
    "engineer reported on the bids. Ms Lamb asked that the list be published. Commissioner "
    "Ruiz moved, seconded Board of Commissioners Minutes May 11, 2027 Page 1 by Commissioner "
    "Moss, to award the paving contract to Dale Asphalt. Motion carried 3-0. Commissioner "
    "Dyer moved, seconded by Commissioner Moss, to lower the speed limit on Mill Road. Motion "
    "failed 1-2. Staff was directed to bring back a speed study at the June 8 meeting. "
    + _FILLER
    * 4
    + "ADJOURNMENT The meeting adjourned at 11:05 a.m. Board of Commissioners Minutes May "
    "11, 2027 Page 2"
)


def test_a_board_s_flattened_page_reads_its_topics_attendance_votes_and_feet() -> None:
    assert "\n" not in BOARD_PAGE and len(BOARD_PAGE) > LONG_LINE
    document = parse_text(BOARD_PAGE)
    # the years of dates (2027, 2028, 2029) are no numbering; a topic may go on with a
    # list's first letter or a number; the running foot "… Page 1" is no title
    assert [item.title for item in document.items] == [
        "APPROVAL OF AGENDA",
        "CONSENT AGENDA",
        "ROAD DEPARTMENT",
        "ADJOURNMENT",
    ]
    assert [person.name for person in document.meeting.present] == [
        "Ana Ruiz",
        "Ben Moss",
        "Carl Dyer",
    ]
    road = document.items[2]
    # the foot in the middle of the motion is not part of it, and the motion's words are
    # its own sentence's, not an earlier sentence's "that"; the failed motion decides
    # nothing, the direction to staff after it does
    assert [r.text for r in road.resolutions] == [
        "to award the paving contract to Dale Asphalt.",
        "Staff was directed to bring back a speed study at the June 8 meeting.",
    ]
    assert [action.due for action in road.actions] == ["2027-06-08"]
    assert [r.text for r in document.items[0].resolutions] == ["to approve the agenda."]


def test_page_numbers_without_a_running_head_do_not_cut_the_line() -> None:
    raw = _padded("As set out at page 2 of the report. Members turned to Page 3 of the plan.")
    lines = split_lines(raw)
    assert split_flattened(lines) == lines
