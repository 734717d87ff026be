"""Stable ids for parsed records.

A member's tracking status, action state and notes are keyed by these uids, so a uid must
survive a re-ingest of the same words: it is built from the document's key (its stable
name, kept when the file moves or is edited), the agenda item's number (or title), and the
record's own label and words, never from row ids or positions that shift when a
paragraph is added above.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

_NON_WORD = re.compile(r"[^a-z0-9]+")


def _digest(text: str) -> str:
    normal = " ".join(_NON_WORD.sub(" ", text.lower()).split())
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=5).hexdigest()


def slug(text: str, limit: int = 40) -> str:
    return _NON_WORD.sub("-", text.lower()).strip("-")[:limit] or "untitled"


class UidMaker:
    """Hands out uids within one document; repeats get a ``~2``, ``~3`` suffix."""

    def __init__(self, document_key: str) -> None:
        self.document_key = document_key
        self.seen: Counter[str] = Counter()

    def _unique(self, uid: str) -> str:
        self.seen[uid] += 1
        count = self.seen[uid]
        return uid if count == 1 else f"{uid}~{count}"

    def meeting(self) -> str:
        return self._unique(f"{self.document_key}#meeting")

    def item(self, number: str | None, title: str) -> str:
        key = slug(number) if number else slug(title)
        return self._unique(f"{self.document_key}#item:{key}")

    def keyed_item(self, key: str) -> str:
        """An item known by the site's own id (ModernGov's agendaitemid), not its number."""
        return self._unique(f"{self.document_key}#item:{slug(key)}")

    def record(self, item_uid: str, kind: str, label: str | None, text: str) -> str:
        tag = slug(label, 12) if label else ""
        return self._unique(f"{item_uid}/{kind}:{tag}:{_digest(text)}")
