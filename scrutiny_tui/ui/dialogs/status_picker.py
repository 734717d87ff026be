"""Pick a tracking status (from settings.tracking_statuses) for a recommendation."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from scrutiny_tui.config import TrackingStatus
from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.text import DIM, literal, one_line, rag_text
from scrutiny_tui.ui.widgets.vim import VimOptionList


class StatusPicker(ScrutinyModal[str]):
    """Dismissed with the chosen status name, or None."""

    CSS_PATH = "status_picker.tcss"

    def __init__(self, statuses: list[TrackingStatus], current: str | None, subject: str) -> None:
        super().__init__()
        self.statuses = statuses
        self.current = current
        self.subject = subject

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Set status", classes="pane-title")
            yield Label(literal(one_line(self.subject, 200)), id="subject")
            yield VimOptionList(*[self.option(s) for s in self.statuses], id="statuses")
            yield Label("enter: choose   escape: cancel", classes="status-line")

    def option(self, status: TrackingStatus) -> Option:
        prompt = rag_text(status.name, status.rag)
        if status.description:
            prompt.append_text(literal(f"  {status.description}", DIM))
        if status.name == self.current:
            prompt.append(" (current)", style="italic")
        return Option(prompt, id=status.name)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = [s.name for s in self.statuses]
        options.highlighted = names.index(self.current) if self.current in names else 0

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
