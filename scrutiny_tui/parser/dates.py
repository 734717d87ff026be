"""Meeting dates as councils print them, to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date

# Month names and their short forms, as council papers print them (also read by the forms'
# date fields, services.uk_dates).
MONTHS: dict[str, int] = {
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
    r"\b(?P<day>\d{1,2})(?:(?i:st|nd|rd|th)\s*|\s+)(?:of\s+)?(?P<month>[A-Za-z]{3,9})\.?,?\s+"
    r"(?P<year>\d{4})\b"
)
_MONTH_DAY_YEAR = re.compile(
    r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>\d{4})\b"
)
_NUMERIC_UK = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# Every full date above (and every month and year below) has a year of four digits: text
# without four digits in a row has none, and most sentences have none.
_FOUR_DIGITS = re.compile(r"\d{4}")


def find_date(text: str) -> str | None:
    """The first date in ``text`` ("Tuesday, 8th December, 2015", "12/03/2019"), or None.

    Numeric dates are read day first, as UK councils write them.
    """
    if not _FOUR_DIGITS.search(text):
        return None
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
    if not _FOUR_DIGITS.search(text):
        return []
    found: dict[int, str] = {}
    for pattern in (_ISO, _NUMERIC_UK, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso is not None and not any(abs(match.start() - at) < 4 for at in found):
                found[match.start()] = iso
    return sorted(found.items())


def _to_iso(match: re.Match[str]) -> str | None:
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    if month is None:
        return None
    try:
        return date(int(match["year"]), month, int(match["day"])).isoformat()
    except ValueError:
        return None


_MONTH_YEAR = re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>(?:19|20)\d{2})\b")


_MONTH_ONLY = re.compile(
    # ("to the panel's September meeting": the body's own)
    r"\b(?:the|in|at|to|by|for)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?P<month>January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+"
    # "at the April 13 meeting": the day too, as US minutes give it
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?(?:\d{4}\s+)?(?:meeting|cycle|committee|agenda)\b"
)
_MONTH_ONLY_WORDS = re.compile("meeting|cycle|committee|agenda")
_DIGIT = re.compile(r"\d")
_MONTH_DAY = re.compile(
    r"\b(?:until|by|on|to)\s+(?:(?P<month1>[A-Z][a-z]{2,8})\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>[A-Z][a-z]{2,8}))\b(?!,?\s+\d{4})"
)
_IN_MONTHS = re.compile(
    r"\b(?:in\s+(?P<count>\d{1,2}|one|two|three|four|five|six|nine|twelve)\s+months['’]?\s+time"
    # "asked to respond within two months": the executive's response to scrutiny is due then
    r"|within\s+(?P<within>\d{1,2}|one|two|three|four|five|six|nine|twelve)\s+months)\b",
    re.IGNORECASE,
)
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12}
_HELD_BEFORE = re.compile(
    r"\b(?:held|dated|of|from)\s+(?:on\s+)?(?:the\s+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


# "… once the library has moved to the Corn Exchange on 1 June 2025": the date of what
# must happen first, not when the report is due
_ONCE_BEFORE = re.compile(
    r"\b(?:once|when|after)\s+[^,;.]{1,80}?\b(?:has|have|had|is|are)\s+(?:been\s+)?[a-z]+"
    r"[^,;.]{0,60}$",
    re.IGNORECASE,
)


# "… because the closure would take effect on 4 January 2027", "with effect from 1 April":
# when a change starts, not when anything comes back
_IN_EFFECT_BEFORE = re.compile(
    r"\b(?:(?:take|takes|took|taking)\s+effect|with\s+effect|come\s+into\s+(?:force|effect)"
    r"|effective)\s+(?:on|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def find_due(text: str, meeting_date: str | None = None) -> str | None:
    """When something is due: a full date ("10th January 2016" → "2016-01-10"), else a month
    and year ("in April 2017" → "2017-04"); with the meeting's date also "to the April
    meeting" (the next April), "until June 27" and "in six months' time" (approximate: the
    month). Dates before the meeting, or of a meeting "held on" a day, are not dues."""
    skipped: list[int] = []
    if _FOUR_DIGITS.search(text):  # no full date, nor month and year, without a year
        for start, iso in dates_in(text):
            if (
                _HELD_BEFORE.search(text[:start])
                or _IN_EFFECT_BEFORE.search(text, max(0, start - 40), start)
                or (meeting_date and iso < meeting_date)
                or _ONCE_BEFORE.search(text, max(0, start - 120), start)
            ):
                skipped.append(start)
                continue
            return iso
        for match in _MONTH_YEAR.finditer(text):
            if any(0 <= match.start() - start <= 8 for start in skipped):
                continue  # the month of a date already ruled out
            month = MONTHS.get(match["month"].lower())
            if month is not None and match["month"][0].isupper():
                due = f"{int(match['year']):04d}-{month:02d}"
                if meeting_date and due < meeting_date[:7]:
                    continue
                return due
    if meeting_date is None:
        return None
    held = date.fromisoformat(meeting_date)
    # the words each pattern cannot match without, looked for first: most requests have none
    month_only = _MONTH_ONLY.search(text) if _MONTH_ONLY_WORDS.search(text) else None
    if month_only:
        month = MONTHS[month_only["month"].lower()]
        if month_only["day"]:
            return _next_day(held, month, int(month_only["day"]))
        year = held.year + (1 if month <= held.month else 0)
        return f"{year:04d}-{month:02d}"
    month_day = _MONTH_DAY.search(text) if _DIGIT.search(text) else None
    if month_day:
        name = month_day["month1"] or month_day["month2"]
        day = int(month_day["day1"] or month_day["day2"])
        month = MONTHS.get(name.lower())
        if month is not None:
            return _next_day(held, month, day)
    in_months = _IN_MONTHS.search(text)
    if in_months:
        count = (in_months["count"] or in_months["within"]).lower()
        months = int(count) if count.isdigit() else _COUNTS[count]
        total = held.month - 1 + months
        return f"{held.year + total // 12:04d}-{total % 12 + 1:02d}"
    return None


def _next_day(held: date, month: int, day: int) -> str | None:
    """The first ``day`` of ``month`` after the meeting ``held`` (None: no such day)."""
    year = held.year + (1 if (month, day) <= (held.month, held.day) else 0)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
