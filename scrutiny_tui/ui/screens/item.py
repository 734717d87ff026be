"""One agenda item: its minutes on the left, its records in tabs on the right.

Highlighting a resolution, recommendation or action marks its source words in the minutes
and scrolls them into view (spans come from the store, already mapped onto the readable
text by the browse service).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from scrutiny_tui.services import browse, tracker
from scrutiny_tui.services.browse import ItemDetail, Passage
from scrutiny_tui.store.db import DatabaseError
from scrutiny_tui.ui.labels import lateness, note_prompt
from scrutiny_tui.ui.messages import ItemLoaded
from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.text import (
    DIM,
    NO_COMMITTEE,
    NO_COUNCIL,
    NO_DATE,
    literal,
    one_line,
)
from scrutiny_tui.ui.widgets.minutes import MinutesPane, Paragraph  # noqa: F401  (re-exported)
from scrutiny_tui.ui.widgets.record_tabs import RecordTabs
from scrutiny_tui.ui.widgets.reflow import reflow
from scrutiny_tui.ui.widgets.vim import VimOptionList

if TYPE_CHECKING:  # the notes service loads when the item is first read
    from scrutiny_tui.services.notes import NoteInput, NoteView

# tab name (in ids) -> its label; a note is shown to the member as a concern
TABS = {
    "resolutions": "Resolutions",
    "recommendations": "Recommendations",
    "actions": "Actions",
    "notes": "Concerns",
    "attendees": "Attendees",
}
# shorter labels for a narrow strip, taken in this order until every tab fits
SHORT_TABS = {
    "recommendations": "Recs",
    "attendees": "Att",
    "resolutions": "Res",
    "actions": "Acts",
    "notes": "Conc",
}
ACTIVE_MARK = "▸"  # before the active tab's label: it reads without colour
TAB_PADDING = 2  # a tab's label has a space either side
RECORD_TABS = ("resolutions", "recommendations", "actions")


def tab_labels(counts: Mapping[str, int], active: str, width: int) -> dict[str, str]:
    """Each tab's label with its count, the active one marked: in full when the strip is
    ``width`` cells or wider, else with the fewest labels shortened that makes them fit
    (every tab stays reachable with ``[`` ``]`` however narrow)."""
    short: set[str] = set()
    labels: dict[str, str] = {}
    for shortened in (None, *SHORT_TABS):
        if shortened is not None:
            short.add(shortened)
        labels = {
            tab: (ACTIVE_MARK if tab == active else "")
            + f"{SHORT_TABS[tab] if tab in short else name} {counts.get(tab, 0)}"
            for tab, name in TABS.items()
        }
        if sum(len(label) + TAB_PADDING for label in labels.values()) <= width:
            break
    return labels


def overdue_text(passage: Passage, today: date) -> Text | None:
    """The Actions tracker's overdue mark, and how late, for an action past its due date
    and not done (the tracker's own rule decides)."""
    if passage.kind != "action" or not tracker.is_overdue(passage.detail, passage.done, today):
        return None
    due = tracker.due_date(passage.detail)
    late = f", {lateness((today - due).days)}" if due is not None else ""
    return Text(f"! OVERDUE{late}", style="bold red")


@dataclass(frozen=True)
class Place:
    """Where the reader is on the item screen: kept across a reload (after a save)."""

    tab: str
    highlighted: dict[str, str] = field(default_factory=dict)  # option id (or index) by tab
    minutes_focused: bool = False


def passage_prompt(passage: Passage, today: date | None = None) -> Text:
    label = f"({passage.label}) " if passage.label and passage.kind == "resolution" else ""
    if passage.kind == "recommendation" and passage.label:
        label = f"Rec {passage.label}: "
    text = Text.assemble(literal(label, "bold"), literal(one_line(passage.text)))
    if passage.kind == "resolution" and passage.detail:
        text.append_text(literal(f"  · {passage.detail}", DIM))
    if passage.kind == "action":
        due = f"due {passage.detail}" if passage.detail else "no due date"
        text.append_text(literal(f"  {due}", DIM))
        if passage.label:
            text.append_text(literal(f" · to {one_line(passage.label)}", DIM))
        if passage.done:
            text.append("  ✓ done", style="bold green")
        elif today is not None and (overdue := overdue_text(passage, today)) is not None:
            text.append("  ")
            text.append_text(overdue)
    return text


def quote_span(body: str, quote: str) -> tuple[int, int] | None:
    """Where a note's quoted words are in the readable minutes (spaces may differ)."""
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    found = re.search(pattern, body)
    return (found.start(), found.end()) if found else None


def heading(detail: ItemDetail) -> Text:
    meeting = " › ".join(
        [
            detail.council or NO_COUNCIL,
            detail.committee or NO_COMMITTEE,
            detail.date or NO_DATE,
        ]
    )
    where = detail.url or (detail.sources[0] if detail.sources else detail.file_name)
    if len(detail.sources) > 1:
        where += " · also " + ", ".join(detail.sources[1:])
    text = Text.assemble(literal(meeting, "bold"), ("  ", ""), literal(where, DIM))
    number = f"{detail.number}  " if detail.number else ""
    text.append("\n")
    text.append_text(literal(number + one_line(detail.title), "bold"))
    if detail.report_refs:
        text.append_text(literal("   Report " + ", ".join(detail.report_refs), DIM))
    return text


class ItemScreen(ScrutinyScreen):
    CSS_PATH = "item.tcss"
    TITLE = "Agenda item"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the list", id="back"),
        Binding(
            "left_square_bracket",
            "tab(-1)",
            "Prev tab",
            tooltip="The tab to the left",
            id="item-prev-tab",
        ),
        Binding(
            "right_square_bracket",
            "tab(1)",
            "Next tab",
            tooltip="The tab to the right",
            id="item-next-tab",
        ),
        Binding(
            "a",
            "annotate",
            "Add concern",
            tooltip="Note a concern on the highlighted record, the minutes line, or the item",
            id="item-annotate",
        ),
        Binding(
            "x",
            "toggle_done",
            "Mark done",
            tooltip="Mark the highlighted action done or not done (Actions tab)",
            id="item-mark-done",
        ),
    ]

    def __init__(self, item_id: int, focus_uid: str | None = None, find: str | None = None) -> None:
        super().__init__()
        self.item_id = item_id
        self.focus_uid = focus_uid
        self.find = find  # a search that led here: the minutes open at its first words
        self.found: tuple[int, int] | None = None
        self.detail: ItemDetail | None = None
        self.notes: list[NoteView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="heading")
        with Horizontal(id="panes"):
            yield MinutesPane(id="minutes")
            with RecordTabs(id="records"):
                for tab, label in TABS.items():
                    with TabPane(label, id=f"tab-{tab}"):
                        yield VimOptionList(id=f"list-{tab}")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#minutes").border_title = "Minutes"

    def reload(self) -> None:
        self.load_item()

    @work(thread=True, exclusive=True, group="item", exit_on_error=False)
    def load_item(self) -> None:
        from scrutiny_tui.services.notes import list_notes

        detail = browse.item_detail(self.store, self.item_id)
        if detail is not None:
            # The file's own line breaks inside a paragraph become spaces, so the pane
            # wraps each paragraph once. Only "\n" becomes " ": every span still holds.
            detail = replace(detail, minutes=reflow(detail.minutes))
        notes = [n for n in list_notes(self.store) if n.item_id == self.item_id]
        self.post_message(ItemLoaded(detail, notes))

    def on_item_loaded(self, message: ItemLoaded) -> None:
        detail = message.detail
        if detail is None:
            self.notify(
                "This item is no longer in the store (its file was re-imported).",
                severity="warning",
            )
            self.dismiss()
            return
        previous = self.detail
        place = self.place() if previous is not None else None
        self.detail = detail
        self.notes = list(message.notes)
        self.sub_title = one_line(detail.title, 60)
        self.query_one("#heading", Static).update(heading(detail))
        self.fill_lists(detail)
        if place is not None:  # loaded again (a note saved, the store changed): stay put
            if previous is not None and previous.minutes != detail.minutes:
                self.query_one("#minutes", MinutesPane).show_text(detail.minutes)
            self.call_after_refresh(self.restore, place)
            return
        # the minutes open where the record the screen opens on is, however far down, or
        # (a search that found the item's own words) at those words
        _, option_id = self.opening_option()
        opening = self.source_span(option_id)
        if self.find and option_id != self.focus_uid:
            from scrutiny_tui.services.search import first_match

            self.found = first_match(detail.minutes, self.find, self.settings.acronyms())
            opening = self.found or opening
        self.query_one("#minutes", MinutesPane).show_text(detail.minutes, opening)
        self.call_after_refresh(self.show_focus_uid)

    def fill_lists(self, detail: ItemDetail) -> None:
        groups = {
            "resolutions": detail.resolutions,
            "recommendations": detail.recommendations,
            "actions": detail.actions,
        }
        today = self.today()
        for name, passages in groups.items():
            options = [Option(passage_prompt(p, today), id=p.uid) for p in passages]
            self.fill_list(name, options, f"No {name} recorded")
        self.fill_list(
            "notes",
            [Option(note_prompt(n), id=n.uuid) for n in self.notes],
            "No concerns noted: press a to add one",
        )
        self.fill_list(
            "attendees",
            [Option(self.attendee_prompt(a)) for a in detail.attendees],
            "No attendees recorded",
        )
        self.label_tabs()

    def fill_list(self, name: str, options: list[Option], empty: str) -> None:
        """Options with a rule between each, or a note saying there are none."""
        option_list = self.query_one(f"#list-{name}", OptionList)
        option_list.clear_options()
        if not options:
            option_list.add_option(Option(Text(empty, style=DIM), disabled=True))
            return
        spaced: list[Option | None] = []
        for option in options:
            spaced += [option, None]
        option_list.add_options(spaced[:-1])

    # ---- the tab strip ----------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        detail = self.detail
        if detail is None:
            return {}
        return {
            "resolutions": len(detail.resolutions),
            "recommendations": len(detail.recommendations),
            "actions": len(detail.actions),
            "notes": len(self.notes),
            "attendees": len(detail.attendees),
        }

    def active_tab(self) -> str:
        return (self.query_one(TabbedContent).active or "tab-resolutions").removeprefix("tab-")

    def label_tabs(self) -> None:
        """Each tab's label with its count, the active one marked, as long as fits."""
        tabs = self.query_one(TabbedContent)
        width = tabs.size.width or self.app.size.width // 2
        for tab, label in tab_labels(self.counts(), self.active_tab(), width).items():
            tabs.get_tab(f"tab-{tab}").label = Text(label)

    def on_resize(self, _: events.Resize) -> None:
        self.call_after_refresh(self.label_tabs)  # once the strip has its new width

    @staticmethod
    def attendee_prompt(attendee: browse.Attendee) -> Text:
        name = " ".join(filter(None, [attendee.honorific, attendee.name]))
        text = literal(name, "bold")
        if attendee.role:
            text.append_text(literal(f", {attendee.role}"))
        text.append_text(literal(f"  · {attendee.kind}", DIM))
        return text

    def opening_option(self) -> tuple[str, str | None]:
        """The tab and the option (record or note) the screen opens on: the one the user
        came for (from a tracker or a search hit), else the first resolution."""
        detail = self.detail
        if detail is None:
            return "resolutions", None
        groups: dict[str, list[str]] = {
            name: [p.uid for p in getattr(detail, name)] for name in RECORD_TABS
        }
        groups["notes"] = [n.uuid for n in self.notes]
        for name, ids in groups.items():
            if self.focus_uid is not None and self.focus_uid in ids:
                return name, self.focus_uid
        first = detail.resolutions[0].uid if detail.resolutions else None
        return "resolutions", first

    def show_focus_uid(self) -> None:
        """Open on the record the user came for, or the first resolution."""
        if self.detail is None:
            return
        name, option_id = self.opening_option()
        self.query_one(TabbedContent).active = f"tab-{name}"
        options = self.query_one(f"#list-{name}", OptionList)
        options.focus()
        if option_id is not None:
            if self.found is not None:  # keep the searched words marked, not the record's
                with options.prevent(OptionList.OptionHighlighted):
                    options.highlighted = options.get_option_index(option_id)
            else:
                options.highlighted = options.get_option_index(option_id)
        self.label_tabs()

    # ---- keeping the reader's place ---------------------------------------------------

    def place(self) -> Place:
        """The active tab, each list's highlighted row and where the focus is."""
        highlighted: dict[str, str] = {}
        for name in TABS:
            options = self.query_one(f"#list-{name}", OptionList)
            index = options.highlighted
            if index is not None:
                option = options.get_option_at_index(index)
                highlighted[name] = option.id if option.id is not None else str(index)
        focused = isinstance(self.focused, MinutesPane)
        return Place(self.active_tab(), highlighted, focused)

    def restore(self, place: Place) -> None:
        """Back to ``place`` after the lists were filled again, without moving the minutes
        (the highlighted record's words are already marked there)."""
        self.query_one(TabbedContent).active = f"tab-{place.tab}"
        for name, option_id in place.highlighted.items():
            options = self.query_one(f"#list-{name}", OptionList)
            index = self.option_index(options, option_id)
            if index is not None:
                with options.prevent(OptionList.OptionHighlighted):
                    options.highlighted = index
        if place.minutes_focused:
            self.query_one("#minutes", MinutesPane).focus()
        else:
            self.select_row(self.query_one(f"#list-{place.tab}", OptionList))
        self.label_tabs()

    @staticmethod
    def option_index(options: OptionList, option_id: str | None) -> int | None:
        """Where the option with this id (or, for options without one, this index) is."""
        if option_id is None:
            return None
        try:
            return options.get_option_index(option_id)
        except LookupError:
            pass
        if option_id.isdigit() and int(option_id) < options.option_count:
            return int(option_id)
        return None

    def select_row(self, options: OptionList) -> None:
        """Focus the list and make sure a row is highlighted (the one it had, else the
        first), so ``x`` and ``a`` act on the row shown."""
        options.focus()
        if options.highlighted is None:
            options.action_first()

    # ---- highlighting -----------------------------------------------------------------

    def passage(self, option_id: str | None) -> Passage | None:
        if self.detail is None or option_id is None:
            return None
        everything = self.detail.resolutions + self.detail.recommendations + self.detail.actions
        return next((p for p in everything if p.uid == option_id), None)

    def note_span(self, option_id: str | None) -> tuple[int, int] | None:
        note = next((n for n in self.notes if n.uuid == option_id), None)
        if note is None or self.detail is None:
            return None
        target = self.passage(note.target_uid)
        if note.target_kind != "passage" and target is not None:
            return target.start, target.end
        if note.target_kind == "item":  # it quotes all the minutes: no need to look
            return 0, len(self.detail.minutes)
        return quote_span(self.detail.minutes, note.quote or "")

    @on(OptionList.OptionHighlighted)
    def highlight_source(self, event: OptionList.OptionHighlighted) -> None:
        self.show_source(event.option.id)

    @on(OptionList.OptionSelected)
    def select_source(self, event: OptionList.OptionSelected) -> None:
        self.show_source(event.option.id)  # enter: same as highlight, for those who expect it

    def source_span(self, option_id: str | None) -> tuple[int, int] | None:
        """Where in the minutes the record or note of this option comes from."""
        passage = self.passage(option_id)
        if passage is not None:
            return passage.start, passage.end
        return self.note_span(option_id)

    def show_source(self, option_id: str | None) -> None:
        """Mark in the minutes where the record or note of this option comes from."""
        if (span := self.source_span(option_id)) is not None:
            self.mark(*span)

    def mark(self, start: int, end: int) -> None:
        self.query_one("#minutes", MinutesPane).mark(start, end)

    # ---- actions ----------------------------------------------------------------------

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [f"tab-{t}" for t in TABS]
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]
        self.select_row(self.query_one(f"#list-{self.active_tab()}", OptionList))

    @on(TabbedContent.TabActivated)
    def focus_tab_list(self, event: TabbedContent.TabActivated) -> None:
        """A tab became active (a key, a click): its list takes the focus with a row
        highlighted, and the strip marks it."""
        if event.pane.id != self.query_one(TabbedContent).active:
            return  # another tab was chosen since (keys come faster than this message)
        self.label_tabs()
        options = event.pane.query_one(OptionList)
        self.select_row(options)
        if options.highlighted is not None:
            self.show_source(options.get_option_at_index(options.highlighted).id)

    def highlighted_action(self) -> Passage | None:
        options = self.query_one("#list-actions", OptionList)
        if options.highlighted is None:
            return None
        passage = self.passage(options.get_option_at_index(options.highlighted).id)
        return passage if passage is not None and passage.kind == "action" else None

    def action_toggle_done(self) -> None:
        if self.detail is None:
            return
        if self.active_tab() != "actions":
            self.notify(
                "x marks an action done: it works on the Actions tab (press ] to reach it).",
                severity="warning",
            )
            return
        passage = self.highlighted_action()
        if passage is None:
            self.notify("This item has no actions to mark done.", severity="warning")
            return
        self.save_done(passage)

    @work(thread=True, group="save", exit_on_error=False)
    def save_done(self, passage: Passage) -> None:
        tracker.set_action_done(self.store, passage.uid, not passage.done)
        self.app.call_from_thread(self.done_saved, replace(passage, done=not passage.done))

    def done_saved(self, passage: Passage) -> None:
        self.mark_store_edited()
        if self.detail is None:
            return
        actions = tuple(passage if p.uid == passage.uid else p for p in self.detail.actions)
        self.detail = replace(self.detail, actions=actions)
        options = self.query_one("#list-actions", OptionList)
        options.replace_option_prompt(passage.uid, passage_prompt(passage, self.today()))
        self.notify("Marked done." if passage.done else "Marked not done.")

    # ---- notes ------------------------------------------------------------------------

    def annotation_target(self) -> tuple[str, str, str, tuple[int, int] | None] | None:
        """(target kind, target uid, what it is, passage span) for ``a``, from the focus."""
        detail = self.detail
        if detail is None:
            return None
        focused = self.focused
        if not isinstance(focused, MinutesPane | OptionList):  # the tab strip, say
            focused = self.query_one(f"#list-{self.active_tab()}", OptionList)
        if isinstance(focused, MinutesPane) and (line := focused.current()) is not None:
            return "passage", detail.uid, line.text, (line.start, line.end)
        if isinstance(focused, OptionList) and focused.highlighted is not None:
            passage = self.passage(focused.get_option_at_index(focused.highlighted).id)
            if passage is not None:
                return passage.kind, passage.uid, passage.text, None
        return "item", detail.uid, detail.title, None

    def action_annotate(self) -> None:
        target = self.annotation_target()
        if target is not None:
            self.ask_note(*target)

    def ask_note(
        self,
        kind: str,
        uid: str,
        subject: str,
        span: tuple[int, int] | None,
        draft: NoteInput | None = None,
        problem: str = "",
        uuid: str | None = None,
    ) -> None:
        """The note form for a record (or passage); ``draft`` and ``problem`` when a save
        failed and the member's words come back to them, ``uuid`` when they were kept in a
        file meanwhile (saving again saves that note, not a second one)."""
        from scrutiny_tui.ui.dialogs.note_form import NoteForm

        def saved(note: NoteInput | None) -> None:
            if note is not None:
                self.save_note(kind, uid, subject, note, span, uuid)

        team = self.store.engine == "postgresql"
        form = NoteForm(f"On this {kind}: {subject}", draft, problem=problem, team=team)
        self.app.push_screen(form, saved)

    @work(thread=True, group="save", exit_on_error=False)
    def save_note(
        self,
        kind: str,
        uid: str,
        subject: str,
        note: NoteInput,
        span: tuple[int, int] | None,
        uuid: str | None = None,
    ) -> None:
        from scrutiny_tui.services.notes import NoteKept, StoreBusy, add_note, save_kept_notes

        try:
            quote = browse.document_span(self.store, self.item_id, *span) if span else None
            add_note(self.store, kind, uid, note, quote=quote, uuid=uuid)
        except NoteKept as kept:
            problem = (
                f"Not saved: {kept.why}. Your note is kept in {kept.path} and will be saved "
                "when the store answers again (the next note you save, or opening Concerns); "
                "ctrl+s tries again now."
            )
            self.app.call_from_thread(
                self.ask_note, kind, uid, subject, span, note, problem, kept.uuid
            )
            return
        except (StoreBusy, DatabaseError) as exc:
            problem = f"Not saved: {exc}. Your words are kept here: ctrl+s to try again."
            self.app.call_from_thread(self.ask_note, kind, uid, subject, span, note, problem, uuid)
            return
        earlier = save_kept_notes(self.store).saved
        self.app.call_from_thread(self.note_saved, note.kind, len(earlier))

    def note_saved(self, kind: str, earlier: int = 0) -> None:
        self.mark_store_edited()
        self.notify(f"{kind.capitalize()} noted. See it in the Concerns tab, or press n for all.")
        if earlier:
            noun = "note" if earlier == 1 else "notes"
            self.notify(f"Also saved {earlier} {noun} kept while the store could not take them.")
        self.load_item()
