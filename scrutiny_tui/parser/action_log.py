"""An action log printed as a table with the minutes: "Action | Owner | Due", a row to each
thing the meeting asked for, often naming the item it came from ("(item 4)").

The rows are read wherever the table stands (usually after the last item) and each is given
to the item it names, else to the item the table stands in. A row whose item already asks
for something due on the same date repeats what the minutes said, and is not added again; a
row marked done ("Complete") asks for nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrutiny_tui.parser.blocks import Line
from scrutiny_tui.parser.dates import find_due
from scrutiny_tui.parser.model import Action, Span
from scrutiny_tui.parser.pipe_table import SEPARATOR, after_page_break, row_cells, wrapped_row

# The header row: an "Action" column and a column saying when
_HEADER_ACTION = re.compile(r"^(?:actions?(?:\s+(?:agreed|required|arising))?|what)$", re.I)
_HEADER_DUE = re.compile(
    r"^(?:due(?:\s+date)?|deadline|by\s+when|when|target(?:\s+date)?|date(?:\s+due)?|timescales?)$",
    re.IGNORECASE,
)
_HEADER_OWNER = re.compile(
    r"^(?:owner|(?:lead|responsible)(?:\s+officer)?|officer|by\s+whom|who)$", re.I
)
_DONE = re.compile(r"^(?:complete[d]?|done|closed|actioned|finished)\b", re.IGNORECASE)
# "(item 4)", "(minute 45/23)", "(AOB)": the item a row came from
_ITEM_REF = re.compile(
    r"\((?:(?:agenda\s+)?item|minute)\s+(?P<number>[\w./*]+)\)"
    r"|\((?P<aob>AOB|any\s+other\s+business)\)"
    # "Item 14 - Circulate the assessment …": the item named first
    r"|^(?:agenda\s+)?(?:item|minute)\s+(?P<lead>\d[\w./*]*)\s*[-–—:]\s",
    re.IGNORECASE,
)


# "Letter to the club …", "Write to the Minister …": something sent out, nothing back; an
# errand ("Circulate the terms …", "Chase the operator …", "Invite the traders …"); or what
# the committee sends on to the executive ("Recommendations to be submitted to Cabinet")
_OUTGOING = re.compile(
    r"^(?:(?:a\s+)?(?:letter|e-?mail|reply|response)|write|send|respond|reply)\b[^|]{0,60}?\bto\b"
    r"|^(?:chase|invite|launch|publish|arrange|book|forward)\b"
    # circulating figures or a briefing brings members information; the terms agreed go out
    r"|^circulate\b(?![^|]{0,40}\b(?:figures|data|analysis|briefing|report|update|note|"
    r"information|results|breakdown|details|assessment|evaluation|review|map|list|timetable"
    r"|schedule|slides|presentation)\b)"
    r"|^[^|]{0,80}?\bto\s+be\s+(?:submitted|reported|sent|referred|forwarded)\s+to\s+(?:the\s+)?"
    r"(?:Cabinet|Executive|Council|Mayor|Leader|Portfolio\s+Holder)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class LoggedAction:
    action: Action
    item_number: str | None  # the item the row names, if it names one
    other_business: bool  # the row names "(AOB)"
    table: Span  # the whole table, its header included
    item_title: str | None = None  # the item the row names by its title's words, if it does


@dataclass(slots=True)
class _Columns:
    action: int
    due: int
    owner: int | None


# "(Budget Monitoring)" closing a row: the item it came from, named by its title's words
_TITLE_REF = re.compile(r"\((?P<title>[A-Z][^()]{2,60})\)\s*$")


def _cells(line: Line) -> list[str]:
    """A row's cells: between pipes, or between tabs (a Word table saved as text)."""
    if "|" in line.text:
        return row_cells(line.text)
    return [" ".join(cell.split()) for cell in line.raw.strip().split("\t") if cell.strip()]


