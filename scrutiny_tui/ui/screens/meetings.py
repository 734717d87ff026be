"""Meetings (home): council → committee → meeting → agenda item, with counts, and a filter.

Missing metadata is said to be missing ("(undated)") and the file name shown; nothing is
guessed. Items of a meeting are fetched when it is expanded, so a large store opens fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Header, Input, Static, Tree
from textual.widgets.tree import TreeNode

from scrutiny_tui.services import browse
from scrutiny_tui.services.browse import CommitteeGroup, Counts, ItemRow, MeetingRow
from scrutiny_tui.ui.messages import CommitteeLoaded, ItemsLoaded, MeetingsLoaded
from scrutiny_tui.ui.refs import CommitteeRef, ItemRef, MeetingRef
from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.text import DIM, NO_COMMITTEE, NO_COUNCIL, NO_DATE, literal, one_line
from scrutiny_tui.ui.widgets.footer import SettledFooter
from scrutiny_tui.ui.widgets.inputs import QuietInput
from scrutiny_tui.ui.widgets.vim import VimTree

if TYPE_CHECKING:  # the form loads when a meeting is first corrected
    from scrutiny_tui.ui.dialogs.meeting_form import MeetingDraft

PRELOAD_ITEMS_UP_TO = 40  # meetings; beyond this, items load when a meeting is expanded
PRELOAD_MEETINGS_UP_TO = 300  # beyond this, a committee's meetings load when it is expanded
FILTER_DELAY = 0.3

EMPTY_STORE = """No minutes yet.

Add some from a terminal:

    scrutiny ingest PATH

