"""Standard widgets with the keys people know from less and vim: j/k, g/G."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable, OptionList, Tree

_VIM_LINES: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False, tooltip="Next line", id="cursor-down"),
    Binding("k", "cursor_up", "Up", show=False, tooltip="Previous line", id="cursor-up"),
    Binding("g", "first", "Top", show=False, tooltip="Go to the first line", id="first"),
    Binding("G", "last", "Bottom", show=False, tooltip="Go to the last line", id="last"),
]


class VimTree(Tree):
    BINDINGS: ClassVar[list[BindingType]] = _VIM_LINES

    def action_first(self) -> None:
        self.cursor_line = 0

    def action_last(self) -> None:
        self.cursor_line = self.last_line


class VimDataTable(DataTable):
    BINDINGS: ClassVar[list[BindingType]] = _VIM_LINES

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=self.row_count - 1)


class VimOptionList(OptionList):
    """OptionList already has ``action_first`` and ``action_last``; only the keys are new."""

    BINDINGS: ClassVar[list[BindingType]] = _VIM_LINES
