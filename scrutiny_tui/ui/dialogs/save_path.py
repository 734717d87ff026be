"""Ask where to save a file, offering the default; an existing file is confirmed later."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.widgets.inputs import QuietInput


class SavePath(ScrutinyModal[Path]):
    """Dismissed with the chosen path, or None."""

    CSS_PATH = "save_path.tcss"

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Save the pack as", classes="pane-title")
            yield QuietInput(str(self.default), id="path")
            yield Label("enter: save   escape: cancel", classes="status-line")

    @on(Input.Submitted)
    def chosen(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)
