"""Edit the hand-kept columns of a recommendation: area, executive response date, lead
officer or member, action taken.

The executive response date is read as a UK date (12/03/2015, 12 March 2015, 12 Mar 2015,
2015-03-12; numbers day first) and saved as ISO. Anything else is named under the field and
nothing is saved until it is put right or cleared."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label

from scrutiny_tui.services.tracker import TrackingFields
from scrutiny_tui.services.uk_dates import DateError, iso_date
from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.text import literal, one_line
from scrutiny_tui.ui.widgets.inputs import QuietInput

DATE_FIELD = "executive_response_date"
FIELDS = (
    ("area", "Area"),
    (DATE_FIELD, "Executive response (date)"),
    ("lead", "Lead officer or member"),
    ("action_taken", "Action taken"),
)


class TrackingForm(ScrutinyModal[TrackingFields]):
    """Dismissed with new :class:`TrackingFields` (the date in ISO), or None."""

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
                    value = getattr(self.fields, name) or ""
                    if name != DATE_FIELD:
                        yield QuietInput(value, id=name, compact=True)
                        continue
                    with Vertical(id="date-cell"):
                        yield QuietInput(
                            value, id=name, compact=True, placeholder="e.g. 12/03/2015"
                        )
                        yield Label("", id="date-message")
            with Horizontal(id="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def date_problem(self) -> str | None:
        """Why the date field cannot be saved, or None (blank or a date), shown at the
        field."""
        box = self.query_one(f"#{DATE_FIELD}", Input)
        try:
            iso_date(box.value)
        except DateError as exc:
            problem: str | None = str(exc)
        else:
            problem = None
        message = self.query_one("#date-message", Label)
        message.update(literal(problem or ""))
        message.display = problem is not None
        box.set_class(problem is not None, "-invalid")
        return problem

    @on(Input.Changed, f"#{DATE_FIELD}")
    def date_changed(self) -> None:
        if self.query_one("#date-message", Label).display:  # say when it is put right
            self.date_problem()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == DATE_FIELD and self.date_problem():
            return
        if event.input.id == FIELDS[-1][0]:
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self.date_problem():
            self.query_one(f"#{DATE_FIELD}", Input).focus()
            return
        values = {name: self.query_one(f"#{name}", Input).value.strip() for name, _ in FIELDS}
        values[DATE_FIELD] = iso_date(values[DATE_FIELD]) or ""
        self.dismiss(TrackingFields(**{k: v or None for k, v in values.items()}))

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)
