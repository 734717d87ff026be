"""Turning stored strings into things safe to show.

Minutes and notes are shown literally: every string from the store goes through
:func:`literal`, which returns a ``rich.text.Text`` (never parsed as markup) with control
characters made visible, so ``[bold]`` shows as typed and an ``ESC [2J`` in a minutes file
can neither clear the screen nor reach the terminal.
"""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text

from scrutiny_tui.config import Rag

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PICTURES = {0x7F: "\u2421"}  # DEL has its own control picture
HIGHLIGHT = Style(reverse=True, bold=True)
DIM = Style(dim=True)
RAG_STYLES: dict[Rag, Style] = {
    "green": Style(color="green", bold=True),
    "amber": Style(color="dark_orange", bold=True),
    "red": Style(color="red", bold=True),
}
RAG_MARK = {"green": "● ", "amber": "● ", "red": "● "}

NO_COUNCIL = "(council not stated)"
NO_COMMITTEE = "(committee not stated)"
NO_DATE = "(undated)"


def visible_controls(value: str) -> str:
    """Replace control characters (except newline and tab) with their Unicode pictures."""

    def picture(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        return _PICTURES.get(code, f"\\x{code:02x}")

    return _CONTROL.sub(picture, value)


def literal(value: str | None, style: Style | str = "") -> Text:
    """Text that displays exactly as typed, whatever brackets or escapes it holds."""
    return Text(visible_controls(value or ""), style=style, end="")


def one_line(value: str | None, limit: int = 0) -> str:
    """Collapse whitespace (for a table cell or a tree label); cut to ``limit`` chars."""
    flat = " ".join((value or "").split())
    if limit and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat


def rag_text(status: str | None, rag: Rag | None) -> Text:
    """A tracking status with its RAG colour and a dot, so it reads without colour too."""
    if not status:
        return Text("—", style=DIM)
    if rag is None:
        return literal(status)
    return Text.assemble((RAG_MARK[rag], RAG_STYLES[rag]), literal(status, RAG_STYLES[rag]))


def highlighted(value: str, ranges: list[tuple[int, int]], style: Style = HIGHLIGHT) -> Text:
    """``value`` shown literally with each (start, end) range styled."""
    text = literal(value)
    for start, end in ranges:
        text.stylize(style, max(start, 0), max(end, 0))
    return text
