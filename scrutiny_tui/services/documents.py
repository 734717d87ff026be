"""The files (and site pages) a meeting's minutes were read from, for the screens and CLI."""

from __future__ import annotations

from scrutiny_tui.store.db import Store
from scrutiny_tui.store.documents import DocumentSource, sources_of_meeting


def meeting_sources(store: Store, meeting_id: int) -> list[DocumentSource]:
    """The document holding the meeting first, then its copies and other formats."""
    with store.read() as conn:
        return sources_of_meeting(conn, meeting_id)


__all__ = ["DocumentSource", "meeting_sources"]
