"""Notes out and in as W3C Web Annotations (TextQuoteSelector and TextPositionSelector).

Each annotation's ``target.source`` is its document's key; the scrutiny-specific fields are
in a ``scrutiny`` object, with ``document`` saying how the minutes it is on are recognised
in another store: ``{"key", "sha256", "relpath", "path"}``. On import a note goes on the
local document with the same key; failing that, the same content (sha256); failing that,
the same path inside its folder (relpath) or else the same file name; and only when none is
here is it kept detached. It is then anchored by its quote in that document's text.

An import never loses what either side wrote: one entry that cannot be read or stored is
reported and the rest are imported; a copy whose ``modified`` time is in the future (which
would otherwise win over every later edit here) and differs from the note here is kept
beside it as a conflict for the member to settle. Notes are written in batches, each a
short transaction, so a note the member adds meanwhile is not kept waiting.
"""

from __future__ import annotations

import json
import re
import time
import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from scrutiny_tui.services.anchoring import Quote, locate, quote_at, trimmed
from scrutiny_tui.services.notes import DocumentRecords, NoteInput, choice
from scrutiny_tui.store import notes as note_rows
from scrutiny_tui.store.db import Connection, Store
from scrutiny_tui.store.notes import (
    Anchor,
    DocumentIdentity,
    ExportedNote,
    LocalDocument,
    RowRejected,
)
from scrutiny_tui.store.values import now_utc, read_time
from scrutiny_tui.vocabulary import (
    DEFAULT_NOTE_KIND,
    DEFAULT_NOTE_PRIORITY,
    DEFAULT_NOTE_STATUS,
    NOTE_STATUSES,
    NOTE_TARGET_KINDS,
    PASSAGE,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

BATCH_NOTES = 500  # notes written in one transaction at most...
BATCH_SECONDS = 0.25  # ...and for at most about this long, holding the write lock
BATCH_PAUSE = 0.02  # then the lock is let go this long, so another writer gets its turn
CLOCK_SKEW = timedelta(days=1)  # a time further ahead of this machine's is not believed
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)  # a note's time before this is not believed
CONFLICTS = uuid_module.UUID("5d2b1c7e-8f0a-4c1e-9a57-3f6e2b9d4c10")  # names conflict copies


@dataclass(slots=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    conflicts: int = 0  # imported copies kept beside a note of the member's they differ from
    problems: list[str] = field(default_factory=list)


# ---- export ---------------------------------------------------------------------------


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def as_annotation(note: ExportedNote) -> dict[str, Any]:
    """One note as a W3C Web Annotation."""
    anchor, content = note.anchor, note.content
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": anchor.exact,
            "prefix": anchor.prefix,
            "suffix": anchor.suffix,
        }
    ]
    if anchor.start is not None and anchor.end is not None:
        selectors.append({"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end})
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": content.body,
            "format": "text/markdown",
            "purpose": "commenting",
        }
    ]
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in content.tags]
    document = note.document
    return {
        "@context": ANNO_CONTEXT,
        "id": f"urn:uuid:{note.uuid}",
        "type": "Annotation",
        "created": _iso(note.created_at),
        "modified": _iso(note.updated_at),
        "motivation": "questioning" if content.kind == "question" else "commenting",
        "body": bodies,
        "target": {"source": anchor.document_key, "selector": selectors},
        "scrutiny": {
            "kind": content.kind,
            "priority": content.priority,
            "status": note.status,
            "ask_at": content.ask_at,
            "target_kind": anchor.target_kind,
            "target_uid": anchor.target_uid,
            "anchor_state": anchor.state,
            "document": {
                "key": document.key,
                "sha256": document.sha256,
                "relpath": document.relpath,
                "path": document.path,
            },
        },
    }


def _annotation(note: ExportedNote) -> dict[str, Any]:
    annotation = as_annotation(note)
    if note.conflict_of:  # a conflict copy stays one in a backup
        annotation["scrutiny"]["conflict_of"] = note.conflict_of
    return annotation


