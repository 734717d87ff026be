"""Turning stored strings into things safe to show.

Minutes and notes are shown literally: every string from the store goes through
:func:`literal`, which returns a ``rich.text.Text`` (never parsed as markup) with control
characters made visible, so ``[bold]`` shows as typed and an ``ESC [2J`` in a minutes file
can neither clear the screen nor reach the terminal.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from scrutiny_tui.config import Rag
from scrutiny_tui.safe_text import one_line, visible_controls  # also for the screens
from scrutiny_tui.vocabulary import NO_COMMITTEE, NO_COUNCIL, NO_DATE, NO_ITEM  # noqa: F401

HIGHLIGHT = Style(reverse=True, bold=True)
DIM = Style(dim=True)
RAG_STYLES: dict[Rag, Style] = {
    "green": Style(color="green", bold=True),
    "amber": Style(color="dark_orange", bold=True),
    "red": Style(color="red", bold=True),
}
RAG_MARK = {"green": "● ", "amber": "● ", "red": "● "}


_IN_PLACE = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n"}
_IN_PLACE |= {0x7F: "\u2421"} | dict.fromkeys(range(0x80, 0xA0), "\ufffd")


def controls_in_place(value: str) -> str:
    """Each control character (but tab and newline) replaced by one visible character.

    For text boxes, which keep the value as stored and only show it this way: each offset
    in the value stays the offset on screen, so the cursor and selections still line up.
    """
    return value.translate(_IN_PLACE)


def plain_title(value: str | None) -> str | None:
    """A title or sub-title for the header, which cannot show ``Text``: one line, controls
    made visible."""
    return None if value is None else visible_controls(one_line(value))


def literal(value: str | None, style: Style | str = "") -> Text:
    """Text that displays exactly as typed, whatever brackets or escapes it holds."""
    return Text(visible_controls(value or ""), style=style, end="")


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
