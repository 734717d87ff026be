"""Notes out and in as W3C Web Annotations (TextQuoteSelector and TextPositionSelector).

Each annotation's ``target.source`` is its document's key; the scrutiny-specific fields are
in a ``scrutiny`` object, with ``document`` saying how the minutes it is on are recognised
in another store: ``{"key", "sha256", "relpath", "path"}``. On import a note goes on the
local document with the same key; failing that, the same content (sha256); failing that,
the same path inside its folder (relpath) or else the same file name; and only when none is
here is it kept detached. It is then anchored by its quote in that document's text.
"""

from __future__ import annotations

import re
import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from scrutiny_tui.services.anchoring import locate, quote_at
from scrutiny_tui.services.notes import DocumentRecords, NoteInput, choice
from scrutiny_tui.store import notes as note_rows
from scrutiny_tui.store.db import Connection, Store
from scrutiny_tui.store.notes import Anchor, DocumentIdentity, ExportedNote, LocalDocument
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


@dataclass(slots=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0
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


def export_notes(store: Store) -> dict[str, Any]:
    """Every live note as a W3C Web Annotation, in an AnnotationCollection-like object."""
    with store.read() as conn:
        items = [as_annotation(note) for note in note_rows.exportable_notes(conn)]
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": "scrutiny-tui notes",
        "total": len(items),
        "items": items,
    }


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


