"""The notes screen (titled Concerns for the member): every note made, filterable; enter
shows it in its minutes. On a team store it lists the team's notes too, each "by" its author;
only the member's own can be edited, resolved or deleted. Notes kept in a file while the
store could not take them are saved when the list is read.

Filter words match the note, its quote and its item; ``tag:``, ``kind:``, ``status:`` and
``committee:`` narrow the list (``kind:question status:open``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from scrutiny_tui.store.db import DatabaseError
from scrutiny_tui.ui.labels import note_prompt
from scrutiny_tui.ui.messages import NotesLoaded
from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.text import one_line
from scrutiny_tui.ui.widgets.inputs import QuietInput
from scrutiny_tui.ui.widgets.vim import VimOptionList

if TYPE_CHECKING:  # the notes service loads when the screen first lists notes
    from scrutiny_tui.services.notes import NoteInput, NoteView

FIELDS = {
    "tag": "tag",
    "kind": "kind",
    "status": "status",
    "committee": "committee",
    "c": "committee",
}
EMPTY = (
    "No concerns yet. Open an agenda item (m, enter) and press  a  on a resolution, "
    "recommendation, action or paragraph of the minutes to note one."
)


@dataclass(frozen=True)
class NoteFilter:
    words: tuple[str, ...] = ()
    tag: str | None = None
    kind: str | None = None
    status: str | None = None
    committee: str | None = None


def parse_note_filter(query: str) -> NoteFilter:
    fields: dict[str, str] = {}
    words: list[str] = []
    for token in query.split():
        name, colon, value = token.partition(":")
        if colon and name.lower() in FIELDS and value:
            fields[FIELDS[name.lower()]] = value
        else:
            words.append(token.lower())
    return NoteFilter(tuple(words), **fields)


def matches(note: NoteView, words: tuple[str, ...]) -> bool:
    haystack = " ".join(
        [note.body, note.quote or "", note.item_title or "", " ".join(note.tags)]
    ).lower()
    return all(word in haystack for word in words)


class NotesScreen(ScrutinyScreen):
    CSS_PATH = "notes.tcss"
    TITLE = "Concerns"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "focus_filter", "Filter", tooltip="Filter the notes", id="notes-filter"),
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted note", id="notes-edit"),
        Binding(
            "x",
            "toggle_resolved",
            "Resolve",
            tooltip="Mark resolved / open again",
            id="notes-resolve",
        ),
        Binding("d", "delete", "Delete", tooltip="Delete (asks first)", id="notes-delete"),
        Binding(
            "u",
            "undo",
            "Undo delete",
            tooltip="Bring back the last deleted note",
            id="notes-undo",
        ),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="notes-clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[NoteView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="body"):
            yield QuietInput(
                placeholder="Filter (f): words, tag:budget kind:question status:open c:care",
                id="filter",
            )
            yield Static("", id="notice", classes="status-line", markup=False)
            yield VimOptionList(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#notes").focus()

    def reload(self) -> None:
        self.load_notes(self.query_one("#filter", Input).value)

    @property
    def team_store(self) -> bool:
        return self.store.engine == "postgresql"

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False)
    def load_notes(self, query: str) -> None:
        from scrutiny_tui.services.notes import list_notes

        flt = parse_note_filter(query)
        notes = list_notes(
            self.store, tag=flt.tag, kind=flt.kind, status=flt.status, committee=flt.committee
        )
        self.post_message(NotesLoaded(query, [n for n in notes if matches(n, flt.words)]))

    def on_notes_loaded(self, message: NotesLoaded) -> None:
        options = self.query_one("#notes", OptionList)
        keep = self.highlighted_note()
        self.notes = list(message.notes)
        options.clear_options()
        spaced: list[Option | None] = []
        for note in self.notes:
            spaced += [Option(note_prompt(note), id=note.uuid), None]
        options.add_options(spaced[:-1])
        if self.notes:
            ids = [n.uuid for n in self.notes]
            options.highlighted = ids.index(keep.uuid) if keep and keep.uuid in ids else 0
        self.query_one("#notice", Static).update(self.notice(message.query))

    def notice(self, query: str) -> str:
        if self.notes:
            open_count = sum(1 for n in self.notes if n.status == "open")
            noun = "note" if len(self.notes) == 1 else "notes"
            conflicts = sum(1 for n in self.notes if n.conflict_of)
            settle = f", {conflicts} imported in conflict with yours" if conflicts else ""
            return (
                f"{len(self.notes)} {noun}, {open_count} open{settle}. enter: show in the minutes"
                "   e: edit   x: resolve   d: delete"
            )
        return f"No notes match {query!r}." if query.strip() else EMPTY

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.save_kept()

    @work(thread=True, exclusive=True, group="kept", exit_on_error=False)
    def save_kept(self) -> None:
        """Save the notes kept in files while the store could not take them."""
        from scrutiny_tui.services.notes import save_kept_notes

        try:
            kept = save_kept_notes(self.store)
        except DatabaseError:
            return  # the list meets the same fault, and says it; tried again next time
        if kept.saved or kept.problems:
            self.app.call_from_thread(self.kept_saved, len(kept.saved), kept.problems)

    def kept_saved(self, count: int, problems: list[str]) -> None:
        if count:
            noun = "note" if count == 1 else "notes"
            self.notify(f"Saved {count} {noun} kept while the store could not take them.")
            self.mark_store_edited()
            self.reload()
        for problem in problems:
            self.notify(problem, severity="error", markup=False)

    def highlighted_note(self) -> NoteView | None:
        options = self.query_one("#notes", OptionList)
        if options.highlighted is None or not self.notes:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return next((n for n in self.notes if n.uuid == option_id), None)

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.reload()
        self.query_one("#notes").focus()

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.reload()

    def action_focus_filter(self) -> None:
        self.query_one("#filter").focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        self.query_one("#notes").focus()

    @on(OptionList.OptionSelected, "#notes")
    def open_note(self, event: OptionList.OptionSelected) -> None:
        note = next((n for n in self.notes if n.uuid == event.option.id), None)
        if note is None:
            return
        if note.item_id is None:
            self.notify(
                "This note's words are no longer in the minutes; its quote is kept here.",
                severity="warning",
            )
            return
        self.scrutiny.open_item(note.item_id, focus_uid=note.uuid)

    def mine(self, note: NoteView | None) -> NoteView | None:
        """``note`` if the member may change it; else None, having said whose it is."""
        from scrutiny_tui.services.notes import NotYours, may_change

        if note is None or may_change(note, self.team_store):
            return note
        refused = str(NotYours(note.owner or "another member"))
        self.notify(refused, severity="warning", markup=False)
        return None

    def action_edit(self) -> None:
        note = self.mine(self.highlighted_note())
        if note is None:
            return
        self.ask_edit(note)

    def ask_edit(self, note: NoteView, draft: NoteInput | None = None, problem: str = "") -> None:
        """The form to edit ``note``; ``draft`` and ``problem`` when a save failed and the
        member's words come back to them."""
        from scrutiny_tui.ui.dialogs.note_form import NoteForm

        def saved(new: NoteInput | None) -> None:
            if new is not None:
                self.save_edit(note, new)

        subject = note.quote or note.item_title or ""
        form = NoteForm(subject, draft or note, "Edit", problem, team=self.team_store)
        self.app.push_screen(form, saved)

    @work(thread=True, group="save", exit_on_error=False)
    def save_edit(self, note: NoteView, new: NoteInput) -> None:
        from scrutiny_tui.services.notes import NoteKept, NotYours, StoreBusy, edit_note

        try:
            edit_note(self.store, note.uuid, new)
        except NoteKept as kept:
            problem = (
                f"Not saved: {kept.why}. Your words are kept in {kept.path} and will be saved "
                "when the store answers again (the next time Concerns is opened); ctrl+s "
                "tries again now."
            )
            self.app.call_from_thread(self.ask_edit, note, new, problem)
            return
        except NotYours as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="warning", markup=False)
            return
        except (StoreBusy, DatabaseError) as exc:
            problem = f"Not saved: {exc}. Your words are kept here: ctrl+s to try again."
            self.app.call_from_thread(self.ask_edit, note, new, problem)
            return
        self.app.call_from_thread(self.saved, "Saved.")

    def action_toggle_resolved(self) -> None:
        from scrutiny_tui.services import notes

        note = self.mine(self.highlighted_note())
        if note is not None:
            status = "open" if note.status == "resolved" else "resolved"
            message = "Marked resolved." if status == "resolved" else "Opened again."
            self.save(lambda: notes.set_status(self.store, note.uuid, status), message)

    def action_delete(self) -> None:
        note = self.mine(self.highlighted_note())
        if note is None:
            return
        from scrutiny_tui.services import notes
        from scrutiny_tui.ui.dialogs.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self.save(
                    lambda: notes.delete_note(self.store, note.uuid),
                    "Deleted. Press u to undo.",
                )

        self.app.push_screen(
            Confirm("Delete this note?", one_line(note.body, 200), yes="Delete"), answered
        )

    def action_undo(self) -> None:
        from scrutiny_tui.services import notes

        self.save(
            lambda: notes.undo_delete(self.store),
            "Restored the last deleted note.",
            nothing="Nothing to undo.",
        )

    @work(thread=True, group="save", exit_on_error=False)
    def save(
        self, change: Callable[[], NoteView | None], message: str, nothing: str | None = None
    ) -> None:
        """Run ``change`` (a call of the notes service) off the UI thread, then say
        ``message``, or ``nothing`` when it changed nothing (or why it could not)."""
        from scrutiny_tui.services.notes import NoteNotFound, NotYours

        try:
            result = change()
        except (NotYours, NoteNotFound) as exc:  # another member's, or gone meanwhile
            self.app.call_from_thread(self.notify, str(exc), severity="warning", markup=False)
            self.app.call_from_thread(self.reload)
            return
        if nothing is not None and result is None:
            message = nothing
        self.app.call_from_thread(self.saved, message)

    def saved(self, message: str) -> None:
        self.mark_store_edited()
        if message:
            self.notify(message)
        self.reload()
