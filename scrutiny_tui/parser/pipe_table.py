"""Tables that reached us flattened with pipes ("Action | Owner | Due"), a row a line."""

from __future__ import annotations

import re

# "---|---|---" under a header: the row that rules it off
SEPARATOR = re.compile(r"^[\s|:\-–—]+$")


def row_cells(text: str) -> list[str]:
    """A row's cells, without the empty ones an opening or closing pipe leaves."""
    found = [cell.strip() for cell in text.split("|")]
    if found and not found[0]:
        found = found[1:]
    if found and not found[-1]:
        found = found[:-1]
    return found