def export_notes(store: Store) -> dict[str, Any]:
    """Every live note as a W3C Web Annotation, in an AnnotationCollection-like object."""
    with store.read() as conn:
        items = [_annotation(note) for note in note_rows.exportable_notes(conn)]
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": "scrutiny-tui notes",
        "total": len(items),
        "items": items,
    }


# ---- reading the file -----------------------------------------------------------------


class _Unreadable:
    """An entry of the file that could not be decoded, kept in its place so the entries
    after it keep their numbers."""

    def __init__(self, why: str) -> None:
        self.why = why


def load_annotations(text: str) -> Any:
    """The JSON of a notes file, read so that one entry nested too deep to decode is left
    as :class:`_Unreadable` in its place rather than losing the whole file. A leading byte
    order mark is skipped. Raises ``ValueError`` when the file is not JSON at all."""
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(text)
    except RecursionError:
        return _Tolerant(text).document()


class _Tolerant:
    """Reads a JSON document whose nesting is too deep for ``json``: the top level by hand,
    each entry of its list (or of its ``items`` list) with ``json``, skipping an entry
    that is too deep by counting brackets (no recursion)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.decoder = json.JSONDecoder()

    def space(self, at: int) -> int:
        while at < len(self.text) and self.text[at] in " \t\r\n":
            at += 1
        return at

    def expect(self, at: int, char: str) -> int:
        at = self.space(at)
        if not self.text.startswith(char, at):
            raise ValueError(f"expected {char!r} at character {at}")
        return at + 1

    def value(self, at: int) -> tuple[Any, int]:
        at = self.space(at)
        try:
            return self.decoder.raw_decode(self.text, at)
        except RecursionError:
            return _Unreadable("it is nested too deep to read"), self.skip(at)

    def skip(self, at: int) -> int:
        """The end of the array or object starting at ``at``."""
        depth, inside, escaped = 0, False, False
        for index in range(at, len(self.text)):
            char = self.text[index]
            if escaped:
                escaped = False
            elif inside:
                escaped = char == "\\"
                inside = char != '"'
            elif char == '"':
                inside = True
            elif char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
                if depth == 0:
                    return index + 1
        raise ValueError("the file ends inside an entry")

    def array(self, at: int) -> tuple[list[Any], int]:
        at = self.expect(at, "[")
        found: list[Any] = []
        if self.text.startswith("]", self.space(at)):
            return found, self.space(at) + 1
        while True:
            item, at = self.value(at)
            found.append(item)
            at = self.space(at)
            if self.text.startswith("]", at):
                return found, at + 1
            at = self.expect(at, ",")

    def document(self) -> Any:
        at = self.space(0)
        found: Any
        if self.text.startswith("[", at):
            found, at = self.array(at)
        elif self.text.startswith("{", at):
            found, at = self.object(at)
        else:
            found, at = self.value(at)
        if self.space(at) != len(self.text):
            raise ValueError(f"extra data at character {self.space(at)}")
        return found

    def object(self, at: int) -> tuple[dict[str, Any], int]:
        at = self.expect(at, "{")
        found: dict[str, Any] = {}
        if self.text.startswith("}", self.space(at)):
            return found, self.space(at) + 1
        while True:
            key, at = self.decoder.raw_decode(self.text, self.space(at))
            at = self.expect(at, ":")
            if key == "items" and self.text.startswith("[", self.space(at)):
                found[key], at = self.array(at)
            else:
                found[key], at = self.value(at)
            at = self.space(at)
            if self.text.startswith("}", at):
                return found, at + 1
            at = self.expect(at, ",")


# ---- reading an imported entry --------------------------------------------------------


class _Malformed(ValueError):
    """One imported entry cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class _Imported:
    uuid: str
    note: NoteInput
    status: str
    target_kind: str
    target_uid: str | None
    document: DocumentIdentity  # key: the target's source, else the scrutiny block's key
    exact: str
    prefix: str
    suffix: str
    start: int | None
    created: datetime
    modified: datetime
    future: bool  # its modified time was ahead of this machine's: not to be believed
    conflict_of: str | None  # it was already a conflict copy where it was exported
    notices: tuple[str, ...]  # what was changed to take it, to be reported


