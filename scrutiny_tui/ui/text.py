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
from scrutiny_tui.safe_text import one_line, visible_controls  # noqa: F401  (re-exported)
from scrutiny_tui.vocabulary import NO_COMMITTEE, NO_COUNCIL, NO_DATE, NO_ITEM  # noqa: F401

HIGHLIGHT = Style(reverse=True, bold=True)
DIM = Style(dim=True)
RAG_STYLES: dict[Rag, Style] = {
    "green": Style(color="green", bold=True),
    "amber": Style(color="dark_orange", bold=True),
    "red": Style(color="red", bold=True),
}
RAG_MARK = {"green": "● ", "amber": "● ", "red": "● "}


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
