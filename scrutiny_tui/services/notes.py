"""The member's notes (concerns, questions, follow-ups, praise) on the minutes.

A note is anchored two ways: by the uid of the record it is on (an agenda item, resolution,
recommendation or action; a "passage" note is on its agenda item's uid) and by the words it
quotes, with a little text either side, in its document. When a document is re-ingested the
record rows are replaced, so :func:`reanchor_document` finds each note's words again in the
new text (:func:`services.anchoring.locate`) and points the note at the record that now
holds them. A note whose words are gone is kept, marked "detached".

The SQL is in ``store/notes.py``; exporting and importing notes as W3C Web Annotations is
``services/notes_exchange.py``.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz

from scrutiny_tui.services.anchoring import (
    Quote,
    heading_key,
    holding,
    locate,
    quote_at,
    trimmed,
)
from scrutiny_tui.store import notes as note_rows
from scrutiny_tui.store.db import (
    Connection,
    DatabaseError,
    Store,
    StoreFault,
    is_postgres,
    member_name,
)
from scrutiny_tui.store.notes import Anchor, AnchoredNote, NoteContent, NoteView
from scrutiny_tui.store.values import now_utc
from scrutiny_tui.vocabulary import (
    DEFAULT_NOTE_KIND,
    DEFAULT_NOTE_PRIORITY,
    DEFAULT_NOTE_STATUS,
    NOTE_KINDS,
    NOTE_PRIORITIES,
    NOTE_STATUSES,
    NOTE_TARGET_KINDS,
    NOTE_VISIBILITIES,
)

__all__ = [
    "KeptReport",
    "NotYours",
    "NoteInput",
    "NoteKept",
    "NoteNotFound",
    "NoteView",
    "ReanchorReport",
    "StoreBusy",
    "add_note",
    "anchor_on",
    "authorship",
    "choice",
    "clean_tags",
    "delete_note",
    "edit_note",
    "get_note",
    "kept_folder",
    "list_notes",
    "may_change",
    "reanchor_document",
    "reanchor_own_notes",
    "resolve_uuid",
    "save_kept_notes",
    "set_status",
    "undo_delete",
]


SAME_HEADING = 80.0  # rapidfuzz ratio at which a retitled item with the same uid is the same


WRITE_ATTEMPTS = 3  # tries at the member's own writes, each waiting the store's busy timeout

Result = TypeVar("Result")


class NoteNotFound(LookupError):
    """No live note (or target record) with the uuid or uid given."""


class StoreBusy(Exception):
    """Another program kept the store's write lock through every attempt: nothing was
    saved, and the caller keeps what the member typed."""


class NotYours(PermissionError):
    """The note is another member's (a team note on a team store): only they may change it.
    Said, rather than left to row-level security, which would quietly change nothing."""

    def __init__(self, owner: str) -> None:
        super().__init__(f"this is {owner}'s note: only {owner} can change it")
        self.owner = owner


class NoteKept(Exception):
    """The note could not be saved now (the store was busy, or the team database could not
    be reached), so what the member typed is kept in a file of its own, ``path``, and saved
    by :func:`save_kept_notes` once the store answers again."""

    def __init__(self, why: str, path: Path, uuid: str, team: bool) -> None:
        back = "the team database is back" if team else "the store is free again"
        super().__init__(f"{why}; your note is kept in {path}: it will be saved when {back}")
        self.why, self.path, self.uuid = why, path, uuid


def may_change(note: NoteView, team_store: bool) -> bool:
    """Whether the member may edit, resolve or delete ``note``: on a team store only its
    owner may; a member's own file is theirs to change throughout."""
    return note.mine or not team_store


def authorship(note: NoteView) -> str | None:
    """Who wrote the note and who sees it, as listed: "by alice" for another member's
    note, "shared with the team" for the member's own team note, else None."""
    if not note.mine and note.owner:
        return f"by {note.owner}"
    if note.visibility == "team":
        return "shared with the team"
    return None