def _entries(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        items: list[Any] = data["items"]
        return items
    if isinstance(data, dict) and data.get("type") == "Annotation":
        return [data]
    raise _Malformed("not a list of annotations nor an object with an 'items' list")


def _uuid_of(entry: dict[str, Any]) -> str:
    raw = entry.get("id")
    if not isinstance(raw, str) or not raw.strip():
        raise _Malformed("it has no id")
    try:
        return str(uuid_module.UUID(raw.strip().removeprefix("urn:uuid:")))
    except ValueError as exc:
        raise _Malformed(f"its id {raw[:60]!r} is not a urn:uuid") from exc


def _bodies(entry: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    raw = entry.get("body")
    bodies = raw if isinstance(raw, list) else [raw]
    text, tags = "", []
    for body in bodies:
        if isinstance(body, str):
            text = text or body
        elif isinstance(body, dict) and isinstance(body.get("value"), str):
            if body.get("purpose") == "tagging":
                tags.append(body["value"])
            elif not text:
                text = body["value"]
    return text, tuple(tags)


def _selectors(target: Any) -> dict[str, dict[str, Any]]:
    raw = target.get("selector") if isinstance(target, dict) else None
    found = raw if isinstance(raw, list) else [raw]
    return {s["type"]: s for s in found if isinstance(s, dict) and isinstance(s.get("type"), str)}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _time(value: Any, default: datetime) -> datetime:
    try:
        when = read_time(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return default
    return when or default


def _document(target: Any, extra: dict[str, Any]) -> DocumentIdentity:
    source = target if isinstance(target, str) else None
    if isinstance(target, dict):
        source = target.get("source") if isinstance(target.get("source"), str) else None
    raw = extra.get("document")
    known = raw if isinstance(raw, dict) else {}
    return DocumentIdentity(
        source or _text(known.get("key")) or None,
        _text(known.get("sha256")) or None,
        _text(known.get("relpath")) or None,
        _text(known.get("path")) or None,
    )


def _read_entry(entry: Any, now: datetime) -> _Imported:
    if not isinstance(entry, dict):
        raise _Malformed("it is not a JSON object")
    uuid = _uuid_of(entry)
    raw_extra = entry.get("scrutiny")
    extra: dict[str, Any] = raw_extra if isinstance(raw_extra, dict) else {}
    text, tags = _bodies(entry)
    default_kind = "question" if entry.get("motivation") == "questioning" else DEFAULT_NOTE_KIND
    target = entry.get("target")
    selectors = _selectors(target)
    quote = selectors.get("TextQuoteSelector", {})
    start = selectors.get("TextPositionSelector", {}).get("start")
    try:
        note = NoteInput(
            text,
            extra.get("kind") or default_kind,
            extra.get("priority") or DEFAULT_NOTE_PRIORITY,
            tags,
            _text(extra.get("ask_at")) or None,
        )
        status = choice("status", extra.get("status") or DEFAULT_NOTE_STATUS, NOTE_STATUSES)
        target_kind = choice("target kind", extra.get("target_kind") or PASSAGE, NOTE_TARGET_KINDS)
    except (ValueError, AttributeError, TypeError) as exc:
        raise _Malformed(str(exc)) from exc
    return _Imported(
        uuid, note, status, target_kind, _text(extra.get("target_uid")) or None,
        _document(target, extra),
        _text(quote.get("exact")), _text(quote.get("prefix")), _text(quote.get("suffix")),
        start if isinstance(start, int) and not isinstance(start, bool) else None,
        _time(entry.get("created"), now), _time(entry.get("modified"), now),
    )  # fmt: skip


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


def _anchor(conn: Connection, item: _Imported, here: LocalDocument | None) -> Anchor:
    """An imported note's anchor: its words found in the document here, or detached."""
    span = None
    if here is not None:
        span = locate(here.text, item.exact, item.prefix, item.suffix, item.start)
    if here is None or span is None:
        key = here.key if here is not None else item.document.key
        return Anchor(
            key, item.target_kind, item.target_uid, item.exact, item.prefix, item.suffix,
            None, None, "detached",
        )  # fmt: skip
    words = quote_at(here.text, *span)
    holder = DocumentRecords(conn, here.key).holding(item.target_kind, *span)
    return Anchor(
        here.key, item.target_kind, holder or item.target_uid, words.exact, words.prefix,
        words.suffix, words.start, words.end, "attached",
    )  # fmt: skip


def _store_entry(conn: Connection, item: _Imported) -> str:
    """Add or update one note; returns "added", "updated", "skipped" or "newer" (the note
    here was edited after the imported copy, so it is kept)."""
    row = note_rows.stored_note(conn, item.uuid)
    here = local_document(conn, item.document)
    key = here.key if here is not None else item.document.key
    content = item.note.content()
    if row is not None and not row.deleted:
        same_place = (row.document_key, row.target_kind) == (key, item.target_kind)
        if same_place and (row.content, row.status) == (content, item.status):
            return "skipped"
        if row.updated_at > item.modified:
            return "newer"
    anchor = _anchor(conn, item, here)
    if row is None:
        note_rows.insert_note(
            conn, item.uuid, content, anchor, item.status, item.created, item.modified
        )
        return "added"
    note_rows.replace_note(conn, item.uuid, content, anchor, item.status, item.modified)
    return "updated"


def import_notes(store: Store, data: Any) -> ImportReport:
    """Add or update notes from W3C Web Annotation JSON (as :func:`export_notes` writes).

    Idempotent by id: a note already here unchanged is skipped. Each note is anchored by its
    quote in the current text of its document here (see the module doc), or kept detached.
    Entries that cannot be read are listed in ``problems``; the rest are imported.
    """
    report = ImportReport()
    try:
        entries = _entries(data)
    except _Malformed as exc:
        report.problems.append(f"nothing imported: {exc}")
        return report
    now = now_utc()
    seen: set[str] = set()
    with store.write() as conn:
        for number, entry in enumerate(entries, 1):
            try:
                item = _read_entry(entry, now)
            except _Malformed as exc:
                report.problems.append(f"entry {number} skipped: {exc}")
                continue
            if item.uuid in seen:
                report.problems.append(f"entry {number} skipped: id repeats an earlier entry")
                continue
            seen.add(item.uuid)
            outcome = _store_entry(conn, item)
            if outcome == "newer":
                report.problems.append(
                    f"entry {number} skipped: the note here was edited after it was exported"
                )
                outcome = "skipped"
            setattr(report, outcome, getattr(report, outcome) + 1)
    return report
