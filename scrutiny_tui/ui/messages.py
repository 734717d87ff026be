"""Messages that carry results from workers back to the screens that asked for them.

Workers post these (``post_message`` is thread-safe); screens handle them on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message

from scrutiny_tui.services.browse import (
    CommitteeGroup,
    ItemDetail,
    ItemRow,
    MeetingFilter,
    MeetingRow,
)
from scrutiny_tui.services.tracker import Page


@dataclass
class MeetingsLoaded(Message):
    groups: list[CommitteeGroup]
    meetings: list[MeetingRow]  # every meeting (small stores) or none (opened on demand)
    items: dict[int, list[ItemRow]]  # preloaded items by meeting id (small stores)
    store_empty: bool
    filter: MeetingFilter


@dataclass
class CommitteeLoaded(Message):
    ref: Any  # screens.meetings.CommitteeRef
    meetings: list[MeetingRow]


@dataclass
class ItemsLoaded(Message):
    meeting_id: int
    items: list[ItemRow]


@dataclass
class ItemLoaded(Message):
    detail: ItemDetail | None
    notes: list[Any] = field(default_factory=list)  # services.notes.NoteView on the item


@dataclass
class PageLoaded(Message):
    page: Page[Any]
    generation: int  # which query the page answers; stale pages are dropped


@dataclass
class RowChanged(Message):
    """One tracker row was edited; ``row`` is its new value."""

    row: Any


@dataclass
class SearchDone(Message):
    query: str
    result: Any  # services.search.SearchResult


@dataclass
class ImportProgress(Message):
    done: int
    total: int
    name: str


@dataclass
class ImportFinished(Message):
    summary: Any  # services.ingest.IngestSummary


class StoreChanged(Message):
    """The store's contents changed (an import); screens reload when next shown."""


@dataclass
class NotesLoaded(Message):
    query: str
    notes: list[Any]  # services.notes.NoteView


@dataclass
class BriefingBuilt(Message):
    briefing: Any  # services.briefing.Briefing


@dataclass
class SourcesLoaded(Message):
    sources: list[Any]  # store.sources.SourceRow


@dataclass
class SiteChecked(Message):
    check: Any  # services.sync.SiteCheck, or None when the site could not be read
    error: str


@dataclass
class SourceAdded(Message):
    result: Any  # services.sync.AddedSource or the updated SourceRow; None on error
    error: str


@dataclass
class SyncProgress(Message):
    done: int
    total: int
    name: str


@dataclass
class SyncFinished(Message):
    summary: Any  # services.sync.SyncSummary
