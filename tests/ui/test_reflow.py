"""Reflowing the minutes' own line breaks: pure text in, same-length text out."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_tui.services.anchoring import locate, quote_at
from scrutiny_tui.services.browse import readable
from scrutiny_tui.ui.widgets.reflow import reflow

FIXTURES = Path(__file__).parents[1] / "fixtures" / "minutes"

WRAPPED = """Apologies had been received from Cllr T Walsh and Cllr E Byrne. There were no
substitutes.
232 Minutes of the previous meeting
RESOLVED that the minutes of the meeting held on 13 July 2017 be approved as a correct
record."""


def test_a_paragraph_broken_by_the_file_reads_as_one_line():
    assert reflow(WRAPPED).split("\n") == [
        "Apologies had been received from Cllr T Walsh and Cllr E Byrne. There were no"
        " substitutes.",
        "232 Minutes of the previous meeting",
        "RESOLVED that the minutes of the meeting held on 13 July 2017 be approved as a"
        " correct record.",
    ]


def test_only_line_breaks_change_so_every_offset_still_points_at_its_words():
    text = (FIXTURES / "styles" / "hard_wrapped_minute_numbers.txt").read_text()
    minutes, _ = readable(text)
    flowed = reflow(minutes)
    assert len(flowed) == len(minutes)
    assert [i for i, (a, b) in enumerate(zip(minutes, flowed, strict=True)) if a != b] == [
        i for i, (a, b) in enumerate(zip(minutes, flowed, strict=True)) if (a, b) == ("\n", " ")
    ]
    assert flowed.count("\n") < minutes.count("\n")


def test_blank_lines_list_items_and_labels_stay_where_they_are():
    text = """The Board resolved:-
(a) not to refer the decision back to the Cabinet Member;
(b) that the Cabinet Member be requested to ensure that each of the 34 people has a
reviewed care plan before the centre closes; and
(c) that a report on the outcome of the transfers be submitted to this Board in
January 2018.

Present:
Cllr S Mahmood (Chair)
Cllr R Ellison (Vice-Chair)
- the forecast overspend of £2.1m was mainly on residential and nursing placements
for older people;
- savings of £0.8m from the reablement service were on track.
1. That the minutes of the meeting held on 11 October 2023 be approved as a correct
record and signed by the Chair.
2. That the report be noted.
·  Members asked about CAMHS waiting times for looked after children.
·  The Chairman requested a report."""
    assert reflow(text).split("\n") == [
        "The Board resolved:-",
        "(a) not to refer the decision back to the Cabinet Member;",
        "(b) that the Cabinet Member be requested to ensure that each of the 34 people has a"
        " reviewed care plan before the centre closes; and",
        "(c) that a report on the outcome of the transfers be submitted to this Board in"
        " January 2018.",
        "",
        "Present:",
        "Cllr S Mahmood (Chair)",
        "Cllr R Ellison (Vice-Chair)",
        "- the forecast overspend of £2.1m was mainly on residential and nursing placements"
        " for older people;",
        "- savings of £0.8m from the reablement service were on track.",
        "1. That the minutes of the meeting held on 11 October 2023 be approved as a correct"
        " record and signed by the Chair.",
        "2. That the report be noted.",
        "·  Members asked about CAMHS waiting times for looked after children.",
        "·  The Chairman requested a report.",
    ]


@pytest.mark.parametrize(
    "table",
    [
        "Ward            Cases   Change\nNorth           412     -12\nSouth           296     +4",
        "| Ward | Cases |\n| North | 412 |\n| South | 296 |",
        "Ward\tCases\nNorth\t412",
    ],
)
def test_table_like_lines_are_kept_as_they_are(table):
    assert reflow(table) == table


def test_a_heading_keeps_its_own_line():
    text = (
        "231 Apologies for Absence and Substitutions\n"
        "Apologies had been received from Cllr T Walsh and Cllr E Byrne. There were no\n"
        "substitutes, and the Chair welcomed the new Vice-Chair to the Board for the year."
    )
    assert reflow(text).split("\n")[0] == "231 Apologies for Absence and Substitutions"


def test_a_line_ending_mid_sentence_or_an_honorific_goes_on():
    text = (
        "ALSO PRESENT: Mr C Pennington-Rowe (Cabinet Member for Highways and Transport) and Mrs\n"
        "E Stroud (Cabinet Member for Environment)"
    )
    assert "\n" not in reflow(text)


@pytest.mark.parametrize("text", ["", "one line", "\n\n", "a\n\nb", "short\nlines\nhere."])
def test_edges(text):
    flowed = reflow(text)
    assert len(flowed) == len(text)
    assert flowed.count("\n\n") == text.count("\n\n")


def test_a_note_anchored_to_words_is_found_in_the_reflowed_minutes_at_the_same_place():
    minutes, _ = readable(
        (FIXTURES / "health_asc_scrutiny_board_2017-09-14.txt").read_text(encoding="utf-8")
    )
    start = minutes.index("the 34 people attending")
    end = minutes.index("transport provided.") + len("transport provided.")
    quote = quote_at(minutes, start, end)
    assert "\n" in quote.exact  # the quote spans one of the file's line breaks
    assert locate(reflow(minutes), quote.exact, quote.prefix, quote.suffix) == (start, end)
