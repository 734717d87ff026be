"""Dates as a member types them in the UK, read day first, and stored as ISO.

``12/03/2015``, ``12-03-2015``, ``12.03.2015``, ``12 March 2015``, ``12 Mar 2015``,
``12th March 2015`` and ``2015-03-12`` are all 12 March 2015: a date written with numbers
is read day first (``03/12/2015`` is 3 December), as it is on every council paper. Anything
else (a two-digit year, a month name that is not one, 31 February) is refused with a
message that says what to write instead; nothing is guessed.
"""

from __future__ import annotations

import re
from datetime import date

from scrutiny_tui.parser.dates import MONTHS as _MONTHS

EXAMPLE = "12/03/2015, 12 March 2015 or 2015-03-12"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d+)")
_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d+)", re.IGNORECASE)


class DateError(ValueError):
    """The text is not a date this module reads; the message says why, in plain words."""


def parse_uk_date(text: str) -> date:
    """The date ``text`` names, read as a UK date (day first). Raises :class:`DateError`."""
    value = " ".join(text.split())
    if match := _ISO.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _NUMERIC.fullmatch(value):
        day, month, year = int(match[1]), int(match[3]), _full_year(match[4])
    elif match := _WORDS.fullmatch(value):
        month_name = match[2].lower()
        if month_name not in _MONTHS:
            raise DateError(f"“{match[2]}” is not a month: write a date as {EXAMPLE}")
        day, month, year = int(match[1]), _MONTHS[month_name], _full_year(match[3])
    else:
        raise DateError(f"Not a date: write it as {EXAMPLE}")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"There is no such day ({value}): write a date as {EXAMPLE}") from None


def _full_year(digits: str) -> int:
    if len(digits) != 4:
        raise DateError(f"Write the year in full (four digits), as in {EXAMPLE}")
    return int(digits)


def iso_date(text: str) -> str | None:
    """``text`` as an ISO date (YYYY-MM-DD), or None when it is blank. Raises
    :class:`DateError` when it is not a date."""
    if not text.strip():
        return None
    return parse_uk_date(text).isoformat()
