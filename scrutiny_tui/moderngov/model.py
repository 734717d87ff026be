"""What a ModernGov site publishes, as plain frozen dataclasses.

Dates are ISO (``YYYY-MM-DD``) or ``None``; text is as the site gave it after XML decoding
(and the second round of entity escaping some sites add to titles). Minutes bodies stay HTML:
turning them into text is the extract layer's job.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Committee:
    id: int
    title: str
    deleted: bool = False
    expired: bool = False
    category: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """One meeting as GetMeetings lists it."""

    id: int
    committee_id: int
    committee_title: str
    date: str | None
    status: str | None = None
    time: str | None = None

    @property
    def cancelled(self) -> bool:
        return (self.status or "").strip().lower() == "cancelled"


@dataclass(frozen=True, slots=True)
class LinkedDoc:
    id: int | None
    title: str
    url: str
    publication_date: str | None = None
    owner_title: str | None = None
    restricted: bool = False

    @property
    def is_printed_minutes(self) -> bool:
        return "printed minutes" in self.title.lower()


@dataclass(frozen=True, slots=True)
class MinutesItem:
    """One agenda item with its minutes (``minutes_html`` is None when none are published)."""

    id: int | None
    number: str | None  # as printed: fulldisplaynumberformat, else the minutes number
    title: str
    minutes_html: str | None = None
    agenda_html: str | None = None
    restricted: bool = False
    documents: tuple[LinkedDoc, ...] = ()


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    role: str | None = None
    attendance: str | None = None  # Present, Apologies, Expected, Present as substitute ...
    member_id: int | None = None
    party: str | None = None

    @property
    def kind(self) -> str | None:
        """present | apologies | substitute | attendee, or None (expected, absent)."""
        value = (self.attendance or "").strip().lower()
        if "apolog" in value:
            return "apologies"
        if "substitute" in value:
            return "substitute"
        if value.startswith("present"):
            return "present"
        if "in attendance" in value or value == "attended":
            return "attendee"
        return None


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting in full: GetMeeting, or an ieListDocuments.aspx page."""

    id: int
    date: str | None
    status: str | None = None
    location: str | None = None
    minutes_published: bool = False
    committee_title: str | None = None
    items: tuple[MinutesItem, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    documents: tuple[LinkedDoc, ...] = ()  # the meeting's own: printed minutes, agenda

    @property
    def cancelled(self) -> bool:
        return (self.status or "").strip().lower() == "cancelled"

    @property
    def has_item_minutes(self) -> bool:
        return any(item.minutes_html and item.minutes_html.strip() for item in self.items)

    @property
    def printed_minutes(self) -> LinkedDoc | None:
        """The printed minutes PDF, from the meeting's documents or, failing that, an item's."""
        for doc in self.documents:
            if doc.is_printed_minutes and not doc.restricted:
                return doc
        for item in self.items:
            for doc in item.documents:
                if doc.is_printed_minutes and not doc.restricted:
                    return doc
        return None