where PATH is a file or a folder of minutes (.txt, .md, .html, .pdf, .docx),
or press  i  to import a file or folder from here."""


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def counts_text(counts: Counts) -> Text:
    return Text(
        f"  {counts.resolutions} res · {counts.open_actions} open action{_s(counts.open_actions)}"
        f" · {counts.notes} concern{_s(counts.notes)}",
        style=DIM,
    )


def meeting_label(row: MeetingRow) -> Text:
    parts: list[Text | str | tuple[str, str]] = [literal(row.date or NO_DATE, "bold")]
    if row.heading:
        parts += ["  ", literal(one_line(row.heading))]
    parts += ["  ", literal(row.url or row.file_name, DIM)]
    if row.missing:
        parts.append((" (file missing)", "bold"))
    if row.other_sources:
        more = row.other_sources
        parts.append(literal(f" +{more} other file{_s(more)}", DIM))
    parts.append(counts_text(row.counts))
    return Text.assemble(*parts)


def item_label(row: ItemRow) -> Text:
    number = f"{row.number}  " if row.number else ""
    restricted = Text("  (restricted)", style=DIM) if row.restricted else Text("")
    return Text.assemble(literal(number + one_line(row.title)), restricted, counts_text(row.counts))


def item_total(groups: list[CommitteeGroup], meetings: list[MeetingRow]) -> int | None:
    """The agenda items of the groups listed, if already known: from the groups' counts,
    or summed from the meetings when every meeting was fetched."""
    counts = [g.items for g in groups]
    if all(count is not None for count in counts):
        return sum(count or 0 for count in counts)
    if meetings and len(meetings) == sum(g.meetings for g in groups):
        return sum(m.item_count for m in meetings)
    return None


class MeetingsScreen(ScrutinyScreen):
    CSS_PATH = "meetings.tcss"
    TITLE = "Meetings"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f",
            "focus_filter",
            "Filter",
            tooltip="Filter by committee, dates or words",
            id="meetings-filter",
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter",
            show=False,
            tooltip="Show every meeting again",
            id="meetings-clear",
        ),
        Binding(
            "e",
            "edit_meeting",
            "Edit meeting",
            tooltip="Correct the council, committee or date of the meeting at the cursor",
            id="meetings-edit",
        ),
        Binding(
            "E",
            "expand_all",
            "Expand all",
            show=False,
            tooltip="Open every meeting",
            id="meetings-expand",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter_timer: Timer | None = None
        self.loaded_filter = browse.MeetingFilter()
        self.nothing_matched = False  # the filter last loaded found no meeting
        # a meeting (or committee) opened with enter whose rows are still being fetched:
        # the cursor goes to its first row when they come
        self.descend_into: object = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="body"):
            yield QuietInput(
                placeholder="Filter: words, committee:care, 2016-01..2017-12   (f)",
                id="filter",
            )
            yield VimTree(Text("Meetings"), id="meetings")
            yield Static(EMPTY_STORE, id="empty", markup=False)
            yield Static("", id="summary", classes="status-line")
        yield SettledFooter()

    def on_mount(self) -> None:
        tree = self.query_one(VimTree)
        tree.show_root = False
        tree.guide_depth = 3
        tree.auto_expand = False  # enter opens (see open_node); space, left, right fold
        self.query_one("#empty").display = False
        tree.focus()

    # ---- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        self.load_meetings(browse.parse_filter(self.query_one("#filter", Input).value))

    @work(thread=True, exclusive=True, group="meetings", exit_on_error=False)
    def load_meetings(self, flt: browse.MeetingFilter) -> None:
        # Unfiltered, the groups come from an index of the meetings alone; their agenda
        # items are counted once the tree is shown (or summed from the meetings, if few).
        groups = browse.committee_groups(self.store, flt, count_items=not flt.is_empty)
        meetings: list[MeetingRow] = []
        if sum(g.meetings for g in groups) <= PRELOAD_MEETINGS_UP_TO:
            meetings = browse.list_meetings(self.store, flt)
        items: dict[int, list[ItemRow]] = {}
        if len(meetings) <= PRELOAD_ITEMS_UP_TO:
            items = {m.id: browse.items_of_meeting(self.store, m.id) for m in meetings}
        empty = not groups and flt.is_empty and browse.store_is_empty(self.store)
        self.post_message(MeetingsLoaded(groups, meetings, items, empty, flt))
        if groups and item_total(groups, meetings) is None:
            total = browse.item_total(self.store, flt)
            self.app.call_from_thread(self.show_summary, groups, flt, total)

    @work(thread=True, group="committee", exit_on_error=False)
    def load_committee(self, ref: CommitteeRef, flt: browse.MeetingFilter) -> None:
        meetings = browse.list_meetings(self.store, flt, group=(ref.council, ref.committee))
        self.post_message(CommitteeLoaded(ref, meetings))

    @work(thread=True, group="items", exit_on_error=False)
    def load_items(self, meeting_id: int) -> None:
        self.post_message(ItemsLoaded(meeting_id, browse.items_of_meeting(self.store, meeting_id)))

    def on_meetings_loaded(self, message: MeetingsLoaded) -> None:
        tree = self.query_one(VimTree)
        was_empty = bool(self.query_one("#empty").display)
        self.query_one("#empty").display = message.store_empty
        tree.display = not message.store_empty
        self.query_one("#filter").display = not message.store_empty
        self.query_one("#summary").display = not message.store_empty
        self.loaded_filter = message.filter
        self.nothing_matched = not message.groups
        self.fill_tree(tree, message.groups, message.meetings, message.items)
        if was_empty and not message.store_empty:
            tree.focus()  # minutes arrived (an import or a sync) while the list was empty
        self.show_summary(
            message.groups, message.filter, item_total(message.groups, message.meetings)
        )

    def show_summary(
        self, groups: list[CommitteeGroup], flt: browse.MeetingFilter, items: int | None
    ) -> None:
        if flt != self.loaded_filter:
            return  # counted for a filter since replaced
        summary = self.summary(groups, flt, items)  # may quote the filter typed
        self.query_one("#summary", Static).update(literal(summary))

    def fill_tree(
        self,
        tree: Tree,
        groups: list[CommitteeGroup],
        meetings: list[MeetingRow],
        items: dict[int, list[ItemRow]],
    ) -> None:
        """Rebuild the tree, keeping the cursor on the same meeting or item if still there.

        With few meetings every committee is open; in a large archive committees start
        closed and fetch their meetings when opened."""
        previous = tree.cursor_node.data if tree.cursor_node is not None else None
        tree.clear()
        by_group = {
            key: list(rows)
            for key, rows in groupby(meetings, key=lambda m: (m.council, m.committee))
        }
        first_item: TreeNode | None = None
        same: TreeNode | None = None
        for council, in_council in groupby(groups, key=lambda g: g.council):
            council_groups = list(in_council)
            council_node = tree.root.add(
                self.group_label(council, NO_COUNCIL, council_groups), expand=True
            )
            for group in council_groups:
                rows = by_group.get((group.council, group.committee), [])
                body_node = council_node.add(
                    self.group_label(group.committee, NO_COMMITTEE, [group]),
                    data=CommitteeRef(group.council, group.committee),
                    expand=bool(rows),
                    allow_expand=True,
                )
                added, found = self.add_meetings(body_node, rows, items, previous)
                first_item = first_item or added
                same = same or found or self.find_child(body_node, previous)
        target = same or first_item
        if target is not None:
            self.call_after_refresh(self.land_cursor, tree, target)

    @staticmethod
    def land_cursor(tree: Tree, node: TreeNode) -> None:
        """Put the cursor on ``node``. Reading ``last_line`` first lays the tree's lines out,
        which gives each node its line: a tree shown a moment ago (the first minutes arrived
        while the list was hidden) may not have them yet."""
        if tree.last_line >= 0:
            tree.move_cursor(node)

    def add_meetings(
        self,
        node: TreeNode,
        rows: list[MeetingRow],
        items: dict[int, list[ItemRow]],
        previous: object = None,
    ) -> tuple[TreeNode | None, TreeNode | None]:
        first_item: TreeNode | None = None
        same: TreeNode | None = None
        for row in rows:
            meeting = node.add(meeting_label(row), data=MeetingRef(row.id), expand=row.id in items)
            added = self.add_items(meeting, items.get(row.id, []))
            first_item = first_item or added
            same = same or self.find_child(meeting, previous)
        return first_item, same

    def on_committee_loaded(self, message: CommitteeLoaded) -> None:
        for node in self.committee_nodes():
            if node.data == message.ref and not node.children:
                self.add_meetings(node, message.meetings, {})
                if not message.meetings:
                    node.allow_expand = False
                self.descended(node)

    def committee_nodes(self) -> Iterable[TreeNode]:
        for council in self.query_one(VimTree).root.children:
            yield from council.children

    @staticmethod
    def find_child(node: TreeNode, data: object) -> TreeNode | None:
        if data is None:
            return None
        if node.data == data:
            return node
        return next((child for child in node.children if child.data == data), None)

    @staticmethod
    def group_label(name: str | None, missing: str, groups: list[CommitteeGroup]) -> Text:
        meetings = sum(g.meetings for g in groups)
        count = f"  {meetings} meeting{_s(meetings)}"
        title = literal(one_line(name), "bold") if name else Text(missing, style="italic")
        return Text.assemble(title, (count, DIM))

    @staticmethod
    def add_items(node: TreeNode, items: Iterable[ItemRow]) -> TreeNode | None:
        first = None
        for item in items:
            leaf = node.add_leaf(item_label(item), data=ItemRef(item.id))
            first = first or leaf
        return first

    def on_items_loaded(self, message: ItemsLoaded) -> None:
        for node in self.meeting_nodes():
            if node.data == MeetingRef(message.meeting_id) and not node.children:
                self.add_items(node, message.items)
                self.descended(node)

    def descended(self, node: TreeNode) -> None:
        """The rows of ``node`` arrived: if enter was pressed on it, go to the first."""
        if self.descend_into is None or node.data != self.descend_into:
            return
        self.descend_into = None
        tree = self.query_one(VimTree)
        if tree.cursor_node is node and node.children:
            self.call_after_refresh(self.land_cursor, tree, node.children[0])

    def meeting_nodes(self) -> Iterable[TreeNode]:
        stack = [self.query_one(VimTree).root]
        while stack:
            node = stack.pop()
            if isinstance(node.data, MeetingRef):
                yield node
            else:
                stack.extend(node.children)

    @staticmethod
    def summary(groups: list[CommitteeGroup], flt: browse.MeetingFilter, items: int | None) -> str:
        if not groups and flt.text.strip():
            # The filter reads names and titles only: say so, and offer the text.
            return f"No title holds “{flt.text.strip()}”: enter searches the minutes' text."
        meetings = sum(g.meetings for g in groups)
        counted = "counting agenda items…" if items is None else f"{items} agenda items"
        return f"{meetings} meetings · {counted}   enter: open  space ← →: fold  /: search  ?: help"

    # ---- events and actions -----------------------------------------------------------

    @on(Tree.NodeExpanded)
    def fetch_items(self, event: Tree.NodeExpanded) -> None:
        data = event.node.data
        if isinstance(data, MeetingRef) and not event.node.children:
            self.load_items(data.meeting_id)
        elif isinstance(data, CommitteeRef) and not event.node.children:
            self.load_committee(data, self.loaded_filter)

    @on(Tree.NodeSelected)
    def open_node(self, event: Tree.NodeSelected) -> None:
        """Enter opens: an agenda item on its own screen; a meeting (or a committee, a
        council) unfolds if folded and the cursor goes to its first agenda item (row), so
        a second enter opens that. Enter never folds: space and left do."""
        node = event.node
        if isinstance(node.data, ItemRef):
            self.scrutiny.open_item(node.data.item_id)
        else:
            self.go_into(node)

    def go_into(self, node: TreeNode) -> None:
        """Unfold ``node`` and put the cursor on its first row (when its rows are still
        being fetched, as soon as they come)."""
        if not node.allow_expand:
            return
        node.expand()
        if node.children:
            self.call_after_refresh(self.land_cursor, self.query_one(VimTree), node.children[0])
        else:
            self.descend_into = node.data

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        if self.filter_timer is not None:
            self.filter_timer.stop()
        self.filter_timer = self.set_timer(FILTER_DELAY, self.reload)

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        if self.filter_timer is not None:
            self.filter_timer.stop()
        words = self.query_one("#filter", Input).value.strip()
        flt = browse.parse_filter(words)
        if flt == self.loaded_filter and self.nothing_matched and flt.text.strip():
            # the titles hold none of it: look in the minutes' text instead
            self.scrutiny.open_search(flt.text.strip())
            return
        self.reload()
        self.query_one(VimTree).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter").focus()

    def action_clear_filter(self) -> None:
        filter_box = self.query_one("#filter", Input)
        if filter_box.value:
            filter_box.value = ""
            self.reload()
        self.query_one(VimTree).focus()

    # ---- correcting a meeting's facts ------------------------------------------------

    def cursor_meeting(self) -> int | None:
        """The meeting at the cursor, or the meeting of the agenda item there."""
        node = self.query_one(VimTree).cursor_node
        while node is not None:
            if isinstance(node.data, MeetingRef):
                return node.data.meeting_id
            node = node.parent
        return None

    def action_edit_meeting(self) -> None:
        meeting_id = self.cursor_meeting()
        if meeting_id is None:
            self.notify("Move to a meeting (or one of its items) to correct its facts.")
            return
        self.ask_meeting_facts(meeting_id)

    @work(thread=True, group="meeting-facts", exit_on_error=False)
    def ask_meeting_facts(self, meeting_id: int) -> None:
        from scrutiny_tui.services.meeting_facts import meeting_facts
        from scrutiny_tui.ui.dialogs.meeting_form import MeetingDraft

        facts = meeting_facts(self.store, meeting_id)
        draft = MeetingDraft(facts.council or "", facts.committee or "", facts.date or "")
        self.app.call_from_thread(self.show_meeting_form, meeting_id, draft, "")

    def show_meeting_form(self, meeting_id: int, draft: MeetingDraft, problem: str) -> None:
        from scrutiny_tui.ui.dialogs.meeting_form import MeetingForm

        def chosen(new: MeetingDraft | None) -> None:
            if new is not None:
                self.save_meeting_facts(meeting_id, new)

        self.app.push_screen(MeetingForm(draft, problem), chosen)

    @work(thread=True, group="meeting-facts", exit_on_error=False)
    def save_meeting_facts(self, meeting_id: int, draft: MeetingDraft) -> None:
        from scrutiny_tui.services.meeting_facts import MeetingFactsError, edit_meeting

        try:
            edit_meeting(
                self.store,
                meeting_id,
                council=draft.council,
                committee=draft.committee,
                date=draft.date,
            )
        except MeetingFactsError as exc:
            problem = f"Not saved: {exc}"
            self.app.call_from_thread(self.show_meeting_form, meeting_id, draft, problem)
            return
        self.app.call_from_thread(self.meeting_facts_saved)

    def meeting_facts_saved(self) -> None:
        self.mark_store_edited()
        self.notify("Saved. Kept when these minutes are imported or synced again.")
        self.reload()

    def action_expand_all(self) -> None:
        for node in self.meeting_nodes():
            node.expand()
