"""The parser's output: plain dataclasses, no I/O.

Every record carries ``span`` (start, end character offsets into the text given to the
parser) and ``source`` (exactly ``text[start:end]``), so a reader can always be shown the
words a record came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ResolutionKind = Literal[
    "noted",
    "approved",
    "agreed",
    "recommended",
    "requested",
    "delegated",
    "deferred",
    "procedural",  # about the meeting itself: extend it, adjourn, exclude the public
    "other",
]
DocumentFormat = Literal["text", "markdown", "html", "pdf", "docx"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Person:
    name: str
    honorific: str | None = None
    role: str | None = None
    span: Span | None = None
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "honorific": self.honorific, "role": self.role}


@dataclass(slots=True)
class Point:
    """One point of discussion (a bullet or paragraph of the minutes)."""

    text: str
    span: Span
    source: str


@dataclass(slots=True)
class Recommendation:
    ref: str | None
    text: str
    span: Span
    source: str

    def to_json(self) -> dict[str, Any]:
        return {"ref": self.ref, "text": self.text}


@dataclass(slots=True)
class Resolution:
    label: str | None
    text: str
    kind: ResolutionKind
    span: Span
    source: str

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "kind": self.kind}


@dataclass(slots=True)
class Action:
    """Something the meeting asked for: a report, an update, a meeting, with its due date."""

    text: str
    due: str | None  # "YYYY-MM-DD" or "YYYY-MM"
    body: str | None  # the body it is due to ("Care Services PDS Committee", "Cabinet")
    span: Span
    source: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "due": self.due, "body": self.body}


@dataclass(slots=True)
class Item:
    number: str | None
    title: str
    span: Span
    text: str = ""  # the item's minutes, unwrapped, one paragraph or bullet a line
    report_refs: list[str] = field(default_factory=list)
    attendees: list[Person] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "report_refs": list(self.report_refs),
            "attendees": [p.to_json() for p in self.attendees],
            "points": [p.text for p in self.points],
            "recommendations": [r.to_json() for r in self.recommendations],
            "resolutions": [r.to_json() for r in self.resolutions],
            "actions": [a.to_json() for a in self.actions],
        }


@dataclass(slots=True)
class Meeting:
    council: str | None = None
    body: str | None = None
    date: str | None = None  # "YYYY-MM-DD"
    title: str | None = None
    present: list[Person] = field(default_factory=list)
    apologies: list[Person] = field(default_factory=list)
    substitutes: list[Person] = field(default_factory=list)
    # officers, cabinet members and others "in attendance" / "also present": not members present
    attending: list[Person] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "council": self.council,
            "body": self.body,
            "date": self.date,
            "title": self.title,
            "present": [p.to_json() for p in self.present],
            "apologies": [p.to_json() for p in self.apologies],
            "substitutes": [p.to_json() for p in self.substitutes],
            "attending": [p.to_json() for p in self.attending],
        }


@dataclass(slots=True)
class ParsedDocument:
    text: str  # the text the spans index into
    source: str = ""
    sha256: str = ""
    format: DocumentFormat = "text"
    meeting: Meeting = field(default_factory=Meeting)
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The stable ``scrutiny parse --json`` contract (see README)."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "format": self.format,
            "meeting": self.meeting.to_json(),
            "items": [item.to_json() for item in self.items],
            "warnings": list(self.warnings),
        }


__all__ = [
    "Action",
    "DocumentFormat",
    "Item",
    "Meeting",
    "ParsedDocument",
    "Person",
    "Point",
    "Recommendation",
    "Resolution",
    "ResolutionKind",
    "Span",
    "asdict",
]
