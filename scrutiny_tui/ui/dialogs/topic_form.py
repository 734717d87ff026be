"""Follow a new topic: a name, and a search or one of the member's note tags."""

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
class TopicDraft:
    name: str
    query: str | None  # a search, or None when the topic is a tag
    tag: str | None


def read_subject(value: str) -> tuple[str | None, str | None]:
    """(search, tag) from what was typed: ``#budget`` is a tag, anything else a search."""
    value = value.strip()
    if value.startswith("#") and len(value.split()) == 1 and len(value) > 1:
        return None, value[1:]
    return (value or None), None


class TopicForm(ScrutinyModal[TopicDraft]):
    """Dismissed with the new topic's draft, or None."""

    CSS_PATH = "topic_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *ScrutinyModal.BINDINGS,
        Binding("ctrl+s", "save", "Save", tooltip="Follow this topic", id="topic-save"),
    ]

    def __init__(self, problem: str = "", draft: TopicDraft | None = None) -> None:
        super().__init__()
        self.problem = problem
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Follow a topic across meetings", classes="pane-title")
            yield Label("Name")
            yield QuietInput(self.draft.name if self.draft else "", id="name")
            yield Label("Search words, or #tag for one of your note tags")
            subject = ""
            if self.draft:
                subject = self.draft.query or f"#{self.draft.tag}"
            yield QuietInput(
                subject,
                placeholder='CAMHS waiting   or   "damp and mould"   or   #budget',
                id="subject",
            )
            yield Static(literal(self.problem), id="problem")
            yield Label("enter or ctrl+s: follow   escape: cancel", classes="status-line")

    def on_mount(self) -> None:
        self.query_one("#problem").display = bool(self.problem)
        self.query_one("#name").focus()

    @on(Input.Submitted, "#name")
    def next_field(self) -> None:
        self.query_one("#subject").focus()

    @on(Input.Submitted, "#subject")
    def submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        query, tag = read_subject(self.query_one("#subject", Input).value)
        problem = self.query_one("#problem", Static)
        if not name:
            problem.update("Give the topic a name.")
            problem.display = True
            self.query_one("#name").focus()
            return
        if query is None and tag is None:
            problem.update("Type the words to search for, or #tag.")
            problem.display = True
            self.query_one("#subject").focus()
            return
        self.dismiss(TopicDraft(name, query, tag))
