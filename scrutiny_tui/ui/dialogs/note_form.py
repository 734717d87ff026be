"""Add or edit a note (a "concern" to the member): a Markdown body, its kind, priority,
tags, where to raise it and, on a team store, who can read it: the member alone (the
default) or the whole team. A member's own file has no team, so there the choice is not
offered and a note keeps the visibility it has."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, TextArea

from scrutiny_tui.services.notes import NoteInput, NoteView
from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.text import literal, one_line
from scrutiny_tui.ui.widgets.inputs import QuietInput, SafeTextArea
from scrutiny_tui.vocabulary import (
    DEFAULT_NOTE_KIND,
    DEFAULT_NOTE_PRIORITY,
    NOTE_KINDS,
    NOTE_PRIORITIES,
)

# The default kind first in the list, then the others in the vocabulary's order.
KINDS = tuple(sorted(NOTE_KINDS, key=lambda kind: kind != DEFAULT_NOTE_KIND))

WHO_CAN_READ = (("Private (only you)", "private"), ("Shared with the team", "team"))


class NoteForm(ScrutinyModal[NoteInput]):
    """Dismissed with the note as typed, or None on escape. Opened again with ``draft``
    (what was typed) and ``problem`` when a save failed, so no word typed is lost."""

    CSS_PATH = "note_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the note and close", id="note-save"),
    ]

    def __init__(
        self,
        subject: str,
        note: NoteView | NoteInput | None = None,
        title: str = "Add a concern",
        problem: str = "",
        *,
        team: bool = False,
    ) -> None:
        super().__init__()
        self.subject = subject
        self.note = note  # the note being edited, or what was typed before a failed save
        self.form_title = title
        self.problem = problem
        self.team = team  # a team store: offer the choice of who can read the note

    def compose(self) -> ComposeResult:
        note = self.note
        with Vertical(id="dialog"):
            yield Label(self.form_title, classes="pane-title")
            yield Label(literal(one_line(self.subject, 300)), id="subject")
            yield SafeTextArea(
                note.body if note else "",
                id="body",
                language=None,
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            yield Label(literal(self.problem, "bold red"), id="problem", classes="status-line")
            with Grid(id="fields"):
                yield Label("Kind", classes="field-label")
                yield Select(
                    [(k.capitalize(), k) for k in KINDS],
                    value=note.kind if note else DEFAULT_NOTE_KIND,
                    allow_blank=False,
                    id="kind",
                    compact=True,
                )
                yield Label("Priority", classes="field-label")
                yield Select(
                    [(p.capitalize(), p) for p in NOTE_PRIORITIES],
                    value=note.priority if note else DEFAULT_NOTE_PRIORITY,
                    allow_blank=False,
                    id="priority",
                    compact=True,
                )
                yield Label("Tags (comma separated)", classes="field-label")
                yield QuietInput(", ".join(note.tags) if note else "", id="tags", compact=True)
                yield Label("Ask at (committee or meeting)", classes="field-label")
                yield QuietInput((note.ask_at or "") if note else "", id="ask_at", compact=True)
                if self.team:
                    yield Label("Who can read it", classes="field-label")
                    yield Select(
                        WHO_CAN_READ,
                        value=self.visibility(),
                        allow_blank=False,
                        id="visibility",
                        compact=True,
                    )
            with Horizontal(id="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def visibility(self) -> str:
        """The note's visibility as it was: private for a new note."""
        return self.note.visibility if self.note is not None else "private"

    def on_mount(self) -> None:
        body = self.query_one("#body", TextArea)
        body.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
        body.focus()

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "ask_at":
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        tags = self.query_one("#tags", Input).value
        visibility = self.visibility()
        if self.team:
            visibility = str(self.query_one("#visibility", Select).value)
        try:
            note = NoteInput(
                body=self.query_one("#body", TextArea).text.strip(),
                kind=str(self.query_one("#kind", Select).value),
                priority=str(self.query_one("#priority", Select).value),
                tags=tuple(t.strip() for t in tags.split(",") if t.strip()),
                ask_at=self.query_one("#ask_at", Input).value.strip() or None,
                visibility=visibility,
            )
        except ValueError as exc:
            self.query_one("#problem", Label).update(literal(str(exc), "bold red"))
            self.query_one("#body").focus()
            return
        self.dismiss(note)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)
