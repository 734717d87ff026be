"""A table of the council's responses, flattened with pipes: the planning applications a town
or parish council was consulted on, a row each, with its "Comments" ("No objection",
"Objection – overdevelopment"); or the same list written as lines, its parts between dashes
("26/02231/HOU – 7 Mill Close – single storey rear extension – No objection").

Each response is a decision of the meeting on that application. A table of decisions another
body made and notified ("Decision: Approved with conditions") is for information, not read.
"""

from __future__ import annotations

import re

from scrutiny_tui.parser.blocks import Line
from scrutiny_tui.parser.model import Resolution, Span
from scrutiny_tui.parser.pipe_table import SEPARATOR, after_page_break, row_cells, wrapped_row

_APPLICATION = re.compile(
    r"^(?:application|app(?:lication)?\.?\s*(?:no\.?|ref\.?)|ref(?:erence)?)$", re.I
)
_RESPONSE = re.compile(
    r"^(?:comments?|observations?|response|(?:the\s+)?council'?s?\s+(?:comments?|response)"
    r"|recommendation)$",
    re.IGNORECASE,
)


def read_responses(lines: list[Line]) -> list[tuple[int, Resolution]]:
    """(the index of the row's line, the response) for each row of each response table."""
    found: list[tuple[int, Resolution]] = []
    index = 0
    while index < len(lines):
        text = lines[index].text
        names = row_cells(text) if "|" in text else []
        application = next((i for i, n in enumerate(names) if _APPLICATION.match(n)), None)
        response = next((i for i, n in enumerate(names) if _RESPONSE.match(n)), None)
        index += 1
        if application is None or response is None:
            continue
        while index < len(lines):
            index = after_page_break(lines, index, _piped)
            if not _piped(lines[index]):
                break
            line, taken = wrapped_row(lines, index, len(names), _cells)
            cells = _cells(line)
            if not SEPARATOR.match(line.text) and max(application, response) < len(cells):
                said = cells[response]
                # a planning application's reference ("26/00094/FUL"), not a tracker's "R3"
                if said and _PLANNING_REFERENCE.search(cells[application]):
                    source = line.raw.rstrip()
                    span = Span(line.start, line.start + len(source))
                    words = f"{cells[application]}: {said}"
                    found.append(
                        (index, Resolution(cells[application], words, "other", span, source))
                    )
            index += taken
    return found


_PLANNING_REFERENCE = re.compile(r"\d{2,4}/\d{2,6}|\d{5,}")


def _piped(line: Line) -> bool:
    return "|" in line.text


def _cells(line: Line) -> list[str]:
    return row_cells(line.text)


# A planning application's reference opening a line: "26/02231/HOU", "P/2026/0123"
_REFERENCE = re.compile(r"^(?P<ref>(?:[A-Z]{1,3}/)?\d{2,4}/\d{3,6}(?:/[A-Z]{2,5})?)\s+[–—-]\s")
# The same reference anywhere in the text, from its slash: a pattern opening on a literal
# character lets the regex engine skip to each "/" (the digit before it looked behind for),
# several times quicker than trying every digit
_REFERENCE_ANYWHERE = re.compile(r"/(?<=\d/)\d{3,6}(?:/[A-Z]{2,5})?\s+[–—-]\s")
# the part of the line that is the council's response
_SAID = re.compile(
    r"\s[–—-]\s+(?P<said>(?:No\s+objections?|Objections?|Objects?|Supports?|Supported|"
    r"No\s+comments?|Neutral|Comments?\s*:)(?:\b.*)?)$",
    re.IGNORECASE,
)
_WRAP_REACH = 3  # lines a row's parts may be wrapped over


def read_dash_responses(lines: list[Line]) -> list[tuple[int, Resolution]]:
    """(the index of the row's first line, the response) for each application written as a
    line of parts between dashes that ends in the council's response."""
    found: list[tuple[int, Resolution]] = []
    for index, line in enumerate(lines):
        opened = _REFERENCE.match(line.text)
        if opened is None:
            continue
        row = [line]
        for following in lines[index + 1 : index + _WRAP_REACH]:
            if _SAID.search(" ".join(part.text for part in row)) or following.blank:
                break
            if _REFERENCE.match(following.text):
                break
            row.append(following)
        words = " ".join(part.text for part in row)
        said = _SAID.search(words)
        if said is None:
            continue
        # the rows' lines follow one another: their raw text, newlines between, is the source
        joined = "\n".join(part.raw for part in row)
        start = line.start + len(line.raw) - len(line.raw.lstrip())
        end = row[-1].start + len(row[-1].raw.rstrip())
        source = joined[start - line.start : end - line.start]
        text = f"{opened['ref']}: {said['said'].rstrip(' .')}"
        found.append((index, Resolution(opened["ref"], text, "other", Span(start, end), source)))
    return found


_RESPONSE_WORDS = ("objection", "support", "comment", "neutral")


def may_hold_dash_responses(text: str, lower: str | None = None) -> bool:
    """A quick check: a response's word (looked for in ``lower``, the text lower-cased, when
    given) and an application's reference followed by a dash, somewhere in the text."""
    if lower is not None and not any(word in lower for word in _RESPONSE_WORDS):
        return False
    return _REFERENCE_ANYWHERE.search(text) is not None
