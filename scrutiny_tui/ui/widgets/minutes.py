"""The minutes of an item, one widget per line, with a line cursor for the keyboard.

The cursor line is the passage a member annotates with ``a`` when the minutes have focus.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from scrutiny_tui.ui.text import HIGHLIGHT, literal


class Paragraph(Static):
    """One line of the minutes, knowing where it sits in the item's text."""

    def __init__(self, text: str, start: int) -> None:
        super().__init__(literal(text), classes="para")
        self.text = text
        self.start = start
        self.end = start + len(text)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def mark(self, start: int | None = None, end: int | None = None) -> None:
        shown = literal(self.text)
        if start is not None and end is not None:
            shown.stylize(HIGHLIGHT, max(start - self.start, 0), end - self.start)
        self.update(shown)


def paragraphs(body: str) -> list[Paragraph]:
    """One widget per line; the last line before a blank line ends a paragraph."""
    found: list[Paragraph] = []
    offset = 0
    for line in body.split("\n"):
        if line:
            found.append(Paragraph(line, offset))
        elif found:
            found[-1].add_class("-paragraph-end")
        offset += len(line) + 1
    return found


class MinutesPane(VerticalScroll, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", show=False, tooltip="Next line", id="minutes-down"),
        Binding("k,up", "move(-1)", "Up", show=False, tooltip="Previous line", id="minutes-up"),
        Binding("g", "jump(0)", "Top", show=False, tooltip="First line", id="minutes-top"),
        Binding("G", "jump(-1)", "Bottom", show=False, tooltip="Last line", id="minutes-end"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    def lines(self) -> list[Paragraph]:
        return list(self.query(Paragraph))

    def current(self) -> Paragraph | None:
        lines = self.lines()
        return lines[min(self.cursor, len(lines) - 1)] if lines else None

    def watch_cursor(self, old: int, new: int) -> None:
        lines = self.lines()
        if 0 <= old < len(lines):
            lines[old].remove_class("-cursor")
        if 0 <= new < len(lines):
            lines[new].add_class("-cursor")
            lines[new].scroll_visible(animate=False)

    def on_focus(self) -> None:
        current = self.current()
        if current is not None:
            current.add_class("-cursor")

    def on_blur(self) -> None:
        for line in self.query(".-cursor"):
            line.remove_class("-cursor")

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self.lines()) - 1))

    def action_jump(self, where: int) -> None:
        self.cursor = max(0, len(self.lines()) - 1) if where < 0 else 0

    def place_cursor_at(self, offset: int) -> None:
        """Put the cursor on the line holding ``offset`` of the item's text."""
        for index, line in enumerate(self.lines()):
            if line.start <= offset < line.end + 1:
                self.cursor = index
                return