def _is_row(line: Line) -> bool:
    return "|" in line.text or "\t" in line.raw.strip()


def _columns(header: Line) -> _Columns | None:
    names = _cells(header)
    action = next((i for i, name in enumerate(names) if _HEADER_ACTION.match(name)), None)
    due = next((i for i, name in enumerate(names) if _HEADER_DUE.match(name)), None)
    if action is None or due is None:
        return None
    owner = next((i for i, name in enumerate(names) if _HEADER_OWNER.match(name)), None)
    return _Columns(action, due, owner)


def read_action_logs(lines: list[Line], meeting_date: str | None) -> list[tuple[int, LoggedAction]]:
    """(the index of the row's line, what it asks for) for each row of each action log."""
    found: list[tuple[int, LoggedAction]] = []
    index = 0
    while index < len(lines):
        columns = _columns(lines[index]) if _is_row(lines[index]) else None
        if columns is None:
            index += 1
            continue
        header = lines[index]
        width = len(_cells(header))
        rows: list[tuple[int, LoggedAction]] = []
        index += 1
        while index < len(lines):
            index = after_page_break(lines, index, _is_row)
            if lines[index].blank:
                break
            if SEPARATOR.match(lines[index].text):
                index += 1
                continue
            line, taken = _wrapped_row(lines, index, width)
            if line is None:
                break  # a line of prose: the table has ended
            row = _row(line, columns, meeting_date)
            if row is not None:
                rows.append((index, row))
            index += taken
        table = Span(header.start, lines[index - 1].end)
        for _, row in rows:
            row.table = table
        found += rows
    return found


def _wrapped_row(lines: list[Line], index: int, width: int) -> tuple[Line | None, int]:
    """The row starting at ``lines[index]``, joined over the lines a printer wrapped it on;
    None where the lines never make a row (a line of prose after the table)."""
    joined, taken = wrapped_row(lines, index, width, _cells)
    if not _is_row(joined) or len(_cells(joined)) < min(width, 2):
        return None, 1
    following = index + taken
    if (
        "|" not in joined.text
        and following < len(lines)
        and not lines[following].blank
        and not _is_row(lines[following])
        and (
            lines[following].text[:1].islower()
            or _CUT_MID_PHRASE.search(_cells(joined)[0]) is not None
        )
    ):
        # "Circulate the assessment for the review,<TAB>Head of …<TAB>30/06/2027" over
        # "with the bus changes, to all members (CSC.32)": the first cell goes on below the row
        first, _, rest = joined.raw.strip().partition("\t")
        raw = f"{first} {lines[following].text}\t{rest}"
        return Line(joined.start, raw), taken + 1
    return joined, taken


_CUT_MID_PHRASE = re.compile(r"(?:[–—,/-]|\b(?:and|or|of|to|the|for|with))$")


def _row(line: Line, columns: _Columns, meeting_date: str | None) -> LoggedAction | None:
    cells = _cells(line)
    if max(columns.action, columns.due) >= len(cells) or not cells[columns.action]:
        return None
    when = cells[columns.due]
    if _DONE.match(when):
        return None  # done: nothing more is asked
    words = cells[columns.action]
    owner = cells[columns.owner] if columns.owner is not None and columns.owner < len(cells) else ""
    reference = _ITEM_REF.search(words)
    titled = _TITLE_REF.search(words) if reference is None else None
    source = line.raw.rstrip()
    span = Span(line.start, line.start + len(source))
    # a row's date is when something comes back to the members (figures, a report, a
    # briefing); a letter going out is an action with no report-back due
    due = None if _OUTGOING.match(words) else find_due(when, meeting_date)
    return LoggedAction(
        Action(f"{words} ({owner})" if owner else words, due, None, span, source),
        (reference["number"] or reference["lead"]) if reference else None,
        bool(reference and reference["aob"]),
        span,
        titled["title"] if titled else None,
    )
