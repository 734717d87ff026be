"""Meeting dates as councils print them, to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\b"
)
_MONTH_DAY_YEAR = re.compile(
    r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"
)
_NUMERIC_UK = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")


def find_date(text: str) -> str | None:
    """The first date in ``text`` ("Tuesday, 8th December, 2015", "12/03/2019"), or None.

    Numeric dates are read day first, as UK councils write them.
    """
    candidates = []
    for pattern in (_ISO, _NUMERIC_UK, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso is not None:
                candidates.append((match.start(), iso))
                break
    return min(candidates)[1] if candidates else None


def dates_in(text: str) -> list[tuple[int, str]]:
    """(offset, ISO date) of every full date in ``text``, in order."""
    found: dict[int, str] = {}
    for pattern in (_ISO, _NUMERIC_UK, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso is not None and not any(abs(match.start() - at) < 4 for at in found):
                found[match.start()] = iso
    return sorted(found.items())


def _to_iso(match: re.Match[str]) -> str | None:
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
    if month is None:
        return None
    try:
        return date(int(match["year"]), month, int(match["day"])).isoformat()
    except ValueError:
        return None


_MONTH_YEAR = re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>(?:19|20)\d{2})\b")


def find_due(text: str) -> str | None:
    """When something is due: the first full date ("10th January 2016" → "2016-01-10"), else
    the first month and year ("in April 2017" → "2017-04"), else None."""
    full = find_date(text)
    if full is not None:
        return full
    for match in _MONTH_YEAR.finditer(text):
        month = _MONTHS.get(match["month"].lower())
        if month is not None and match["month"][0].isupper():
            return f"{int(match['year']):04d}-{month:02d}"
    return None
