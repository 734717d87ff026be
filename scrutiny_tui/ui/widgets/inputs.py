"""Text boxes used across the app.

Their values can come from the store (a note being edited, a recommendation's tracking
columns), so both show control characters as visible symbols while keeping the value exactly
as stored: an escape sequence in a note imported from someone else is displayed, never
sent to the terminal, and saving the note unchanged keeps its text unchanged.
"""

from __future__ import annotations

from typing import Any

from rich.highlighter import Highlighter
from rich.text import Text
from textual.widgets import Input, TextArea

from scrutiny_tui.ui.text import controls_in_place


class ShowControls(Highlighter):
    """Shows each control character of an Input's value as one visible character."""

    def highlight(self, text: Text) -> None:
        text.plain = controls_in_place(text.plain)  # same length: styles and cursor still fit


class QuietInput(Input):
    """An Input whose cursor blinks only if the app wants blinking (tests and snapshots
    turn it off so screenshots are stable), showing control characters visibly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("highlighter", ShowControls())
        super().__init__(*args, **kwargs)

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))


class SafeTextArea(TextArea):
    """A TextArea showing control characters visibly (its text is kept as it is)."""

    def get_line(self, line_index: int) -> Text:
        # as TextArea builds it, but from the line with its controls pictured first (a Text
        # made from the raw line would drop some of them and so shift the columns)
        line = controls_in_place(self.document.get_line(line_index))
        return Text(line, end="", no_wrap=True)
