"""A table of contents with a column of decisions, printed at the head of a council's minutes
("No  Item  Summary of Decisions"): a row for each item and sub-item, its title and, beside it,
what the meeting did ("Received", "Adopted including point of accuracy at Item 6.3", "Agreed
to accept report as presented"), or only saw ("Recorded", "Information").

Taken from a PDF, the columns run together: a row's decision follows its title on the same
line, or stands on a line of its own among the title's wrapped lines, and goes on over the
lines the printer wrapped. The cell is known by the words it opens with. Where the minutes
themselves follow the table, their items hold the decisions and the table is not read for
them; where the table is all there is of the meeting, its cells are the decisions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutiny_tui.parser.blocks import Line
from scrutiny_tui.parser.decisions import classify
from scrutiny_tui.parser.model import Resolution, Span

_HEADER = re.compile(
    r"^No\.?\s+Item\s+(?:Summary\s+of\s+)?(?:Decisions?|Outcomes?)$", re.IGNORECASE
)
_ROW = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,2})?)\.?\s+\S")
# what the meeting did with the item: the cell's first word
_DECIDED = (
    r"Received|Adopted|Agreed|Approved|Noted|Confirmed|Deferred|Ratified|Accepted|Endorsed"
    r"|Rejected|Refused|Granted|Resolved|Carried"
)
# the cell after the title on the row's line: "… Business Received", "… Update received"
# (what was received, then the word), or a cell that records no decision ("Recorded")
_CELL = re.compile(
    rf"\s(?P<cell>(?:(?P<decided>{_DECIDED})|Recorded|Information|For\s+information)\b.*"
    r"|(?P<done>[A-Z][a-z]+\s+(?:received|noted|adopted|approved|agreed)\b.*))$"
)
# the cell standing on a line of its own, among the title's wrapped lines
_CELL_LINE = re.compile(rf"^(?:{_DECIDED})\b")
_PAGE = re.compile(r"\bPage\s+\d{1,4}\b")


@dataclass(slots=True)
class ContentsRow:
    line: int  # the index of the row's first line
    title: str  # the row's words before its decision cell
    decision: Resolution | None  # what the meeting did, if the cell records a decision


# the header looked for in the whole text at once, before any line is read
_HEADER_IN_TEXT = re.compile(
    r"^[ \t]*No\.?[ \t]+Item[ \t]+(?:Summary[ \t]+of[ \t]+)?(?:Decisions?|Outcomes?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# In the lower-cased text, the header from its "item" on (a pattern opening on a literal word
# lets the regex engine skip from one "item" to the next, about three times quicker than
# trying every line's start), and what stands before it on its line
_HEADER_FROM_ITEM = re.compile(
    r"item[ \t]+(?:summary[ \t]+of[ \t]+)?(?:decisions?|outcomes?)[ \t]*$", re.MULTILINE
)
_HEADER_BEFORE_ITEM = re.compile(r"[ \t]*no\.?[ \t]+")


def may_hold_contents(text: str, lower: str | None = None) -> bool:
    """Whether a contents table's header ("No Item Summary of Decisions") is a line of the
    text; ``lower`` is the text lower-cased (parser.lowered) when the caller has it."""
    if lower is not None:
        for tail in _HEADER_FROM_ITEM.finditer(lower):
            line_start = lower.rfind("\n", 0, tail.start()) + 1
            if _HEADER_BEFORE_ITEM.fullmatch(lower, line_start, tail.start()):
                return True
        return False
    return _HEADER_IN_TEXT.search(text) is not None  # (a text that cannot be lower-cased)


def read_contents(lines: list[Line]) -> list[ContentsRow]:
    """The rows of a contents table with a decisions column, in order (none if there is no
    such table)."""
    header = next((i for i, line in enumerate(lines) if _HEADER.match(line.text)), None)
    if header is None:
        return []
    starts: list[int] = []
    last: tuple[int, ...] = ()
    for index in range(header + 1, len(lines)):
        row = _ROW.match(lines[index].text)
        if row is None:
            continue
        number = tuple(int(part) for part in row["number"].split("."))
        if number <= last:
            break  # the numbering starts again: the minutes themselves
        starts.append(index)
        last = number
    rows: list[ContentsRow] = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else _table_end(lines, start)
        rows.append(_row(lines, start, end))
    return rows


def _table_end(lines: list[Line], start: int) -> int:
    """Past the last row's wrapped lines: at its first paragraph of prose."""
    index = start + 1
    while index < len(lines) and len(lines[index].text.split()) < 15:
        index += 1
    return index


def _row(lines: list[Line], start: int, end: int) -> ContentsRow:
    first = lines[start].text
    cell_line, title = start, first
    found = _CELL.search(first)
    if found is not None:
        title = first[: found.start()]
        cell_text = found["cell"]
        # ("Recorded", "Information": what the meeting saw, not what it decided)
        decided = bool(found["decided"] or found["done"])
    else:
        on_own = next((i for i in range(start + 1, end) if _CELL_LINE.match(lines[i].text)), None)
        if on_own is None:
            return ContentsRow(start, _ROW_NUMBER.sub("", title).strip(), None)
        cell_line, cell_text, decided = on_own, lines[on_own].text, True
    title = _ROW_NUMBER.sub("", title).strip()
    if not decided:
        return ContentsRow(start, title, None)
    # the cell goes on over the lines the printer wrapped, up to a page's furniture
    for index in range(cell_line + 1, end):
        text = lines[index].text
        if _PAGE.search(text):
            break
        if text:
            cell_text = f"{cell_text} {text}"
    source = lines[cell_line].raw
    span = Span(lines[cell_line].start, lines[cell_line].start + len(source))
    words = cell_text.strip()
    return ContentsRow(start, title, Resolution(None, words, classify(words), span, source))


_ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?\.?\s+")
