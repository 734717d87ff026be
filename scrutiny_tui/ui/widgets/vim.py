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
    """A tree with j/k, g/G, and right and left to unfold and fold (as in a file manager):
    right unfolds the row, or on an unfolded row goes to its first child; left folds the
    row, or on a folded row (or a leaf) goes up to its parent."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *_VIM_LINES,
        Binding(
            "right",
            "unfold",
            "Unfold",
            show=False,
            tooltip="Show what the row holds, or go to the first of it",
            id="tree-unfold",
        ),
        Binding(
            "left",
            "fold",
            "Fold",
            show=False,
            tooltip="Hide what the row holds, or go up to the row holding it",
            id="tree-fold",
        ),
    ]

    def action_unfold(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_fold(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and (node.parent is not self.root or self.show_root):
            self.move_cursor(node.parent)

    def action_first(self) -> None:
        self.cursor_line = 0
        self.scroll_to_line(self.cursor_line, animate=False)  # the cursor stays in sight

    def action_last(self) -> None:
        self.cursor_line = self.last_line
        self.scroll_to_line(self.cursor_line, animate=False)


class VimDataTable(DataTable):
    BINDINGS: ClassVar[list[BindingType]] = _VIM_LINES

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=self.row_count - 1)


class VimOptionList(OptionList):
    """OptionList already has ``action_first`` and ``action_last``; only the keys are new."""

    BINDINGS: ClassVar[list[BindingType]] = _VIM_LINES
