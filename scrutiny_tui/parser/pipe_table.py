"""Tables that reached us flattened with pipes ("Action | Owner | Due"), a row a line, or a
row wrapped over a few lines where a printer broke it."""

from __future__ import annotations

import re
from collections.abc import Callable

from scrutiny_tui.parser.blocks import Line

# "---|---|---" under a header: the row that rules it off
SEPARATOR = re.compile(r"^[\s|:\-–—]+$")

WRAPPED_AT_MOST = 4  # lines a printed row may be wrapped over


def row_cells(text: str) -> list[str]:
    """A row's cells, without the empty ones an opening or closing pipe leaves."""
    found = [cell.strip() for cell in text.split("|")]
    if found and not found[0]:
        found = found[1:]
    if found and not found[-1]:
        found = found[:-1]
    return found


def wrapped_row(
    lines: list[Line], index: int, width: int, cells: Callable[[Line], list[str]]
) -> tuple[Line, int]:
    """The row starting at ``lines[index]`` as one line, and how many lines it took: a
    printer wraps a long row, its cells going on in the lines below ("… (item 4)" / "| Lead |
    6 March 2026"). A row that never fills its ``width`` is given as far as it went."""
    taken = 1
    joined = lines[index]
    while taken < WRAPPED_AT_MOST:
        following = index + taken
        if following >= len(lines) or lines[following].blank:
            break
        last = lines[following]
        if last.start != joined.end + 1:
            break  # lines left out between them: not one row
        # a full row goes on only where its last cell was cut mid-phrase ("Objection –" /
        # "harm to the conservation area") and the next line is no row of its own
        if len(cells(joined)) >= width and not (
            len(cells(last)) <= 1 and _CUT_MID_PHRASE.search(joined.text)
        ):
            break
        joined = Line(joined.start, f"{joined.raw}\n{last.raw}")
        taken += 1
    return joined, taken


_CUT_MID_PHRASE = re.compile(r"(?:[–—,/-]|\b(?:and|or|of|to|the|for|with))$")


def after_page_break(lines: list[Line], index: int, is_row: Callable[[Line], bool]) -> int:
    """``index``, or past one blank line where the table goes on below it (a page broke the
    table)."""
    if (
        index + 1 < len(lines)
        and lines[index].blank
        and not lines[index + 1].blank
        and is_row(lines[index + 1])
    ):
        return index + 1
    return index
