"""What a node of the meetings tree points at: a committee, a meeting or an agenda item."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommitteeRef:
    council: str | None
    committee: str | None


@dataclass(frozen=True)
class MeetingRef:
    meeting_id: int


@dataclass(frozen=True)
class ItemRef:
    item_id: int
