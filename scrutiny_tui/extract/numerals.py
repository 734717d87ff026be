"""Roman numerals as list markers are drawn (HTML ``<ol type="i">``, Word ``lowerRoman``)."""

from __future__ import annotations

MAX_ROMAN = 3999  # past MMMCMXCIX Roman numerals have no letters: the number is shown

_NUMERALS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """``number`` in upper-case Roman numerals, largest numeral first; a number they cannot
    write (0, negative, or past 3999) in figures, so a list starting at 10^17 costs nothing."""
    if not 0 < number <= MAX_ROMAN:
        return str(number)
    out = ""
    for value, numeral in _NUMERALS:
        count, number = divmod(number, value)
        out += numeral * count
    return out