def _entries(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        items: list[Any] = data["items"]
        return items
    if isinstance(data, dict) and data.get("type") == "Annotation":
        return [data]
    raise _Malformed("not a list of annotations nor an object with an 'items' list")


_SURROGATE = re.compile("[\ud800-\udfff]")


class _EntryReader:
    """Reads one entry's fields, noting anything it had to change to take them."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.notices: list[str] = []

    def text(self, value: Any) -> str:
        """A string field; characters no text can hold (lone surrogates) become U+FFFD."""
        if not isinstance(value, str):
            return ""
        cleaned, count = _SURROGATE.subn("\ufffd", value)
        if count:
            self.notices.append(
                f"{count} character(s) that are not text (lone surrogates) shown as \ufffd"
            )
        return cleaned

    def word(self, value: Any, what: str) -> str:
        """A field that must be one of a vocabulary's words (checked by the caller)."""
        if value is not None and not isinstance(value, str):
            raise _Malformed(f"its {what} {value!r} is not text")
        return self.text(value)

    def time(self, value: Any, what: str) -> datetime:
        """A time field; one that is unreadable or before 1970 is taken as now, and said."""
        if value is None or value == "":
            return self.now
        try:
            when = read_time(str(value).replace("Z", "+00:00"))
        except (ValueError, OverflowError):
            when = None
        if when is None or when < EARLIEST:
            shown = str(value)[:40]
            self.notices.append(f"its {what} time {shown!r} is not a believable time: now used")
            return self.now
        return when

    def uuid(self, entry: dict[str, Any]) -> str:
        raw = self.text(entry.get("id"))
        if not raw.strip():
            raise _Malformed("it has no id")
        try:
            return str(uuid_module.UUID(raw.strip().removeprefix("urn:uuid:")))
        except ValueError as exc:
            raise _Malformed(f"its id {raw[:60]!r} is not a urn:uuid") from exc

    def bodies(self, entry: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
        raw = entry.get("body")
        bodies = raw if isinstance(raw, list) else [raw]
        text, tags = "", []
        for body in bodies:
            if isinstance(body, str):
                text = text or self.text(body)
            elif isinstance(body, dict) and isinstance(body.get("value"), str):
                if body.get("purpose") == "tagging":
                    tags.append(self.text(body["value"]))
                elif not text:
                    text = self.text(body["value"])
        return text, tuple(tags)

    def document(self, target: Any, extra: dict[str, Any]) -> DocumentIdentity:
        source = self.text(target) or None
        if isinstance(target, dict):
            source = self.text(target.get("source")) or None
        raw = extra.get("document")
        known = raw if isinstance(raw, dict) else {}
        return DocumentIdentity(
            source or self.text(known.get("key")) or None,
            self.text(known.get("sha256")) or None,
            self.text(known.get("relpath")) or None,
            self.text(known.get("path")) or None,
        )

    def read(self, entry: Any) -> _Imported:
        if isinstance(entry, _Unreadable):
            raise _Malformed(entry.why)
        if not isinstance(entry, dict):
            raise _Malformed("it is not a JSON object")
        uuid = self.uuid(entry)
        raw_extra = entry.get("scrutiny")
        extra: dict[str, Any] = raw_extra if isinstance(raw_extra, dict) else {}
        text, tags = self.bodies(entry)
        default_kind = "question" if entry.get("motivation") == "questioning" else DEFAULT_NOTE_KIND
        target = entry.get("target")
        selectors = _selectors(target)
        quote = selectors.get("TextQuoteSelector", {})
        start = selectors.get("TextPositionSelector", {}).get("start")
        try:
            note = NoteInput(
                text,
                self.word(extra.get("kind"), "kind") or default_kind,
                self.word(extra.get("priority"), "priority") or DEFAULT_NOTE_PRIORITY,
                tags,
                self.text(extra.get("ask_at")) or None,
            )
            status = self.word(extra.get("status"), "status") or DEFAULT_NOTE_STATUS
            status = choice("status", status, NOTE_STATUSES)
            target_kind = self.word(extra.get("target_kind"), "target kind") or PASSAGE
            target_kind = choice("target kind", target_kind, NOTE_TARGET_KINDS)
        except (ValueError, AttributeError, TypeError) as exc:
            raise _Malformed(str(exc)) from exc
        modified = self.time(entry.get("modified"), "modified")
        future = modified > self.now + CLOCK_SKEW
        if future:
            self.notices.append(
                f"its modified time {modified:%Y-%m-%d} is in the future: the import's time used"
            )
        return _Imported(
            uuid, note, status, target_kind, self.text(extra.get("target_uid")) or None,
            self.document(target, extra),
            self.text(quote.get("exact")), self.text(quote.get("prefix")),
            self.text(quote.get("suffix")),
            start if isinstance(start, int) and not isinstance(start, bool) and start >= 0
            else None,
            min(self.time(entry.get("created"), "created"), self.now),
            self.now if future else modified,
            future, self.text(extra.get("conflict_of")) or None, tuple(self.notices),
        )  # fmt: skip


def _selectors(target: Any) -> dict[str, dict[str, Any]]:
    raw = target.get("selector") if isinstance(target, dict) else None
    found = raw if isinstance(raw, list) else [raw]
    return {s["type"]: s for s in found if isinstance(s, dict) and isinstance(s.get("type"), str)}


# ---- finding the note's document and words here ----------------------------------------


def _file_name(path: str | None) -> str | None:
    """The last part of a file's path; None for a site's address (its key says it all)."""
    if not path or "://" in path:
        return None
    return re.split(r"[\\/]", path)[-1] or None


def local_document(conn: Connection, document: DocumentIdentity) -> LocalDocument | None:
    """The document here that an exported note's document is: by key, then content, then
    logical source (relpath, else file name)."""
    found = None
    if document.key:
        found = note_rows.document_by_key(conn, document.key)
    if found is None and document.sha256:
        found = note_rows.document_by_sha256(conn, document.sha256)
    if found is None and document.relpath:
        found = note_rows.document_by_relpath(conn, document.relpath)
    name = _file_name(document.path) or _file_name(document.relpath)
    if found is None and name:
        found = note_rows.document_by_file_name(conn, name)
    return found


class _Here:
    """The documents of this store that one batch of imported notes go on, and their
    records, each read once per batch (notes of one file mostly share a few documents)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.documents: dict[DocumentIdentity, LocalDocument | None] = {}
        self.records: dict[str, DocumentRecords] = {}

    def document(self, identity: DocumentIdentity) -> LocalDocument | None:
        if identity not in self.documents:
            self.documents[identity] = local_document(self.conn, identity)
        return self.documents[identity]

    def records_of(self, key: str) -> DocumentRecords:
        if key not in self.records:
            self.records[key] = DocumentRecords(self.conn, key)
        return self.records[key]


def _anchor(batch: _Here, item: _Imported, here: LocalDocument | None) -> Anchor:
    """An imported note's anchor: its words found in the document here (a note on a whole
    item: that item, wherever it is now), or detached."""
    span, holder = None, None
    if here is not None:
        records = batch.records_of(here.key)
        if item.target_kind == "item":
            quote = Quote(item.exact, item.prefix, item.suffix, item.start or 0, item.start or 0)
            if (found := records.item_now(here.text, quote, item.target_uid)) is not None:
                holder, span = found[0], trimmed(here.text, *found[1])
        elif span := locate(here.text, item.exact, item.prefix, item.suffix, item.start):
            holder = records.holding(item.target_kind, *span)
    if here is None or span is None:
        key = here.key if here is not None else item.document.key
        return Anchor(
            key, item.target_kind, item.target_uid, item.exact, item.prefix, item.suffix,
            None, None, "detached",
        )  # fmt: skip
    words = quote_at(here.text, *span)
    return Anchor(
        here.key, item.target_kind, holder or item.target_uid, words.exact, words.prefix,
        words.suffix, words.start, words.end, "attached",
    )  # fmt: skip


def _conflict_uuid(item: _Imported) -> str:
    """The uuid a conflict copy of ``item`` gets, from what it says: the same copy imported
    again is recognised (and not kept twice), a different one is kept as well."""
    note = item.note
    what = [item.uuid, note.body, note.kind, note.priority, list(note.tags), note.ask_at]
    return str(uuid_module.uuid5(CONFLICTS, json.dumps([*what, item.status])))


def _store_entry(batch: _Here, item: _Imported) -> str:
    """Add or update one note; returns "added", "updated", "skipped", "newer" (the note
    here was edited after the imported copy, so it is kept) or "conflicts" (the copy's
    time cannot be believed and it differs from the note here: both are kept)."""
    conn = batch.conn
    row = note_rows.stored_note(conn, item.uuid)
    here = batch.document(item.document)
    key = here.key if here is not None else item.document.key
    content = item.note.content()
    if row is not None and not row.deleted:
        same_place = (row.document_key, row.target_kind) == (key, item.target_kind)
        if same_place and (row.content, row.status) == (content, item.status):
            return "skipped"
        if item.future and (row.content, row.status) != (content, item.status):
            copy = _conflict_uuid(item)
            if note_rows.stored_note(conn, copy) is not None:
                return "skipped"  # kept before (and perhaps settled by the member since)
            note_rows.insert_note(
                conn, copy, content, _anchor(batch, item, here), item.status, item.created,
                item.modified, conflict_of=item.uuid,
            )  # fmt: skip
            return "conflicts"
        if row.updated_at > item.modified:
            return "newer"
    anchor = _anchor(batch, item, here)
    if row is None:
        note_rows.insert_note(
            conn, item.uuid, content, anchor, item.status, item.created, item.modified,
            conflict_of=item.conflict_of,
        )  # fmt: skip
        return "added"
    note_rows.replace_note(conn, item.uuid, content, anchor, item.status, item.modified)
    return "updated"


def import_notes(store: Store, data: Any) -> ImportReport:
    """Add or update notes from W3C Web Annotation JSON (as :func:`export_notes` writes,
    read with :func:`load_annotations`).

    Idempotent by id: a note already here unchanged is skipped. Each note is anchored by its
    quote in the current text of its document here (see the module doc), or kept detached.
    Entries that cannot be read or stored are listed in ``problems`` and the rest are
    imported; so is anything changed to take an entry, and each conflict kept. Written in
    batches of at most ``BATCH_NOTES`` notes (or ``BATCH_SECONDS``), each committed.
    """
    report = ImportReport()
    try:
        entries = _entries(data)
    except _Malformed as exc:
        report.problems.append(f"nothing imported: {exc}")
        return report
    now = now_utc()
    seen: set[str] = set()
    number = 0
    while number < len(entries):
        if number:
            time.sleep(BATCH_PAUSE)  # let a writer that waited for the lock have it
        number = _import_batch(store, entries, number, now, seen, report)
    return report


def _import_batch(
    store: Store,
    entries: list[Any],
    first: int,
    now: datetime,
    seen: set[str],
    report: ImportReport,
) -> int:
    """Import entries from index ``first`` in one transaction; return the next index."""
    started = time.monotonic()
    index = first
    with store.write() as conn:
        batch = _Here(conn)
        while index < len(entries) and index - first < BATCH_NOTES:
            if index > first and time.monotonic() - started > BATCH_SECONDS:
                break
            number, entry = index + 1, entries[index]
            index += 1
            try:
                item = _EntryReader(now).read(entry)
            except _Malformed as exc:
                report.problems.append(f"entry {number} skipped: {exc}")
                continue
            if item.uuid in seen:
                report.problems.append(f"entry {number} skipped: id repeats an earlier entry")
                continue
            seen.add(item.uuid)
            try:
                with note_rows.one_note(conn):
                    outcome = _store_entry(batch, item)
            except RowRejected as exc:
                report.problems.append(f"entry {number} skipped: it cannot be stored: {exc}")
                continue
            report.problems += [f"entry {number}: {notice}" for notice in item.notices]
            if outcome == "newer":
                report.problems.append(
                    f"entry {number} skipped: the note here was edited after it was exported"
                )
                outcome = "skipped"
            elif outcome == "conflicts":
                report.problems.append(
                    f"entry {number}: it differs from your note {item.uuid[:8]}, and its time "
                    "cannot be believed: both are kept, the imported copy marked as a conflict"
                )
            setattr(report, outcome, getattr(report, outcome) + 1)
    return index
