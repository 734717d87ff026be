"""Making stored strings safe to print: no terminal control ever comes from the minutes.

Used by the CLI and the app alike, so an ``ESC [2J`` or an OSC 52 sequence in a minutes file
or a note is shown as visible symbols and never reaches the terminal.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PICTURES = {0x7F: "\u2421"}  # DEL has its own control picture


def visible_controls(value: str) -> str:
    """Replace control characters (except newline and tab) with their Unicode pictures."""

    def picture(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        return _PICTURES.get(code, f"\\x{code:02x}")

    return _CONTROL.sub(picture, value)


def one_line(value: str | None, limit: int = 0) -> str:
    """Collapse whitespace (for a table cell or a list line); cut to ``limit`` chars."""
    flat = " ".join((value or "").split())
    if limit and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat
