"""The cues that mark a request, found once over an item's text and shared by its paragraphs."""

from __future__ import annotations

from scrutiny_tui.parser.actions import (
    cue_words,
    due_and_body,
    request_sentences,
    words_within,
)

ITEM = (
    "The Panel noted the update on void repairs. Members asked that the Head of Repairs "
    "report back to the March meeting with the figures for each estate.\n\n"
    "The Chair said that the contractor's revised plan was late, and "
    "suggested the addition of a report on agency staff to the meeting on 20 April 2027.\n\n"
    "It was agreed to defer the item on damp to the June meeting and to bring the survey "
    "results to the Board."
)


def test_a_paragraphs_share_of_the_cue_words_is_what_it_would_find_alone() -> None:
    lower = ITEM.lower()
    places = cue_words(lower)
    assert places, "the item holds the rarer cues' words"
    cuts = [0, 5, 44, 150, 151, ITEM.index("addition") + 3, ITEM.index("\n\nIt"), len(ITEM)]
    for start in cuts:
        for end in cuts:
            if start <= end:
                assert words_within(places, start, end) == cue_words(lower[start:end])


def test_each_request_comes_with_where_its_cue_starts() -> None:
    found = request_sentences(ITEM)
    texts = [(ITEM[start:end], ITEM[cue:end]) for start, end, cue in found]
    assert texts[0] == (
        "Members asked that the Head of Repairs report back to the March meeting with the "
        "figures for each estate.",
        "asked that the Head of Repairs report back to the March meeting with the figures "
        "for each estate.",
    )
    assert texts[1][1].startswith("addition of a report on agency staff")
    assert texts[2][1].startswith("defer the item on damp to the June meeting")


def test_when_and_to_whom_are_read_from_the_cue_on() -> None:
    # (the date before the cue is not the request's)
    assert due_and_body("report back to the March meeting", "2027-01-14") == ("2027-03", None)
    assert due_and_body(
        "addition of a report on agency staff to the meeting on 20 April 2027", "2027-01-14"
    ) == ("2027-04-20", None)
    assert due_and_body("bring the survey results to the Board.", None) == (None, "Board")
