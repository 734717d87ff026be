"""Topics: subjects the member follows across meetings, each with its timeline.

The topics are listed on the left; the highlighted one's timeline on the right, meeting by
meeting and oldest first: the passage about it, what was resolved, recommended (with its
tracking status) and promised (done or overdue), and the member's notes. Items that arrived
since the member last looked are marked new. Enter on an entry opens its agenda item.
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
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from scrutiny_tui.ui.screens.base import ScrutinyScreen
from scrutiny_tui.ui.text import DIM, NO_COMMITTEE, literal, one_line
from scrutiny_tui.ui.widgets.vim import VimOptionList

if TYPE_CHECKING:  # the topics service loads with the screen's first read
    from scrutiny_tui.services.topics import Timeline, TimelineEntry, TopicRow
    from scrutiny_tui.ui.dialogs.topic_form import TopicDraft

EMPTY = (
    "No topics yet. Press  a  to follow one: words to search for (CAMHS waiting, "
    '"damp and mould") or one of your note tags (#budget). Its timeline then lists, meeting '
    "by meeting, what was discussed, resolved, recommended and promised about it."
)
HEAD = Style(bold=True)
NEW = Style(bold=True, reverse=True)
STATE_STYLES = {"overdue": Style(bold=True, color="red"), "done": Style(color="green")}


@dataclass
class TopicsLoaded(Message):
    topics: list[TopicRow]
    choose: str | None  # the topic to highlight (just added), if any


@dataclass
class TimelineLoaded(Message):
    timeline: Timeline


def _when(day: str | None) -> str:
    try:
        parsed = date.fromisoformat(day) if day else None
    except ValueError:
        parsed = None
    return f"{parsed.day} {parsed:%b %Y}" if parsed else (day or "undated")


def entry_prompt(entry: TimelineEntry) -> Text:
    """An item of the timeline: its heading, the passage, then each record on its line."""
    number = f"{entry.number} " if entry.number else ""
    text = Text.assemble(literal(one_line(number + entry.title, 150), HEAD), end="")
    if entry.new:
        text.append("  ")
        text.append(" new ", style=NEW)
    text.append("\n")
    text.append_text(literal(one_line(entry.passage, 300), DIM))
    for line in entry.resolutions:
        label = f" ({line.label})" if line.label else ""
        text.append(f"\nResolved{label}, {line.state or 'other'}: ", style=HEAD)
        text.append_text(literal(one_line(line.text, 240)))
    for line in entry.recommendations:
        text.append_text(literal(f"\nRec {line.label or ''} [{line.state}]: ", HEAD))
        text.append_text(literal(one_line(line.text, 240)))
    for line in entry.actions:
        due = f", due {line.due}" if line.due else ""
        text.append("\nPromised [", style=HEAD)
        text.append(line.state or "open", style=STATE_STYLES.get(line.state or "", HEAD))
        text.append_text(literal(f"{due}]: ", HEAD))
        text.append_text(literal(one_line(line.text, 240)))
    for note in entry.notes:
        text.append_text(literal(f"\nYour {note.kind} ({note.status}): ", Style(italic=True)))
        text.append_text(literal(one_line(note.body, 240), Style(italic=True)))
    return text


class TopicsScreen(ScrutinyScreen):
    CSS_PATH = "topics.tcss"
    TITLE = "Topics"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Follow topic", tooltip="Follow a new topic", id="topics-add"),
        Binding("d", "remove", "Stop following", tooltip="Remove this topic", id="topics-remove"),
        Binding(
            "x",
            "export",
            "Export pack",
            tooltip="Write a briefing pack of this topic to the export folder",
            id="topics-export",
        ),
        Binding(
            "tab", "switch_pane", "Topics/timeline", tooltip="Move between panes", id="topics-pane"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.topics: list[TopicRow] = []
        self.entries: dict[str, int] = {}  # option id -> agenda item id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="summary", markup=False)
        with Horizontal(id="body"):
            yield VimOptionList(id="topics")
            yield VimOptionList(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#topics").focus()

    def reload(self) -> None:
        self.load_topics()

    @work(thread=True, exclusive=True, group="topics", exit_on_error=False)
    def load_topics(self, choose: str | None = None) -> None:
        from scrutiny_tui.services.topics import list_topics

        self.post_message(TopicsLoaded(list_topics(self.store), choose))

    def on_topics_loaded(self, message: TopicsLoaded) -> None:
        from scrutiny_tui.services.topics import describe

        listing = self.query_one("#topics", OptionList)
        keep = self.current_topic()
        chosen = message.choose or (keep.name if keep else None)
        self.topics = message.topics
        listing.clear_options()
        for topic in self.topics:
            prompt = Text.assemble(literal(topic.name, HEAD), "\n", literal(describe(topic), DIM))
            listing.add_option(Option(prompt, id=topic.name))
        timeline = self.query_one("#timeline", OptionList)
        if not self.topics:
            timeline.clear_options()
            self.query_one("#summary", Static).update(EMPTY)
            return
        names = [t.name for t in self.topics]
        listing.highlighted = names.index(chosen) if chosen in names else 0

    def current_topic(self) -> TopicRow | None:
        listing = self.query_one("#topics", OptionList)
        if listing.highlighted is None or not self.topics:
            return None
        return self.topics[listing.highlighted] if listing.highlighted < len(self.topics) else None

    @on(OptionList.OptionHighlighted, "#topics")
    def topic_highlighted(self) -> None:
        topic = self.current_topic()
        if topic is not None:
            self.query_one("#summary", Static).update(literal(f"Reading {topic.name}…"))
            self.load_timeline(topic.name)

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load_timeline(self, name: str) -> None:
        from scrutiny_tui.services.topics import TopicError, timeline

        try:
            found = timeline(self.store, name, today=self.today(), mark_seen=True)
        except TopicError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="warning")
            return
        self.post_message(TimelineLoaded(found))

    def on_timeline_loaded(self, message: TimelineLoaded) -> None:
        from scrutiny_tui.services.topics import describe

        found = message.timeline
        current = self.current_topic()
        if current is None or current.name != found.topic.name:
            return  # the member has moved on to another topic
        options = self.query_one("#timeline", OptionList)
        options.clear_options()
        self.entries = {}
        spaced: list[Option | None] = []
        for meeting in found.meetings:
            where = " · ".join(
                [_when(meeting.date), meeting.committee or NO_COMMITTEE]
                + ([meeting.council] if meeting.council else [])
            )
            if spaced:
                spaced.append(None)
            spaced.append(Option(literal(where, HEAD), id=f"m{meeting.meeting_id}", disabled=True))
            for entry in meeting.entries:
                option_id = f"i{entry.item_id}"
                self.entries[option_id] = entry.item_id
                spaced.append(Option(entry_prompt(entry), id=option_id))
        options.add_options(spaced)
        if self.entries:
            options.highlighted = options.get_option_index(next(iter(self.entries)))
        count = found.item_count
        summary = (
            f"{found.topic.name} ({describe(found.topic)}): {count} item{'s' if count != 1 else ''}"
            f" in {len(found.meetings)} meeting{'s' if len(found.meetings) != 1 else ''}"
        )
        if found.new_count:
            summary += f", {found.new_count} new since you last looked"
        if found.more:
            summary += " (more match; the best are listed)"
        if found.notice:
            summary += f". {found.notice}"
        if not count:
            summary += ". Nothing in the minutes yet."
        # the topic's name and query are the member's own words: shown, never sent raw
        self.query_one("#summary", Static).update(literal(summary + "  enter: open the item"))

    @on(OptionList.OptionSelected, "#topics")
    def topic_chosen(self) -> None:
        self.query_one("#timeline").focus()

    @on(OptionList.OptionSelected, "#timeline")
    def entry_chosen(self, event: OptionList.OptionSelected) -> None:
        item_id = self.entries.get(event.option.id or "")
        topic = self.current_topic()
        if item_id is not None:
            self.scrutiny.open_item(item_id, find=topic.query if topic else None)

    def action_switch_pane(self) -> None:
        topics, timeline = self.query_one("#topics"), self.query_one("#timeline")
        (timeline if topics.has_focus else topics).focus()

    def action_add(self, problem: str = "", draft: TopicDraft | None = None) -> None:
        from scrutiny_tui.ui.dialogs.topic_form import TopicForm

        def chosen(new: TopicDraft | None) -> None:
            if new is not None:
                self.save_topic(new)

        self.app.push_screen(TopicForm(problem, draft), chosen)

    @work(thread=True, group="save", exit_on_error=False)
    def save_topic(self, draft: TopicDraft) -> None:
        from scrutiny_tui.services.topics import TopicError, add_topic

        try:
            add_topic(self.store, draft.name, query=draft.query, tag=draft.tag)
        except TopicError as exc:
            self.app.call_from_thread(self.action_add, f"Not saved: {exc}.", draft)
            return
        self.app.call_from_thread(self.topic_saved, draft.name)

    def topic_saved(self, name: str) -> None:
        self.mark_store_edited()
        self.notify(f"Following {name}.")
        self.load_topics(name)

    def action_export(self) -> None:
        topic = self.current_topic()
        if topic is None:
            self.notify("Follow a topic first (a), then export its pack.", severity="warning")
            return
        self.notify(f"Writing the pack for {topic.name}…")
        self.export_pack(topic)

    @work(thread=True, group="export", exit_on_error=False)
    def export_pack(self, topic: TopicRow) -> None:
        from datetime import UTC, datetime

        from scrutiny_tui.services.briefing import (
            BriefingError,
            build_briefing,
            default_pack_path,
            write_briefing,
        )
        from scrutiny_tui.services.topics import briefing_scope

        scope = briefing_scope(topic)
        now = datetime.now(UTC)
        briefing = build_briefing(self.store, scope, today=self.today(), generated_at=now)
        if not briefing.item_count:
            self.app.call_from_thread(
                self.notify, f"Nothing in the minutes about {topic.name} yet.", severity="warning"
            )
            return
        path = default_pack_path(self.settings.export_path, scope, now)
        try:
            written = write_briefing(briefing, path, force=False, html=False)
        except BriefingError as exc:
            self.app.call_from_thread(self.notify, f"Not saved: {exc}", severity="error")
            return
        self.app.call_from_thread(self.notify, f"Saved the pack for {topic.name}: {written}")

    def action_remove(self) -> None:
        topic = self.current_topic()
        if topic is None:
            self.notify("No topic to remove.", severity="warning")
            return
        from scrutiny_tui.ui.dialogs.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_topic(topic.name)

        detail = "Only the topic goes: minutes, notes and tracking stay."
        self.app.push_screen(
            Confirm(f"Stop following {topic.name}?", detail, yes="Stop following"), answered
        )

    @work(thread=True, group="save", exit_on_error=False)
    def remove_topic(self, name: str) -> None:
        from scrutiny_tui.services.topics import remove_topic

        remove_topic(self.store, name)
        self.app.call_from_thread(self.topic_removed, name)

    def topic_removed(self, name: str) -> None:
        self.mark_store_edited()
        self.notify(f"Stopped following {name}.")
        self.load_topics()
