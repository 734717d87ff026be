"""Pick the person to merge an entry with: the other people of the same council, filterable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from scrutiny_tui.ui.dialogs.base import ScrutinyModal
from scrutiny_tui.ui.text import DIM, literal, one_line
from scrutiny_tui.ui.widgets.inputs import QuietInput
from scrutiny_tui.ui.widgets.vim import VimOptionList

if TYPE_CHECKING:
    from scrutiny_tui.services.people import PersonRef

SHOWN = 200  # people listed at once; the filter finds the rest


class PickPerson(ScrutinyModal["PersonRef"]):
    """Dismissed with the person chosen, or None."""

    CSS_PATH = "pick_person.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *ScrutinyModal.BINDINGS,
        Binding("down", "to_list", "To the list", show=False, id="pick-person-list"),
    ]

    def __init__(self, subject: str, people: Sequence[PersonRef]) -> None:
        super().__init__()
        self.subject = subject
        self.people = list(people)
        self.shown: list[PersonRef] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Merge with…", classes="pane-title")
            yield Label(literal(one_line(self.subject, 200)), id="subject")
            yield QuietInput(placeholder="Type part of the name", id="who")
            yield VimOptionList(id="people")
            yield Label(
                "enter: merge with the highlighted person   escape: cancel", classes="status-line"
            )

    def on_mount(self) -> None:
        self.fill("")
        self.query_one("#who").focus()

    def fill(self, words: str) -> None:
        wanted = words.casefold().split()
        self.shown = [p for p in self.people if all(w in p.written for w in wanted)][:SHOWN]
        options = self.query_one("#people", OptionList)
        options.clear_options()
        for n, person in enumerate(self.shown):
            prompt = literal(person.shown)
            others = sorted({p.shown for p in person.parts} - {person.shown})
            if others:
                prompt.append_text(literal(f"  also {'; '.join(others)}", DIM))
            options.add_option(Option(prompt, id=str(n)))
        if self.shown:
            options.highlighted = 0

    def action_to_list(self) -> None:
        self.query_one("#people").focus()

    @on(Input.Changed, "#who")
    def typed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#who")
    def submitted(self) -> None:
        options = self.query_one("#people", OptionList)
        if options.highlighted is not None and self.shown:
            self.dismiss(self.shown[options.highlighted])

    @on(OptionList.OptionSelected, "#people")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[int(event.option.id or 0)])
