"""People: the members and officers the minutes and synced attendance name, per council.

The list on the left (filter with ``f``: a name, a role or a council); the highlighted
person on the right: meetings attended and apologies with their rate, roles held, then their
meetings, the asks that name them and the interests they declared. Enter on a meeting, an ask
or a declaration opens its agenda item. ``M`` merges the person with another of the same
council, ``S`` splits an entry into the ways its name is written; both are kept across
re-ingests and syncs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.text import DIM, NO_COMMITTEE, literal, one_line
from scrutiny_tui.ui.widgets.inputs import QuietInput
from scrutiny_tui.ui.widgets.vim import VimOptionList

if TYPE_CHECKING:  # the people service loads with the screen's first read
    from scrutiny_tui.services.people import (
        Ask,
        Declaration,
        MeetingLine,
        PeoplePage,
        PersonDetail,
        PersonEntry,
        PersonRef,
        RoleHeld,
    )

EMPTY = (
    "No people yet. They come from the attendance in minutes (Present, Apologies, In "
    "attendance) and from meetings synced from a council's site: press  i  to import minutes "
    "or  w  to follow a site."
)
SHOWN = 500  # people listed at once; the filter finds the rest
HEAD = Style(bold=True)
SECTION = Style(bold=True, underline=True)
KIND_WORDS = {
    "present": "present",
    "apologies": "apologies",
    "substitute": "substitute",
    "attending": "in attendance",
    "attendee": "at an item",
}
ASK_WORDS = {"action": "Asked", "recommendation": "Recommended", "resolution": "Requested"}


@dataclass
class PeopleLoaded(Message):
    refs: list[PersonRef]
    page: PeoplePage
    words: str
    choose: str | None  # the entry to highlight (council and key), if any


@dataclass
class DetailLoaded(Message):
    detail: PersonDetail


def _when(day: str | None) -> str:
    try:
        parsed = date.fromisoformat(day[:10]) if day else None
    except ValueError:
        parsed = None
    return f"{parsed.day} {parsed:%b %Y}" if parsed else (day or "undated")


def entry_id(entry: PersonEntry | PersonRef) -> str:
    return f"{entry.council or ''}\x1f{entry.key}"


def _ids(entry: PersonEntry) -> set[str]:
    """The option ids of every name the entry holds."""
    return {f"{entry.council or ''}\x1f{key}" for key in (entry.key, *entry.keys)}


def figures(entry: PersonEntry) -> str:
    """12 meetings · 3 apologies (20%)."""
    meetings = f"{entry.attended} meeting{'s' if entry.attended != 1 else ''}"
    apologies = f"{entry.apologies} apolog{'ies' if entry.apologies != 1 else 'y'}"
    rate = f" ({entry.rate:.0%})" if entry.rate is not None and entry.apologies else ""
    return f"{meetings} · {apologies}{rate}"


def role_text(role: RoleHeld) -> str:
    where = f", {role.committee}" if role.committee else ""
    return one_line(f"{role.role}{where}")


def person_prompt(entry: PersonEntry) -> Text:
    """Two lines (the list's style cuts each to the pane with an ellipsis): the name, then
    the figures and the main role."""
    text = literal(one_line(entry.shown, 80), HEAD)
    text.append("\n")
    text.append_text(literal(figures(entry), DIM))
    if entry.roles:
        text.append_text(literal(f" · {one_line(role_text(entry.roles[0]), 60)}", DIM))
    return text


def card(entry: PersonEntry) -> Text:
    """What the right pane says first: who, where, the figures, the roles."""
    text = literal(entry.shown, HEAD)
    text.append_text(literal(f" · {entry.council_shown}", DIM))
    expected = entry.attended + entry.apologies
    line = f"\nAttended {entry.attended} meeting{'s' if entry.attended != 1 else ''}"
    if entry.apologies and entry.rate is not None:
        line += (
            f", sent apologies to {entry.apologies} ({entry.rate:.0%} of the {expected}"
            " expected at)"
        )
    else:
        line += ", no apologies"
    text.append(line)
    if entry.first or entry.last:
        first, last = _when(entry.first), _when(entry.last)
        text.append(f"\nRecorded {first}" if first == last else f"\nRecorded {first} to {last}")
    if entry.roles:
        held = "; ".join(
            f"{role_text(r)} ({r.meetings} meeting{'s' if r.meetings != 1 else ''})"
            for r in entry.roles[:4]
        )
        more = f"; {len(entry.roles) - 4} more" if len(entry.roles) > 4 else ""
        text.append("\nRoles: ")
        text.append_text(literal(held + more))
    if entry.also_written:
        text.append("\nAlso written: ", style=DIM)
        text.append_text(literal("; ".join(entry.also_written), DIM))
    return text


def meeting_prompt(meeting: MeetingLine) -> Text:
    text = literal(f"{_when(meeting.date)} · {meeting.committee or NO_COMMITTEE}")
    kinds = ", ".join(KIND_WORDS.get(k, k) for k in meeting.kinds)
    role = f" ({meeting.role})" if meeting.role else ""
    apologies = meeting.kinds == ("apologies",)
    text.append_text(literal(f" · {kinds}{role}", DIM if not apologies else HEAD))
    for item in meeting.items:
        text.append_text(literal(f"\n  {one_line(item, 120)}", DIM))
    return text


def ask_prompt(ask: Ask) -> Text:
    due = f", due {ask.due}" if ask.due else ""
    head = f"{ASK_WORDS.get(ask.kind, ask.kind)} {_when(ask.date)} · "
    head += f"{ask.committee or NO_COMMITTEE}{due}"
    text = literal(head, DIM)
    text.append_text(literal(f"\n{one_line(ask.text, 240)}"))
    return text


def declaration_prompt(declaration: Declaration) -> Text:
    head = f"{_when(declaration.date)} · {declaration.committee or NO_COMMITTEE} · "
    text = literal(head + one_line(declaration.item, 80), DIM)
    text.append_text(literal(f"\n{one_line(declaration.words, 240)}"))
    return text


class PeopleScreen(ScrutinyScreen):
    CSS_PATH = "people.tcss"
    TITLE = "People"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "focus_filter", "Filter", tooltip="Filter by name, role or council",
                id="people-filter"),
        Binding("M", "merge", "Merge", tooltip="This person is the same as another: merge them",
                id="people-merge"),
        Binding("S", "split", "Split",
                tooltip="Part this entry into the ways its name is written (asks first)",
                id="people-split"),
        Binding("tab", "switch_pane", "List/detail", tooltip="Move between the panes",
                id="people-pane"),
        Binding("escape", "back", "Back", show=False, tooltip="Back to the list; clear the filter",
                id="people-back"),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[PersonRef] = []
        self.entries: list[PersonEntry] = []
        self.total = 0
        self.shown_detail: PersonDetail | None = None
        self.targets: dict[str, tuple[int, str | None]] = {}  # option id -> item, uid

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the store…", id="summary", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield QuietInput(placeholder="Filter (f): name, role, council", id="filter")
                yield VimOptionList(id="people")
            with Vertical(id="right"):
                yield Static("", id="card", markup=False)
                yield VimOptionList(id="records")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#people").focus()

    def reload(self) -> None:
        current = self.current()
        self.load_people(
            self.query_one("#filter", Input).value, entry_id(current) if current else None
        )

    # ---- the list ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="people", exit_on_error=False)
    def load_people(self, words: str, choose: str | None = None) -> None:
        from scrutiny_tui.services.people import everyone, select

        refs = everyone(self.store)
        self.post_message(PeopleLoaded(refs, select(self.store, refs, words, SHOWN), words, choose))

    @work(thread=True, exclusive=True, group="people", exit_on_error=False)
    def filter_people(self, words: str) -> None:
        from scrutiny_tui.services.people import select

        refs = self.refs
        self.post_message(PeopleLoaded(refs, select(self.store, refs, words, SHOWN), words, None))

    def on_people_loaded(self, message: PeopleLoaded) -> None:
        if message.words != self.query_one("#filter", Input).value:
            return  # the member typed on: a newer filter is on its way
        listing = self.query_one("#people", OptionList)
        current = self.current()
        keep = message.choose or (entry_id(current) if current else None)
        self.refs = message.refs
        self.entries = list(message.page.entries)
        self.total = message.page.total
        listing.clear_options()
        options: list[Option | None] = []
        council: object = ()
        for n, entry in enumerate(self.entries):
            if entry.council != council:
                council = entry.council
                options.append(
                    Option(literal(entry.council_shown, SECTION), id=f"c{n}", disabled=True)
                )
            options.append(Option(person_prompt(entry), id=entry_id(entry)))
        listing.add_options(options)
        self.query_one("#summary", Static).update(self.summary(message.words))
        if not self.entries:
            self.show_detail(None)
            return
        # the entry now holding the name kept (after a merge it may be shown by the other)
        found = next((e for e in self.entries if keep in _ids(e)), self.entries[0])
        listing.highlighted = listing.get_option_index(entry_id(found))

    def summary(self, words: str) -> str:
        if not self.refs:
            return EMPTY
        councils = len({r.council for r in self.refs})
        everyone = (
            f"{len(self.refs):,} {'person' if len(self.refs) == 1 else 'people'} in "
            f"{councils} council{'s' if councils != 1 else ''}"
        )
        wanted = words.strip()
        if wanted and not self.total:
            return f"No one matches {wanted!r} ({everyone}); escape clears the filter."
        said = [everyone]
        if wanted:
            said.append(f"{self.total:,} match {wanted!r}")
        if self.total > len(self.entries):
            said.append(f"the first {len(self.entries)} shown: filter to find others")
        return " · ".join(said) + ". enter: details"

    def current(self) -> PersonEntry | None:
        listing = self.query_one("#people", OptionList)
        if listing.highlighted is None or not self.entries:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        return next((e for e in self.entries if entry_id(e) == option_id), None)

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_people(event.value)

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.query_one("#people").focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter").focus()

    def action_back(self) -> None:
        """From the detail back to the list; on the list, clear the filter."""
        filter_box = self.query_one("#filter", Input)
        if filter_box.value and not self.query_one("#records").has_focus:
            filter_box.value = ""
        self.query_one("#people").focus()

    def action_switch_pane(self) -> None:
        people, records = self.query_one("#people"), self.query_one("#records")
        (records if people.has_focus else people).focus()

    # ---- the person ---------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#people")
    def person_highlighted(self) -> None:
        entry = self.current()
        if entry is not None:
            self.query_one("#card", Static).update(card(entry))
            self.load_detail(entry)

    @on(OptionList.OptionSelected, "#people")
    def person_selected(self) -> None:
        self.query_one("#records").focus()

    @work(thread=True, exclusive=True, group="person", exit_on_error=False)
    def load_detail(self, entry: PersonEntry) -> None:
        from scrutiny_tui.services.people import person_detail

        self.post_message(DetailLoaded(person_detail(self.store, entry, self.refs)))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        current = self.current()
        if current is None or entry_id(current) != entry_id(message.detail.entry):
            return  # the member has moved on
        self.show_detail(message.detail)

    def show_detail(self, detail: PersonDetail | None) -> None:
        self.shown_detail = detail
        records = self.query_one("#records", OptionList)
        records.clear_options()
        self.targets = {}
        if detail is None:
            self.query_one("#card", Static).update("")
            return
        self.query_one("#card", Static).update(card(detail.entry))
        options: list[Option | None] = []

        def section(key: str, title: str, count: int, empty: str) -> None:
            if options:
                options.append(None)
            heading = Text(f"{title} ({count})" if count else f"{title}: {empty}", style=HEAD)
            options.append(Option(heading, id=f"section-{key}", disabled=True))

        def add(option_id: str, prompt: Text, item_id: int | None, uid: str | None) -> None:
            options.append(Option(prompt, id=option_id))
            if item_id is not None:
                self.targets[option_id] = (item_id, uid)

        section("meetings", "Meetings", len(detail.meetings), "none recorded")
        for meeting in detail.meetings:
            add(f"meeting-{meeting.meeting_id}", meeting_prompt(meeting), meeting.item_id, None)
        section("asks", "Asked for", len(detail.asks), "no action or request names them")
        for n, ask in enumerate(detail.asks):
            add(f"ask-{n}", ask_prompt(ask), ask.item_id, ask.uid)
        section(
            "declarations",
            "Declarations of interest",
            len(detail.declarations),
            "none recorded",
        )
        for n, declaration in enumerate(detail.declarations):
            add(f"declaration-{n}", declaration_prompt(declaration), declaration.item_id, None)
        records.add_options(options)
        if self.targets:
            records.highlighted = records.get_option_index(next(iter(self.targets)))

    @on(OptionList.OptionSelected, "#records")
    def open_record(self, event: OptionList.OptionSelected) -> None:
        target = self.targets.get(event.option.id or "")
        if target is None:
            self.notify("This meeting's agenda items are not known.", severity="warning")
            return
        item_id, uid = target
        self.scrutiny.open_item(item_id, focus_uid=uid)

    # ---- merge and split ----------------------------------------------------------------

    def action_merge(self) -> None:
        from scrutiny_tui.ui.dialogs.pick_person import PickPerson

        entry = self.current()
        if entry is None:
            return
        others = [r for r in self.refs if r.council == entry.council and r.key != entry.key]
        if not others:
            self.notify(f"No one else in {entry.council_shown} to merge with.", severity="warning")
            return

        def picked(other: PersonRef | None) -> None:
            if other is not None:
                self.merge(entry, other)

        subject = f"{entry.shown} ({entry.council_shown}) is the same person as:"
        self.app.push_screen(PickPerson(subject, others), picked)

    @work(thread=True, group="people-choice", exit_on_error=False)
    def merge(self, entry: PersonEntry, other: PersonRef) -> None:
        from scrutiny_tui.services.people import PeopleError, merge_entries, select

        try:
            [second] = select(self.store, [other]).entries
            merge_entries(self.store, entry, second)
        except PeopleError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="warning")
            return
        said = f"Merged {entry.shown} and {second.shown}: kept when minutes are read again."
        self.app.call_from_thread(self.changed, said, entry_id(entry))

    def action_split(self) -> None:
        from scrutiny_tui.ui.dialogs.confirm import Confirm

        entry = self.current()
        if entry is None:
            return
        ways = [entry.shown, *entry.also_written]
        if len(entry.keys) < 2:
            self.notify(
                f"{entry.shown} is written only one way: nothing to split.", severity="warning"
            )
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.split(entry)

        listed = "".join(f"\n  {one_line(way, 60)}" for way in ways[:8])
        more = f"\n  and {len(ways) - 8} more" if len(ways) > 8 else ""
        detail = f"Written as:{listed}{more}\nEach way becomes a person of its own."
        self.app.push_screen(Confirm(f"Split {entry.shown}?", detail, yes="Split"), answered)

    @work(thread=True, group="people-choice", exit_on_error=False)
    def split(self, entry: PersonEntry) -> None:
        from scrutiny_tui.services.people import PeopleError, split_entry

        try:
            ways = split_entry(self.store, entry)
        except PeopleError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="warning")
            return
        said = f"Split {entry.shown} into {ways}: kept when minutes are read again."
        self.app.call_from_thread(self.changed, said, entry_id(entry))

    def changed(self, said: str, choose: str) -> None:
        self.mark_store_edited()
        self.notify(said)
        self.load_people(self.query_one("#filter", Input).value, choose)