def patiently(write: Callable[[], Result], attempts: int | None = None) -> Result:
    """Run ``write`` (one write unit), trying again (``WRITE_ATTEMPTS`` times in all) while
    another program holds the store's write lock (an import or an ingest)."""
    attempts = attempts or WRITE_ATTEMPTS
    for attempt in range(1, attempts + 1):
        try:
            return write()
        except DatabaseError as exc:
            if not note_rows.is_busy(exc):
                raise
            if attempt == attempts:
                raise StoreBusy(
                    "the store is busy: another program (an import or an ingest?) kept it "
                    "locked, so the note was not saved"
                ) from exc
    raise AssertionError("unreachable")  # (attempts >= 1)


# ---- input and results ----------------------------------------------------------------


def choice(what: str, value: str, allowed: tuple[str, ...]) -> str:
    """``value`` lower-cased if it is one of ``allowed``; else a one-line ValueError."""
    cleaned = (value or "").strip().lower()
    if cleaned not in allowed:
        raise ValueError(f"unknown {what} {value!r}: use one of {', '.join(allowed)}")
    return cleaned


def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Tags without surrounding spaces or a leading '#', empty ones and repeats dropped."""
    seen: dict[str, str] = {}
    for tag in tags:
        cleaned = " ".join(str(tag).strip().lstrip("#").split())
        if cleaned and cleaned.casefold() not in seen:
            seen[cleaned.casefold()] = cleaned
    return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class NoteInput:
    """What the member wrote. Checked on creation; a ValueError says what is wrong."""

    body: str
    kind: str = DEFAULT_NOTE_KIND
    priority: str = DEFAULT_NOTE_PRIORITY
    tags: tuple[str, ...] = ()
    ask_at: str | None = None
    visibility: str = "private"  # private: its owner only; team: every member of the store

    def __post_init__(self) -> None:
        body = (self.body or "").strip()
        if not body:
            raise ValueError("the note is empty: write the concern or question first")
        object.__setattr__(self, "body", body)
        object.__setattr__(self, "kind", choice("kind", self.kind, NOTE_KINDS))
        object.__setattr__(self, "priority", choice("priority", self.priority, NOTE_PRIORITIES))
        object.__setattr__(self, "tags", clean_tags(self.tags))
        object.__setattr__(self, "ask_at", (self.ask_at or "").strip() or None)
        object.__setattr__(
            self, "visibility", choice("visibility", self.visibility, NOTE_VISIBILITIES)
        )

    def content(self) -> NoteContent:
        return NoteContent(
            self.body, self.kind, self.priority, self.tags, self.ask_at, self.visibility
        )


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    attached: int = 0  # found where they were
    moved: int = 0  # found elsewhere in the new text (or found again after being lost)
    detached: int = 0  # their words are no longer in the text


# ---- reading ------------------------------------------------------------------------


def get_note(store: Store, uuid: str) -> NoteView | None:
    """The live note with this uuid, or None."""
    with store.read() as conn:
        return note_rows.note_by_uuid(conn, uuid)


def list_notes(
    store: Store,
    *,
    tag: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    committee: str | None = None,
    include_detached: bool = True,
) -> list[NoteView]:
    """Live notes, open before resolved, high priority first, newest first.

    ``tag`` and ``kind`` match whole values (case-insensitive); ``committee`` matches part of
    the committee's name.
    """
    with store.read() as conn:
        return note_rows.live_notes(
            conn,
            tag=tag.strip().lstrip("#") if tag else None,
            kind=kind.strip().lower() if kind else None,
            status=status.strip().lower() if status else None,
            committee_part=committee.strip() if committee else None,
            attached_only=not include_detached,
        )


def resolve_uuid(store: Store, text: str) -> str:
    """The full uuid of the live note whose uuid is ``text`` or starts with it (unique)."""
    prefix = text.strip().lower().removeprefix("urn:uuid:")
    if not prefix:
        raise NoteNotFound("no note uuid given")
    with store.read() as conn:
        found = note_rows.live_uuids_starting(conn, prefix, limit=2)
    if not found:
        raise NoteNotFound(f"no note {text!r}")
    if len(found) > 1:
        raise NoteNotFound(f"more than one note starts with {text!r}; give more of its uuid")
    return found[0]


# ---- writing --------------------------------------------------------------------------


def add_note(
    store: Store,
    target_kind: str,
    target_uid: str,
    note: NoteInput,
    quote: tuple[int, int] | None = None,
    *,
    uuid: str | None = None,
    keep: bool = True,
) -> NoteView:
    """Note ``note`` on a record, quoting its words (or the passage ``quote`` of its document).

    Waits for a store another program is writing to (see :func:`patiently`). When the store
    stays locked or the team database cannot be reached, the note is kept in a file and
    :class:`NoteKept` says where (``keep=False``: :class:`StoreBusy` or the
    :class:`~scrutiny_tui.store.db.StoreFault` is raised instead). ``uuid``: the note's own,
    given again when a kept note is saved; saving it twice changes nothing."""
    target_kind = choice("target kind", target_kind, NOTE_TARGET_KINDS)
    uuid = uuid or str(uuid_module.uuid4())
    try:
        view = patiently(lambda: _add_note(store, target_kind, target_uid, note, quote, uuid))
    except (StoreBusy, StoreFault) as exc:
        if not keep or not _passing(exc):
            raise
        kept = _Kept(uuid, "add", note, target_kind, target_uid, quote)
        raise _kept(store, kept, exc) from exc
    _forget_kept(store, uuid)
    return view


def _add_note(
    store: Store,
    target_kind: str,
    target_uid: str,
    note: NoteInput,
    quote: tuple[int, int] | None,
    uuid: str,
) -> NoteView:
    with store.write() as conn:
        if note_rows.note_by_uuid(conn, uuid) is not None:  # saved already: its words now
            note_rows.update_content(conn, uuid, note.content(), now_utc())
            return _must_get(conn, uuid)
        anchor = anchor_on(conn, target_kind, target_uid, quote)
        now = now_utc()
        note_rows.insert_note(conn, uuid, note.content(), anchor, DEFAULT_NOTE_STATUS, now, now)
        return _must_get(conn, uuid)


def anchor_on(
    conn: Connection, target_kind: str, target_uid: str, quote: tuple[int, int] | None = None
) -> Anchor:
    """Where a new note on a record goes: the record's words, or the passage ``quote``
    (document offsets) of its document."""
    target = note_rows.target_text(conn, target_kind, target_uid)
    if target is None and target_kind == "recommendation":
        # the recommendations tracker also lists resolutions that recommended: a note on one
        # of those rows is a note on that resolution
        target = note_rows.target_text(conn, "resolution", target_uid)
        if target is not None:
            target_kind = "resolution"
    if target is None:
        raise NoteNotFound(f"no {target_kind} with uid {target_uid!r}")
    start, end = quote if quote is not None else (target.start, target.end)
    if not 0 <= start < end <= len(target.text):
        raise ValueError(f"passage {start}-{end} is outside its minutes")
    words = quote_at(target.text, *trimmed(target.text, start, end))
    return Anchor(
        target.document_key,
        target_kind,
        target_uid,
        words.exact,
        words.prefix,
        words.suffix,
        words.start,
        words.end,
        "attached",
    )


def _must_get(conn: Connection, uuid: str) -> NoteView:
    view = note_rows.note_by_uuid(conn, uuid)
    if view is None:
        raise NoteNotFound(f"no note {uuid!r}")
    return view


def _changeable(conn: Connection, uuid: str) -> NoteView:
    """The live note ``uuid``, if the member may change it (see :func:`may_change`)."""
    view = _must_get(conn, uuid)
    if not may_change(view, is_postgres(conn)):
        raise NotYours(view.owner or "another member")
    return view


def edit_note(store: Store, uuid: str, note: NoteInput, *, keep: bool = True) -> NoteView:
    """Replace what the note says (its anchor is unchanged; a conflict it was marked with is
    settled). Waits for a busy store, and keeps the new words in a file when the store
    cannot take them, like :func:`add_note`. Another member's note raises
    :class:`NotYours`."""

    def edit() -> NoteView:
        with store.write() as conn:
            _changeable(conn, uuid)
            if not note_rows.update_content(conn, uuid, note.content(), now_utc()):
                raise NoteNotFound(f"no note {uuid!r}")
            return _must_get(conn, uuid)

    try:
        view = patiently(edit)
    except (StoreBusy, StoreFault) as exc:
        if not keep or not _passing(exc):
            raise
        raise _kept(store, _Kept(uuid, "edit", note), exc) from exc
    _forget_kept(store, uuid)
    return view


def set_status(store: Store, uuid: str, status: str) -> NoteView:
    """Mark the note "open" or "resolved" (the member's own: see :class:`NotYours`)."""
    status = choice("status", status, NOTE_STATUSES)

    def mark() -> NoteView:
        with store.write() as conn:
            _changeable(conn, uuid)
            if not note_rows.update_status(conn, uuid, status, now_utc()):
                raise NoteNotFound(f"no note {uuid!r}")
            return _must_get(conn, uuid)

    return patiently(mark)


def delete_note(store: Store, uuid: str) -> None:
    """Delete the note, keeping it for :func:`undo_delete` (the member's own only)."""

    def delete() -> None:
        with store.write() as conn:
            _changeable(conn, uuid)
            if not note_rows.mark_deleted(conn, uuid, now_utc()):
                raise NoteNotFound(f"no note {uuid!r}")

    patiently(delete)


def undo_delete(store: Store) -> NoteView | None:
    """Bring back the member's most recently deleted note; None when there is none."""

    def undo() -> NoteView | None:
        with store.write() as conn:
            owner = member_name(conn) if is_postgres(conn) else None
            uuid = note_rows.last_deleted(conn, owner)
            if uuid is None:
                return None
            note_rows.undelete(conn, uuid)
            return note_rows.note_by_uuid(conn, uuid)

    return patiently(undo)


# ---- notes kept while the store could not take them ------------------------------------

KEPT_FOLDER = "unsaved-notes"

# How the team store words a connection that cannot be made or was lost (store/postgres.py).
_CONNECTION_FAULTS = ("lost the connection to the team database", "cannot reach the team database")


def _passing(exc: Exception) -> bool:
    """Whether the store could not take a note for a while only (another program held it,
    or the team database could not be reached), so the note is worth keeping to save later;
    a read-only, full or damaged store is said as it is."""
    return isinstance(exc, StoreBusy) or str(exc).startswith(_CONNECTION_FAULTS)


def kept_folder() -> Path:
    """Where notes that could not be saved wait: the member's own data folder (a team
    store has no folder of its own, and a store's folder may be shared or read-only)."""
    from scrutiny_tui.locations import data_dir

    return data_dir() / KEPT_FOLDER


def _store_key(store: Store) -> str:
    """Which store a kept note belongs to, as written in its file (never a password)."""
    url = getattr(store, "url", None)
    if isinstance(url, str):
        from scrutiny_tui.config import printable_target

        return printable_target(url)
    return str(Path(store.path).expanduser().resolve())


@dataclass(frozen=True, slots=True)
class _Kept:
    uuid: str
    action: str  # add | edit
    note: NoteInput
    target_kind: str | None = None
    target_uid: str | None = None
    quote: tuple[int, int] | None = None


def _kept(store: Store, kept: _Kept, exc: Exception) -> Exception:
    """Write ``kept`` to its file: :class:`NoteKept` naming it, or, if no file can be
    written either, the store's own error with the note's words so none are lost."""
    from scrutiny_tui.safe_files import FileWriteError, write_private

    why = str(exc)
    data: dict[str, Any] = {
        "kept": "a scrutiny-tui note not yet saved",
        "store": _store_key(store),
        "uuid": kept.uuid,
        "action": kept.action,
        "target_kind": kept.target_kind,
        "target_uid": kept.target_uid,
        "quote": list(kept.quote) if kept.quote is not None else None,
        "note": {
            "body": kept.note.body,
            "kind": kept.note.kind,
            "priority": kept.note.priority,
            "tags": list(kept.note.tags),
            "ask_at": kept.note.ask_at,
            "visibility": kept.note.visibility,
        },
        "why": why,
        "kept_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    path = kept_folder() / f"note-{kept.uuid}.json"
    try:
        write_private(path, json.dumps(data, indent=2, ensure_ascii=False), replace=True)
    except (FileWriteError, OSError) as error:
        return StoreBusy(
            f"{why}, nor could it be kept in a file ({error}); it said: {kept.note.body}"
        )
    return NoteKept(why, path, kept.uuid, getattr(store, "engine", "sqlite") == "postgresql")


def _kept_files(store: Store) -> list[tuple[Path, dict[str, Any]]]:
    """This store's kept notes, oldest first, as read from their files."""
    folder, key = kept_folder(), _store_key(store)
    found = []
    for path in sorted(folder.glob("note-*.json"), key=lambda p: p.stat().st_mtime):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and data.get("store") == key:
            found.append((path, data))
    return found


def _forget_kept(store: Store, uuid: str) -> None:
    """Remove the kept copy of a note once it is saved."""
    path = kept_folder() / f"note-{uuid}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("store") == _store_key(store):
        path.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class KeptReport:
    saved: list[NoteView] = field(default_factory=list)  # kept notes saved now
    waiting: int = 0  # kept notes the store still cannot take (it is busy or away)
    problems: list[str] = field(default_factory=list)  # kept notes that cannot be saved


def save_kept_notes(store: Store) -> KeptReport:
    """Save the notes kept for this store while it could not take them, oldest first; each
    file is removed once its note is saved. Stops at the first the store still cannot take
    (busy, or the team database still away) and leaves those for next time."""
    report = KeptReport()
    files = _kept_files(store)
    for number, (path, data) in enumerate(files):
        try:
            typed = data["note"]
            note = NoteInput(
                str(typed["body"]),
                str(typed["kind"]),
                str(typed["priority"]),
                tuple(str(t) for t in typed.get("tags") or ()),
                typed.get("ask_at"),
                str(typed.get("visibility") or "private"),
            )
            uuid = str(data["uuid"])
            if data.get("action") == "edit":
                view = edit_note(store, uuid, note, keep=False)
            else:
                quote = data.get("quote")
                view = add_note(
                    store,
                    str(data["target_kind"]),
                    str(data["target_uid"]),
                    note,
                    (int(quote[0]), int(quote[1])) if quote else None,
                    uuid=uuid,
                    keep=False,
                )
        except (StoreBusy, StoreFault):
            report = KeptReport(report.saved, len(files) - number, report.problems)
            break
        except (KeyError, TypeError, IndexError, ValueError, LookupError, NotYours) as exc:
            report.problems.append(f"the note kept in {path} cannot be saved: {exc}")
            continue
        path.unlink(missing_ok=True)
        report.saved.append(view)
    return report


# ---- re-anchoring after a re-ingest ---------------------------------------------------


class DocumentRecords:
    """The (uid, start, end) of each kind of record in one document, read when first asked."""

    def __init__(self, conn: Connection, document_key: str) -> None:
        self.conn, self.document_key = conn, document_key
        self.loaded: dict[str, list[tuple[str, int, int]]] = {}

    def spans(self, target_kind: str) -> list[tuple[str, int, int]]:
        """(uid, start, end) of every record of this kind in the document."""
        if target_kind not in self.loaded:
            self.loaded[target_kind] = note_rows.record_spans(
                self.conn, self.document_key, target_kind
            )
        return self.loaded[target_kind]

    def holding(self, target_kind: str, start: int, end: int) -> str | None:
        """The uid of the record of this kind that contains (or most overlaps) the span."""
        return holding(self.spans(target_kind), start, end)

    def item_now(
        self, text: str, quote: Quote, item_uid: str | None
    ) -> tuple[str, tuple[int, int]] | None:
        """The uid and span of the agenda item a note on a whole item (quoting all of it)
        is on in the document's ``text`` now: the item holding its words, else the item
        with the same heading (its words were edited, or it was renumbered), else the
        item with its uid whose heading is nearly the same. None when the item is gone."""
        items = self.spans("item")
        span = locate(text, quote.exact, quote.prefix, quote.suffix, quote.start)
        if span is not None and (uid := holding(items, *span)) is not None:
            return next((uid, (low, high)) for found, low, high in items if found == uid)
        heading = heading_key(quote.exact)
        if not heading:
            return None
        same = [item for item in items if heading_key(text[item[1] : item[2]]) == heading]
        if not same:
            same = [
                item
                for item in items
                if item[0] == item_uid
                and fuzz.ratio(heading, heading_key(text[item[1] : item[2]])) >= SAME_HEADING
            ]
        if not same:
            return None
        uid, low, high = min(
            same, key=lambda item: (item[0] != item_uid, abs(item[1] - quote.start))
        )
        return uid, (low, high)


def reanchor_own_notes(store: Store) -> ReanchorReport:
    """On a team store, find the member's own notes again in minutes another member has read
    again since (their ingest cannot see a private note, so cannot move it); nothing to do on
    a member's own file, whose ingest finds every note again itself."""
    if store.engine != "postgresql":
        return ReanchorReport()
    counts = {"attached": 0, "moved": 0, "detached": 0}
    with store.read() as conn:
        if not note_rows.documents_read_again_since_noted(conn):
            return ReanchorReport()  # the usual case: no write, no lock taken
    with store.write() as conn:
        for key, text in note_rows.documents_read_again_since_noted(conn):
            found = reanchor_document(conn, key, text)
            counts["attached"] += found.attached
            counts["moved"] += found.moved
            counts["detached"] += found.detached
    return ReanchorReport(**counts)


def reanchor_document(conn: Connection, document_key: str, text: str) -> ReanchorReport:
    """Find every note on the document ``document_key`` again in its new ``text``.

    Runs on the caller's connection inside its write transaction, after the document's
    records were replaced. Notes are never deleted: one whose words are gone is marked
    "detached" and otherwise kept. Deleted notes are re-anchored too (so an undo brings them
    back in place) but not counted.
    """
    records = DocumentRecords(conn, document_key)
    counts = {"attached": 0, "moved": 0, "detached": 0}
    for note in note_rows.notes_on_document(conn, document_key):
        outcome = _reanchor_one(conn, records, text, note)
        if note.live:
            counts[outcome] += 1
    return ReanchorReport(**counts)


def _reanchor_one(conn: Connection, records: DocumentRecords, text: str, note: AnchoredNote) -> str:
    target: str | None
    if note.target_kind == "item":  # a note on a whole item follows its item
        old = Quote(note.exact, note.prefix, note.suffix, note.start or 0, note.end or 0)
        found = records.item_now(text, old, note.target_uid)
        target, span = found if found is not None else (None, None)
        span = trimmed(text, *span) if span is not None else None
    else:
        span = locate(text, note.exact, note.prefix, note.suffix, note.start)
        target = records.holding(note.target_kind, *span) if span is not None else None
    if span is None:
        if note.state != "detached":
            note_rows.mark_detached(conn, note.id)
        return "detached"
    words = quote_at(text, *span)
    target = target or note.target_uid
    unchanged = (note.start, note.end, note.state, note.exact) == (
        words.start,
        words.end,
        "attached",
        words.exact,
    )
    same_words = (words.exact, words.prefix, words.suffix) == (
        note.exact,
        note.prefix,
        note.suffix,
    )
    if not (unchanged and same_words and target == note.target_uid):
        note_rows.reattach(conn, note.id, words.exact, words.prefix, words.suffix, span, target)
    return "attached" if unchanged else "moved"
