"""Topics: a subject the member follows across meetings (CAMHS waiting times, damp and
mould), saved as a search or as one of their note tags.

A topic's timeline lists, meeting by meeting and oldest first, each agenda item about it:
the passage that mentions it, what was resolved, recommended (with its tracking status) and
promised (with its due date, done or overdue), and the member's own notes there. Items whose
minutes arrived since the member last opened the timeline are marked new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from scrutiny_tui.services.briefing import BriefingScope
from scrutiny_tui.services.search import make_snippet, marked_patterns, search
from scrutiny_tui.services.tracker import is_overdue
from scrutiny_tui.store import notes as note_queries
from scrutiny_tui.store import topics as queries
from scrutiny_tui.store.db import Store
from scrutiny_tui.store.topics import DuplicateTopic, TopicRow
from scrutiny_tui.store.values import now_utc

__all__ = ["DuplicateTopic", "TopicError", "TopicRow"]

MAX_ITEMS = 300  # a timeline lists at most this many items (the best matches)
MAX_NAME = 80
PASSAGE_CHARS = 240


class TopicError(ValueError):
    """The topic cannot be added or found; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class RecordLine:
    uid: str
    label: str | None  # a resolution's label, a recommendation's reference
    text: str
    state: str | None  # a resolution's kind, a recommendation's status, an action's state
    due: str | None = None  # an action's due date as the minutes gave it


@dataclass(frozen=True, slots=True)
class NoteLine:
    uuid: str
    kind: str
    status: str
    body: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    item_id: int
    item_uid: str
    number: str | None
    title: str
    passage: str  # the words about the topic (or the item's opening)
    resolutions: tuple[RecordLine, ...]
    recommendations: tuple[RecordLine, ...]
    actions: tuple[RecordLine, ...]
    notes: tuple[NoteLine, ...]
    new: bool  # arrived since the member last opened this topic


@dataclass(frozen=True, slots=True)
class TimelineMeeting:
    meeting_id: int
    council: str | None
    committee: str | None
    date: str | None
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    topic: TopicRow
    meetings: tuple[TimelineMeeting, ...]
    item_count: int
    more: bool  # more items match than the timeline lists
    notice: str | None = None  # how the search was read, when it was not as typed

    @property
    def new_count(self) -> int:
        return sum(entry.new for meeting in self.meetings for entry in meeting.entries)


def briefing_scope(topic: TopicRow) -> BriefingScope:
    """The briefing pack about a topic: the items its search finds, or those holding a
    note with its tag."""
    if topic.query:
        return BriefingScope(search=topic.query)
    return BriefingScope(tags=(topic.tag or "",))


def find_topic(store: Store, name: str) -> TopicRow:
    with store.read() as conn:
        topic = queries.topic(conn, name)
    if topic is None:
        raise TopicError(f"no topic called {name!r}")
    return topic


def describe(topic: TopicRow) -> str:
    return f"search: {topic.query}" if topic.query else f"tag: #{topic.tag}"


def add_topic(
    store: Store, name: str, *, query: str | None = None, tag: str | None = None
) -> TopicRow:
    """Save a topic: a search (in the search syntax) or a note tag, never both."""
    name = " ".join((name or "").split())
    query = (query or "").strip() or None
    tag = (tag or "").strip().lstrip("#") or None
    if not name:
        raise TopicError("a topic needs a name")
    if len(name) > MAX_NAME:
        raise TopicError(f"a topic's name is at most {MAX_NAME} characters")
    if (query is None) == (tag is None):
        raise TopicError("a topic is a search or a tag: give one of them")
    with store.write() as conn:
        try:
            queries.add_topic(conn, name, query, tag, now_utc())
        except DuplicateTopic as exc:
            raise TopicError(str(exc)) from exc
        row = queries.topic(conn, name)
    assert row is not None
    return row


def list_topics(store: Store) -> list[TopicRow]:
    with store.read() as conn:
        return queries.topics(conn)


def remove_topic(store: Store, name: str) -> None:
    with store.write() as conn:
        if not queries.remove_topic(conn, name):
            raise TopicError(f"no topic called {name!r}")


@dataclass(frozen=True, slots=True)
class TopicNews:
    """What arrived for a topic since the member last opened it."""

    topic: TopicRow
    items: tuple[queries.TimelineItem, ...]  # oldest meeting first


