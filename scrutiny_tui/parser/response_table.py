"""A table of the council's responses, flattened with pipes: the planning applications a town
or parish council was consulted on, a row each, with its "Comments" ("No objection",
"Objection – overdevelopment").

Each response is a decision of the meeting on that application. A table of decisions another
body made and notified ("Decision: Approved with conditions") is for information, not read.
"""

from __future__ import annotations

import re

from scrutiny_tui.parser.blocks import Line
from scrutiny_tui.parser.model import Resolution, Span
from scrutiny_tui.parser.pipe_table import SEPARATOR, row_cells

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
        while index < len(lines) and "|" in lines[index].text:
            line = lines[index]
            cells = row_cells(line.text)
            if not SEPARATOR.match(line.text) and max(application, response) < len(cells):
                said = cells[response]
                if said:
                    source = line.raw.rstrip()
                    span = Span(line.start, line.start + len(source))
                    words = f"{cells[application]}: {said}"
                    found.append(
                        (index, Resolution(cells[application], words, "other", span, source))
                    )
            index += 1
    return found
