"""SQLModel tables.

Parsed records (meetings, items, resolutions, ...) are replaced whenever their document is
re-ingested. Everything the *user* creates (annotations, tracking status, action state) lives
in separate tables keyed by stable ``uid`` strings, never by row id, and is never deleted by
an ingest. A ``uid`` is derived from the document path and the record's position and label,
so the same resolution gets the same uid after the file changes and is re-ingested.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel


class Document(SQLModel, table=True):
    # covers the scan an ingest starts with, so it never reads the texts (migration 0006)
    __table_args__ = (
        Index(
            "ix_document_known",
            "path", "id", "sha256", "size", "mtime_ns", "key", "relpath", "missing_since",
            "same_as", "parsed_with",
        ),
    )  # fmt: skip

    id: int | None = Field(default=None, primary_key=True)
    path: str = Field(index=True, unique=True)  # where the file was last read (or its URL)
    sha256: str = Field(index=True)  # of the original file's bytes
    format: str  # text | markdown | html | pdf | docx
    size: int
    mtime_ns: int | None = None  # the file's modification time when read
    text: str  # the extracted text that record spans index into
    warnings: str = "[]"  # JSON list of parser warnings
    ingested_at: datetime
    # the stable name record uids and notes are built on: kept when the folder moves
    key: str | None = Field(default=None, index=True, unique=True)
    relpath: str | None = None  # the path relative to the folder it was imported from
    missing_since: datetime | None = None  # the file has gone; kept, with its notes
    # a further copy or format of minutes held by that document
    same_as: int | None = Field(default=None, foreign_key="document.id", index=True)
    parsed_with: str | None = None  # the stamp of the reading that made its records


class Meeting(SQLModel, table=True):
    __table_args__ = (
        Index("ix_meeting_committee_date", "committee", "date"),
        # the Meetings screen's groups, counted along the index (migration 0015)
        Index("ix_meeting_council_committee", "council", "committee"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(index=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    council: str | None = Field(default=None, index=True)
    committee: str | None = Field(default=None, index=True)
    date: str | None = Field(default=None, index=True)  # YYYY-MM-DD
    title: str | None = None
    location: str | None = None  # from a ModernGov site
    url: str | None = None  # the meeting's public page, when synced from a site


class AgendaItem(SQLModel, table=True):
    __tablename__ = "agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(index=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    ordinal: int  # position in the document, from 0
    number: str | None = None
    title: str
    text: str  # unwrapped minutes of the item
    report_refs: str = "[]"  # JSON list
    span_start: int
    span_end: int
    external_id: str | None = None  # the site's agendaitemid, when synced
    restricted: bool = False  # the site withholds its minutes (exempt information)


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    honorific: str | None = None


class Attendance(SQLModel, table=True):
    # the People list reads only these columns (migration 0009)
    __table_args__ = (Index("ix_attendance_people", "meeting_id", "person_id", "kind", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", index=True, ondelete="CASCADE"
    )
    kind: str  # present | apologies | substitute | attendee
    role: str | None = None


class Recommendation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(index=True)
    item_id: int = Field(foreign_key="agenda_item.id", index=True, ondelete="CASCADE")
    ordinal: int
    ref: str | None = None
    text: str
    span_start: int
    span_end: int


class Resolution(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(index=True)
    item_id: int = Field(foreign_key="agenda_item.id", index=True, ondelete="CASCADE")
    ordinal: int
    label: str | None = None
    kind: str = Field(index=True)
    text: str
    span_start: int
    span_end: int


class Action(SQLModel, table=True):
    # the actions tracker's default order: undated last, then by due date (migration 0013)
    __table_args__ = (Index("ix_action_due_order", text("(due IS NULL)"), "due"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(index=True)
    item_id: int = Field(foreign_key="agenda_item.id", index=True, ondelete="CASCADE")
    ordinal: int
    text: str
    due: str | None = Field(default=None, index=True)  # YYYY-MM-DD or YYYY-MM
    due_to: str | None = None  # the meeting or body the report is due to
    span_start: int
    span_end: int


class Source(SQLModel, table=True):
    """A ModernGov site the member follows, with the committees picked (JSON list of
    ``{"id", "title"}``) and what its last sync did (JSON)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    base_url: str
    committees: str = "[]"
    added_at: datetime
    last_sync_at: datetime | None = None
    last_sync: str | None = None


