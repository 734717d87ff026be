"""Help (?): every key that works where the user pressed ?, generated from the bindings
themselves, so it can never drift from what the keys really do."""

from __future__ import annotations

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

HelpRow = tuple[str, str, str, str]  # key, what it does, where, details


def help_rows(app: App, screen: Screen) -> list[HelpRow]:
    """The active bindings of ``screen`` (focused widget, screen, app), most local first."""
    rows: list[tuple[int, HelpRow]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description:
            continue
        node = active.node
        if isinstance(node, App):
            rank, where = 2, "everywhere"
        elif isinstance(node, Screen):
            # this app's own screen keys first; Textual's generic ones (tab, copy) last
            rank, where = (0 if binding.id else 3), "this screen"
        else:
            rank, where = 1, f"the {type(node).__name__.removeprefix('Vim').lower()}"
        key = app.get_key_display(binding)
        rows.append((rank, (key, binding.description, where, binding.tooltip or "")))
    rows.sort(key=lambda pair: pair[0])
    return [row for _, row in rows]


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
            yield Label("ctrl+p: every command   escape or ?: close", classes="status-line")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Key", "Does", "Where", "Details")
        for key, does, where, details in self.rows:
            table.add_row(
                Text(key, style="bold"),
                Text(does),
                Text(where, style=DIM),
                Text(details, style=DIM),
            )
        table.focus()
