"""An attendance table: one row a person, their role, then whether they attended.

Committee websites print a meeting's attendance as a table ("Attendee  Role  Attendance"),
each row ending in "Present", "Apologies" or "In attendance", a long role wrapped onto a
line of its own below. As text, the columns stand apart by runs of spaces or tabs.
"""

from __future__ import annotations

import re

from scrutiny_tui.parser.blocks import Line
from scrutiny_tui.parser.model import Person, Span
from scrutiny_tui.parser.people import person_from_entry

# the gap between columns: two spaces or more, or a tab
COLUMN_GAP = re.compile(r"[ \u00a0]{2,}|\t")
# the header row: who, perhaps their role, then the column that says whether they came
_HEADER = re.compile(
    r"^(?:Attendee|Name|Member|Councillor)s?(?:\s+(?:Role|Position))?\s+(?:Attendance|Status)$",
    re.IGNORECASE,
)
# the status a row ends with, and the list it puts the person in
_STATUS = {
    "present": "present",
    "present as substitute": "substitutes",
    "substitute": "substitutes",
    "apologies": "apologies",
    "apology": "apologies",
    "apologies received": "apologies",
    "in attendance": "attending",
    "attending": "attending",
    "virtual": "present",
    "present virtually": "present",
}


def read_status_table(lines: list[Line]) -> list[tuple[str, Person]]:
    """(list, person) for each row of every attendance table in ``lines``: the list is
    "present", "apologies", "substitutes" or "attending"."""
    found: list[tuple[str, Person]] = []
    for index, line in enumerate(lines):
        if line.text[:1] in "ANMCanmc" and _HEADER.match(line.text):
            found += _rows(lines, index + 1)
    return found


def _rows(lines: list[Line], start: int) -> list[tuple[str, Person]]:
    rows: list[tuple[str, Person]] = []
    last: Person | None = None
    for line in lines[start:]:
        if line.blank:
            if rows:
                break
            continue
        cells = [cell for cell in COLUMN_GAP.split(line.raw.strip()) if cell]
        status = _STATUS.get(" ".join(cells[-1].split()).lower()) if len(cells) >= 2 else None
        if status is None:
            if last is not None and line.raw[:1] in " \t\u00a0" and len(cells) == 1:
                last.role = f"{last.role} {cells[0]}" if last.role else cells[0]
                continue  # a role the table wrapped onto a line of its own
            break
        lead = len(line.raw) - len(line.raw.lstrip())
        span = Span(line.start + lead, line.content_end)
        person = row_person(cells[0], " ".join(cells[1:-1]), line.text, span)
        if person is None:
            break
        rows.append((status, person))
        last = person
    return rows


def row_person(name: str, post: str, row: str, span: Span) -> Person | None:
    """The person a table's row names: its name cell read as a person, the post beside it
    as their role, the row as the words they were read from."""
    person = person_from_entry(name, span.start)
    if person is None:
        return None
    person.role = " ".join(post.split()) or None
    person.source = row
    person.span = span
    return person
