"""Messages that carry results from workers back to the screens that asked for them.

Workers post these (``post_message`` is thread-safe); screens handle them on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from textual.message import Message

from scrutiny_tui.services.browse import (
    CommitteeGroup,
    ItemDetail,
    ItemRow,
    MeetingFilter,
    MeetingRow,
)
from scrutiny_tui.services.tracker import Rows
from scrutiny_tui.ui.refs import CommitteeRef

if TYPE_CHECKING:  # these services load when a screen first uses them, not at start-up
    from scrutiny_tui.services.briefing import Briefing
    from scrutiny_tui.services.ingest import IngestSummary
    from scrutiny_tui.services.notes import NoteView
    from scrutiny_tui.services.search import SearchResult
    from scrutiny_tui.services.sync import AddedSource, SiteCheck, SourceRow, SyncSummary

Row = TypeVar("Row")  # a tracker's row: ResolutionRow, RecommendationRow or ActionRow


@dataclass
class MeetingsLoaded(Message):
    groups: list[CommitteeGroup]
    meetings: list[MeetingRow]  # every meeting (small stores) or none (opened on demand)
    items: dict[int, list[ItemRow]]  # preloaded items by meeting id (small stores)
    store_empty: bool
    filter: MeetingFilter


@dataclass
class CommitteeLoaded(Message):
    ref: CommitteeRef
    meetings: list[MeetingRow]


@dataclass
class ItemsLoaded(Message):
    meeting_id: int
    items: list[ItemRow]


@dataclass
class ItemLoaded(Message):
    detail: ItemDetail | None
    notes: list[NoteView] = field(default_factory=list)  # the notes on the item


@dataclass
class PageLoaded(Message, Generic[Row]):
    page: Rows[Row]
    generation: int  # which query the page answers; stale pages are dropped


@dataclass
class RowsCounted(Message):
    """How many rows a tracker's query matches, counted after its first page was shown."""

    total: int
    generation: int  # which query was counted; stale counts are dropped


@dataclass
class RowChanged(Message, Generic[Row]):
    """One tracker row was edited; ``row`` is its new value."""

    row: Row


@dataclass
class SearchDone(Message):
    query: str
    result: SearchResult


@dataclass
class ImportProgress(Message):
    done: int
    total: int
    name: str


@dataclass
class ImportFinished(Message):
    summary: IngestSummary


class StoreChanged(Message):
    """The store's contents changed (an import); screens reload when next shown."""


@dataclass
class NotesLoaded(Message):
    query: str
    notes: list[NoteView]


@dataclass
class BriefingBuilt(Message):
    briefing: Briefing


@dataclass
class SourcesLoaded(Message):
    sources: list[SourceRow]


@dataclass
class SiteChecked(Message):
    check: SiteCheck | None  # None when the site could not be read
    error: str


@dataclass
class SourceAdded(Message):
    result: AddedSource | SourceRow | None  # a new site, or one with new committees
    error: str


@dataclass
class SyncProgress(Message):
    done: int
    total: int
    name: str


@dataclass
class SyncFinished(Message):
    summary: SyncSummary
