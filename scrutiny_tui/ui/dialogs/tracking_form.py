"""Edit the hand-kept columns of a recommendation: area, executive response date, lead
officer or member, action taken."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label

from scrutiny_tui.services.tracker import TrackingFields
from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.text import literal, one_line
from scrutiny_tui.ui.widgets.inputs import QuietInput

FIELDS = (
    ("area", "Area"),
    ("executive_response_date", "Executive response (date)"),
    ("lead", "Lead officer or member"),
    ("action_taken", "Action taken"),
)


class TrackingForm(ScrutinyModal[TrackingFields]):
    """Dismissed with new :class:`TrackingFields`, or None."""

    CSS_PATH = "tracking_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save and close", id="form-save"),
    ]

    def __init__(self, fields: TrackingFields, subject: str) -> None:
        super().__init__()
        self.fields = fields
        self.subject = subject

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Edit tracker columns", classes="pane-title")
            yield Label(literal(one_line(self.subject, 200)), id="subject")
            with Grid(id="fields"):
                for name, title in FIELDS:
                    yield Label(title, classes="field-label")
                    yield QuietInput(getattr(self.fields, name) or "", id=name, compact=True)
            with Horizontal(id="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == FIELDS[-1][0]:
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values = {name: self.query_one(f"#{name}", Input).value.strip() for name, _ in FIELDS}
        self.dismiss(TrackingFields(**{k: v or None for k, v in values.items()}))

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)
