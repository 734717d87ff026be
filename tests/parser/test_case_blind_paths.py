"""The parser reads a text the same whichever way its case-blind patterns run.

Most texts are lower-cased once and read by quicker patterns written for lower-cased text
(``parser.lowered``); a text holding one of the few characters whose case folds otherwise
("İ" among them) is read by the case-blind patterns themselves. Every whole meeting written
for the tests, read both ways, gives the same items, decisions, requests and meeting (and
the same "not minutes" warning for an agenda or a forward plan).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scrutiny_tui.extract import load_document
from scrutiny_tui.parser import parse_text
from scrutiny_tui.parser.contents_table import may_hold_contents
from scrutiny_tui.parser.lowered import lowered
from scrutiny_tui.parser.model import ParsedDocument

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
WHOLE_MEETINGS = sorted(path for path in FIXTURES.rglob("*") if path.is_file())
# lower-cases to two characters, so a text holding it is read case-blind
DOTTED_CAPITAL_I = "\u0130"


def what_was_read(parsed: ParsedDocument) -> dict[str, Any]:
    meeting = parsed.meeting
    return {
        "meeting": (meeting.council, meeting.body, meeting.date),
        "present": [person.name for person in meeting.present],
        "apologies": [person.name for person in meeting.apologies],
        "not minutes": [found for found in parsed.warnings if found.startswith("not minutes")],
        "items": [
            (
                item.number,
                item.title,
                [(found.label, found.text, found.kind) for found in item.resolutions],
                [(found.ref, found.text) for found in item.recommendations],
                [(found.text, found.due, found.body) for found in item.actions],
            )
            for item in parsed.items
        ],
    }


def with_case_blind_line(text: str, text_format: str) -> str:
    """The text with a line of its own holding "İ" after its first paragraph (at the end of
    Markdown, whose first paragraph may be front matter)."""
    if text_format == "markdown" or "\n\n" not in text:
        return f"{text}\n\n{DOTTED_CAPITAL_I}\n"
    return text.replace("\n\n", f"\n\n{DOTTED_CAPITAL_I}\n\n", 1)


def test_the_marked_text_is_read_case_blind() -> None:
    assert lowered("RESOLVED that the report be noted.") is not None
    assert lowered(with_case_blind_line("Minutes\n\nRESOLVED.", "text")) is None


@pytest.mark.parametrize("path", WHOLE_MEETINGS, ids=lambda path: path.name)
def test_a_whole_meeting_reads_the_same_both_ways(path: Path) -> None:
    document = load_document(path)
    quick = parse_text(document.text, format=document.format, metadata=document.metadata)
    case_blind = parse_text(
        with_case_blind_line(document.text, document.format),
        format=document.format,
        metadata=document.metadata,
    )
    assert what_was_read(case_blind) == what_was_read(quick)


@pytest.mark.parametrize(
    "text",
    [
        "No Item Summary of Decisions\n1 Apologies Noted",
        "  No.\tItem\tDecision  \n",
        "NO ITEM OUTCOMES\n",
        "Intro\nno item summary of decisions\n",
        # not headers: words before "No", a header run into its first row, an item alone
        "See No Item Decisions\n",
        "No Item Decisions 1 Apologies\n",
        "Item Summary of Decisions\n",
        "No decision was taken on the item.\n",
    ],
)
def test_a_contents_header_is_found_alike_in_either_case(text: str) -> None:
    lower = lowered(text)
    assert lower is not None
    assert may_hold_contents(text, lower) == may_hold_contents(text)
