"""Correct a meeting's council, committee and date; kept across re-imports and syncs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.text import literal
from scrutiny_tui.ui.widgets.inputs import QuietInput


@dataclass(frozen=True)
class MeetingDraft:
    council: str
    committee: str
    date: str  # as typed: 12/03/2025, 12 March 2025 or 2025-03-12


class MeetingForm(ScrutinyModal[MeetingDraft]):
    """Dismissed with what the member typed, or None."""

    CSS_PATH = "meeting_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *ScrutinyModal.BINDINGS,
        Binding("ctrl+s", "save", "Save", tooltip="Keep these facts", id="meeting-save"),
    ]

    def __init__(self, draft: MeetingDraft, problem: str = "") -> None:
        super().__init__()
        self.draft = draft
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Correct this meeting's facts", classes="pane-title")
            yield Label("Council")
            yield QuietInput(self.draft.council, id="council")
            yield Label("Committee")
            yield QuietInput(self.draft.committee, id="committee")
            yield Label("Date (12/03/2025, 12 March 2025 or 2025-03-12)")
            yield QuietInput(self.draft.date, id="date")
            yield Static(literal(self.problem), id="problem")
            yield Static(
                "Kept when the minutes are imported or synced again. A blank field keeps the "
                "value the meeting has.",
                id="hint",
                classes="status-line",
            )
            yield Label("ctrl+s: save   tab: next field   escape: cancel", classes="status-line")

    def on_mount(self) -> None:
        self.query_one("#problem").display = bool(self.problem)
        self.query_one("#council").focus()  # the fields in the order they are shown

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(
            MeetingDraft(
                self.query_one("#council", Input).value,
                self.query_one("#committee", Input).value,
                self.query_one("#date", Input).value,
            )
        )