class SyncMeeting(SQLModel, table=True):
    """One meeting synced from a source, by the site's meeting id."""

    __tablename__ = "sync_meeting"
    __table_args__ = (Index("ix_sync_meeting_key", "source_id", "meeting_key", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE")
    meeting_key: int
    committee_id: int | None = None
    committee: str | None = None
    date: str | None = None
    status: str | None = None
    document_path: str
    synced_at: datetime


# ---- the user's own records: keyed by uid, never touched by ingest -------------------


class MeetingEdit(SQLModel, table=True):
    """A meeting's facts as the member corrected them; kept across re-imports and syncs."""

    __tablename__ = "meeting_edit"

    meeting_uid: str = Field(primary_key=True)
    council: str | None = None
    committee: str | None = None
    date: str | None = None  # YYYY-MM-DD
    edited_at: datetime


class Topic(SQLModel, table=True):
    """A topic the member follows across meetings: a saved search or a note tag."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    query: str | None = None  # in the search syntax
    tag: str | None = None  # items carrying a note with this tag
    created_at: datetime
    last_seen_at: datetime | None = None  # when its timeline was last opened


class ActionState(SQLModel, table=True):
    __tablename__ = "action_state"

    uid: str = Field(primary_key=True)
    done: bool = False
    done_at: datetime | None = None
    note: str | None = None
    done_by: str | None = None  # the member who last marked it (done or not)


class RecommendationTracking(SQLModel, table=True):
    """The hand-kept tracker columns for one recommendation or resolution (by uid)."""

    __tablename__ = "recommendation_tracking"

    uid: str = Field(primary_key=True)
    status: str | None = Field(default=None, index=True)
    area: str | None = None
    executive_response_date: str | None = None
    lead: str | None = None  # lead officer or member
    action_taken: str | None = None
    updated_at: datetime | None = None


class StatusChange(SQLModel, table=True):
    __tablename__ = "status_change"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(index=True)
    status: str
    changed_at: datetime
    note: str | None = None
    changed_by: str | None = None  # the member who set it (none recorded before version 10)


class Annotation(SQLModel, table=True):
    """A member's concern, question, follow-up or praise, anchored to minutes text.

    Anchored by ``target_uid`` (a stable record uid) and by a TextQuoteSelector
    (exact quote with a little prefix and suffix) within the document ``document_key``;
    ``anchor_state`` is "attached" or "detached" (its words are no longer found; kept,
    never dropped).
    """

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(index=True, unique=True)
    target_kind: str  # item | resolution | recommendation | action | passage
    target_uid: str | None = Field(default=None, index=True)
    document_key: str | None = Field(default=None, index=True)
    quote_exact: str = ""
    quote_prefix: str = ""
    quote_suffix: str = ""
    span_start: int | None = None
    span_end: int | None = None
    anchor_state: str = "attached"
    body: str  # Markdown
    kind: str = "concern"  # question | concern | follow-up | praise
    priority: str = "normal"  # high | normal | low
    tags: str = "[]"  # JSON list
    status: str = "open"  # open | resolved
    ask_at: str | None = None  # committee / meeting to raise it at
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = Field(default=None, index=True)  # soft delete, for undo
    conflict_of: str | None = None  # an imported copy of the note with this uuid, kept apart
    owner: str | None = None  # the member whose note it is (their login or database role)
    visibility: str = "private"  # private (its owner only) | team


class PersonChoice(SQLModel, table=True):
    """The member merged two people's entries (``other`` is the second) or split one, in a
    council; names as matched (see services/people.py), so the choice outlives row ids."""

    __tablename__ = "person_choice"

    id: int | None = Field(default=None, primary_key=True)
    council: str | None = Field(default=None, index=True)
    action: str  # merge | split
    name: str
    other: str | None = None
    made_at: datetime
