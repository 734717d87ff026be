"""Messages that carry results from workers back to the screens that asked for them.

Workers post these (``post_message`` is thread-safe); screens handle them on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from scrutiny_tui.services.browse import ItemDetail, ItemRow, MeetingRow
from scrutiny_tui.services.tracker import Page


@dataclass
class MeetingsLoaded(Message):
    meetings: list[MeetingRow]
    items: dict[int, list[ItemRow]]  # preloaded items by meeting id (small stores)
    store_empty: bool


@dataclass
class ItemsLoaded(Message):
    meeting_id: int
    items: list[ItemRow]


@dataclass
class ItemLoaded(Message):
    detail: ItemDetail | None


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
