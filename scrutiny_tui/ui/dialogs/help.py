"""Help (?): every key that works where the user pressed ?, generated from the bindings
themselves, so it can never drift from what the keys really do.

Three groups: **This screen** (the screen's keys, and those its widgets add for it, such as
a tracker table's enter), **Moving around** (the list and table keys a member needs, each
kind once: up and down, first and last, a page, open; the widgets' other internal keys are
left out) and **Everywhere** (the app's keys, each command once with all its keys)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Label

from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.text import DIM
from scrutiny_tui.ui.widgets.vim import VimDataTable

GROUPS = ("This screen", "Moving around", "Everywhere")

# The widget and focus keys a member needs, by what they do; every other key a widget
# binds for itself (a cell cursor's left and right, ctrl+home, copy) is left out of help.
MOVING: dict[str, tuple[str, str]] = {
    "cursor_up": ("Move up / down", "The highlighted row or line"),
    "cursor_down": ("Move up / down", "The highlighted row or line"),
    "move(1)": ("Move up / down", "The highlighted row or line"),
    "move(-1)": ("Move up / down", "The highlighted row or line"),
    "first": ("First / last", "The first or the last row"),
    "last": ("First / last", "The first or the last row"),
    "jump(0)": ("First / last", "The first or the last row"),
    "jump(-1)": ("First / last", "The first or the last row"),
    "page_up": ("Page up / down", "A screenful at a time"),
    "page_down": ("Page up / down", "A screenful at a time"),
    "select_cursor": ("Open / choose", "The highlighted row"),
    "select": ("Open / choose", "The highlighted row"),
    "submit": ("Open / choose", "What is typed in the box"),
    "app.focus_next": ("Next / previous box", "Between the filter, the list and the panes"),
    "app.focus_previous": ("Next / previous box", "Between the filter, the list and the panes"),
}


@dataclass(frozen=True, slots=True)
class HelpRow:
    group: str  # one of GROUPS
    keys: tuple[str, ...]  # as bound ("question_mark", "ctrl+q")
    shown: str  # as shown ("? ^q")
    does: str
    details: str = ""


def help_rows(app: App, screen: Screen) -> list[HelpRow]:
    """The keys active on ``screen`` (its focused widget's, its own and the app's), in
    GROUPS order, each command once."""
    # (group, what it does) → the keys with their bindings, and the details
    found: dict[tuple[str, str], tuple[list[tuple[str, Binding]], str]] = {}
    for key, active in screen.active_bindings.items():
        placed = _place(active.binding, active.node)
        if placed is not None:
            group, does, details = placed
            found.setdefault((group, does), ([], details))[0].append((key, active.binding))
    # A screen's key that a focused widget appears to take but passes on (the search
    # box's down arrow, which a one-line box cannot scroll by) is still the screen's.
    taken = {key for keys, _ in found.values() for key, _ in keys}
    for binding in _own_bindings(screen):
        keys = [key.strip() for key in binding.key.split(",")]
        if (
            binding.description
            and binding.id
            and not taken.intersection(keys)
            and screen.check_action(binding.action, ()) is not False
        ):
            found[("This screen", binding.description)] = (
                [(key, binding) for key in keys],
                binding.tooltip,
            )
            taken.update(keys)
    for bound, _ in found.values():
        bound.sort(key=lambda pair: "+" in pair[0])  # q before ctrl+q, keeping bound order
    rows = [
        HelpRow(
            group,
            tuple(key for key, _ in keys),
            " ".join(app.get_key_display(replace(b, key=key)) for key, b in keys),
            does,
            details,
        )
        for (group, does), (keys, details) in found.items()
    ]
    return sorted(rows, key=lambda row: GROUPS.index(row.group))  # stable: bound order kept


def _place(binding: Binding, node: object) -> tuple[str, str, str] | None:
    """(group, what it does, details) for a binding, or None to leave it out."""
    if binding.system:
        return None
    if binding.show and binding.id and not isinstance(node, App | Screen):
        # a key a widget shows in the footer for its screen (a tracker table's enter: Open)
        return "This screen", binding.description, binding.tooltip
    if binding.action in MOVING:
        does, details = MOVING[binding.action]
        return "Moving around", does, details
    if not binding.description:
        return None
    if isinstance(node, App):
        return "Everywhere", binding.description, binding.tooltip
    if isinstance(node, Screen):
        # the screen's own keys; Textual's generic ones (copy) are not this app's
        return ("This screen", binding.description, binding.tooltip) if binding.id else None
    return None


def _own_bindings(screen: Screen) -> Iterator[Binding]:
    """The bindings the screen's classes declare, base classes first."""
    for cls in reversed(type(screen).__mro__):
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                yield binding


class HelpScreen(ScrutinyModal[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "cancel", "Close help", id="help-close"),
        Binding("q", "cancel", "Close help", show=False, id="help-close-q"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.rows = help_rows(screen.app, screen)
        self.screen_title = screen.title or type(screen).__name__

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"Keys: {self.screen_title}", classes="pane-title")
            yield VimDataTable(id="keys", cursor_type="row", zebra_stripes=True)
            yield Label(
                "ctrl+p: find any command by name   escape or ?: close", classes="status-line"
            )

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.call_after_refresh(self.fill)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fill)

    def fill(self) -> None:
        """The rows, with the details wrapped to the width the table has (so nothing is
        cut at 80 columns)."""
        table = self.query_one(DataTable)
        keys_width = max((len(row.shown) for row in self.rows), default=3)
        does_width = max((len(row.does) for row in self.rows), default=4)
        spare = table.size.width - keys_width - does_width - 6 * table.cell_padding
        details_width = max(spare - table.styles.scrollbar_size_vertical, 16)
        cursor = table.cursor_row
        table.clear(columns=True)
        table.add_column("Key", width=keys_width)
        table.add_column("Does", width=does_width)
        table.add_column("Details", width=details_width)
        group = ""
        for row in self.rows:
            if row.group != group:
                group = row.group
                table.add_row(Text(group, style="bold underline"), Text(""), Text(""))
            table.add_row(
                Text(row.shown, style="bold"),
                Text(row.does),
                Text(row.details, style=DIM),
                height=None,  # as many lines as the details take
            )
        table.move_cursor(row=cursor)