def _matching_items(store: Store, topic: TopicRow) -> tuple[list[int], bool, str | None]:
    """(the items about the topic, best first; whether more match; how the search was read)."""
    if topic.query:
        result = search(store, topic.query, limit=MAX_ITEMS * 4)
        ids = list(dict.fromkeys(h.item_id for h in result.hits if h.item_id is not None))
        return ids[:MAX_ITEMS], result.more or len(ids) > MAX_ITEMS, result.notice
    with store.read() as conn:
        ids = queries.items_tagged(conn, topic.tag or "")
    return ids[:MAX_ITEMS], len(ids) > MAX_ITEMS, None


def news(store: Store) -> list[TopicNews]:
    """For each topic the member has opened before, the items that arrived since (by import
    or sync); topics with nothing new are left out."""
    found = []
    for topic in list_topics(store):
        if topic.last_seen_at is None:
            continue
        item_ids, _, _ = _matching_items(store, topic)
        with store.read() as conn:
            items = queries.timeline_items(conn, item_ids)
        fresh = tuple(i for i in items if _arrived_since(i.ingested_at, topic.last_seen_at))
        if fresh:
            found.append(TopicNews(topic, fresh))
    return found


def timeline(store: Store, name: str, *, today: date, mark_seen: bool = False) -> Timeline:
    """The topic's timeline as of ``today``; ``mark_seen`` records that the member has now
    looked at it (what arrives later is new)."""
    topic = find_topic(store, name)
    item_ids, more, notice = _matching_items(store, topic)
    # what the passages are cut around (a tag topic shows each item's opening)
    words = marked_patterns(topic.query) if topic.query else []
    with store.read() as conn:
        items = queries.timeline_items(conn, item_ids)
        records = queries.records_of_items(conn, item_ids)
        wanted = set(item_ids)
        notes = [n for n in note_queries.live_notes(conn) if n.item_id in wanted]
    by_item: dict[int, list[queries.ItemRecord]] = {}
    for record in records:
        by_item.setdefault(record.item_id, []).append(record)
    notes_by_item: dict[int, list[NoteLine]] = {}
    for note in notes:
        assert note.item_id is not None
        notes_by_item.setdefault(note.item_id, []).append(
            NoteLine(note.uuid, note.kind, note.status, note.body)
        )
    meetings: list[TimelineMeeting] = []
    for item in items:
        entry = _entry(item, by_item.get(item.item_id, []), notes_by_item, words, topic, today)
        if meetings and meetings[-1].meeting_id == item.meeting_id:
            last = meetings[-1]
            meetings[-1] = TimelineMeeting(
                last.meeting_id, last.council, last.committee, last.date, (*last.entries, entry)
            )
        else:
            meetings.append(
                TimelineMeeting(item.meeting_id, item.council, item.committee, item.date, (entry,))
            )
    if mark_seen:
        with store.write() as conn:
            queries.mark_seen(conn, topic.name, now_utc())
    return Timeline(topic, tuple(meetings), len(items), more, notice)


def _entry(
    item: queries.TimelineItem,
    records: list[queries.ItemRecord],
    notes_by_item: dict[int, list[NoteLine]],
    words: list[re.Pattern[str]],
    topic: TopicRow,
    today: date,
) -> TimelineEntry:
    passage, _ = make_snippet(" ".join(item.text.split()), words, width=PASSAGE_CHARS)
    resolutions = tuple(
        RecordLine(r.uid, r.label, r.text, r.detail) for r in records if r.kind == "resolution"
    )
    recommendations = tuple(
        RecordLine(r.uid, r.label, r.text, r.status or "not tracked")
        for r in records
        if r.kind == "recommendation"
    )
    actions = tuple(
        RecordLine(r.uid, None, r.text, _action_state(r, today), r.detail)
        for r in records
        if r.kind == "action"
    )
    return TimelineEntry(
        item.item_id,
        item.item_uid,
        item.number,
        item.title,
        passage,
        resolutions,
        recommendations,
        actions,
        tuple(notes_by_item.get(item.item_id, [])),
        _arrived_since(item.ingested_at, topic.last_seen_at),
    )


def _action_state(record: queries.ItemRecord, today: date) -> str:
    if record.done:
        return "done"
    return "overdue" if is_overdue(record.detail, False, today) else "open"


def _arrived_since(arrived: datetime | None, seen: datetime | None) -> bool:
    return seen is not None and arrived is not None and arrived > seen
