"""SQL for the member's notes (the ``annotation`` table).

Plain functions on the caller's sqlite3 connection, run inside ``store.read()`` or
``store.write()``; they return frozen dataclasses and tuples. What a note may say, and how
its words are found again, is decided in ``services.notes`` and ``services.anchoring``.

A note is kept on its document by the document's ``key`` (``annotation.document_key``) and
on a record by the record's uid.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scrutiny_tui.store.db import member_name
from scrutiny_tui.store.values import db_time, read_time


@dataclass(frozen=True, slots=True)
class NoteView:
    """A live note as the member sees it, with where it sits now."""

    uuid: str
    body: str
    kind: str
    priority: str
    tags: tuple[str, ...]
    status: str
    ask_at: str | None
    anchor_state: str  # attached | detached
    quote: str
    target_kind: str
    target_uid: str | None
    item_id: int | None  # the agenda item the note sits in now; None when detached
    item_title: str | None
    committee: str | None
    date: str | None
    document_key: str | None
    created_at: datetime
    updated_at: datetime
    conflict_of: str | None = None  # an imported copy that differs from this note of yours
    owner: str | None = None  # the member whose note it is
    visibility: str = "private"  # private (its owner only) | team
    mine: bool = True  # written by the member reading it (or by nobody named)


@dataclass(frozen=True, slots=True)
class NoteContent:
    """What a note says (checked by the service before it gets here)."""

    body: str
    kind: str
    priority: str
    tags: tuple[str, ...]
    ask_at: str | None
    visibility: str = "private"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note is: its document, its record, and the words it quotes there."""

    document_key: str | None
    target_kind: str
    target_uid: str | None
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    state: str  # attached | detached


@dataclass(frozen=True, slots=True)
class TargetText:
    """A record's document (key and text) and the record's span in that text."""

    document_key: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AnchoredNote:
    """A note on one document, as re-anchoring reads it (deleted notes included)."""

    id: int
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    target_kind: str
    target_uid: str | None
    state: str
    live: bool  # not deleted


@dataclass(frozen=True, slots=True)
class DocumentIdentity:
    """How a document is recognised in another store: its key, content and source."""

    key: str | None
    sha256: str | None
    relpath: str | None
    path: str | None


@dataclass(frozen=True, slots=True)
class LocalDocument:
    key: str
    text: str


@dataclass(frozen=True, slots=True)
class ExportedNote:
    uuid: str
    content: NoteContent
    status: str
    anchor: Anchor
    created_at: datetime
    updated_at: datetime
    document: DocumentIdentity
    conflict_of: str | None = None


@dataclass(frozen=True, slots=True)
class StoredNote:
    """A note as import compares it with an incoming copy (deleted notes included)."""

    content: NoteContent
    status: str
    document_key: str | None
    target_kind: str
    updated_at: datetime
    deleted: bool


def tags_of(value: str | None) -> tuple[str, ...]:
    """The tags column (a JSON list) as a tuple; anything unreadable as no tags."""
    try:
        loaded = json.loads(value or "[]")
    except json.JSONDecodeError:
        return ()
    return tuple(str(t) for t in loaded) if isinstance(loaded, list) else ()


def _tags_json(tags: Sequence[str]) -> str:
    return json.dumps(list(tags), ensure_ascii=False)


def _time(value: Any) -> datetime:
    when = read_time(value)
    if when is None:
        raise ValueError("a note's timestamp is empty")
    return when


# ---- reading notes --------------------------------------------------------------------

# The item an attached note sits in: its record's item, or (a passage whose item was
# renumbered) the narrowest item whose span holds the note's start. Each kind is looked up
# in its own table by uid: the ``record`` view cannot take a uid from the outer query into
# its UNION, so SQLite would build the whole view again for every note.
_ITEM_OF_TARGET = """CASE a.target_kind
    WHEN 'resolution' THEN (SELECT item_id FROM resolution WHERE uid = a.target_uid LIMIT 1)
    WHEN 'recommendation' THEN (SELECT item_id FROM recommendation WHERE uid = a.target_uid LIMIT 1)
    WHEN 'action' THEN (SELECT item_id FROM action WHERE uid = a.target_uid LIMIT 1)
    ELSE (SELECT id FROM agenda_item WHERE uid = a.target_uid LIMIT 1) END"""

_ITEM_OF_SPAN = """(SELECT ai.id FROM agenda_item ai JOIN document d ON d.id = ai.document_id
    WHERE d.key = a.document_key AND ai.span_start <= a.span_start
      AND a.span_start < ai.span_end
    ORDER BY ai.span_end - ai.span_start LIMIT 1)"""

_NOTES = f"""
WITH n AS (
    SELECT a.*, CASE WHEN a.anchor_state = 'attached'
                THEN coalesce({_ITEM_OF_TARGET}, {_ITEM_OF_SPAN}) END AS item_id
    FROM annotation a WHERE {{where}}
)
SELECT n.uuid, n.body, n.kind, n.priority, n.tags, n.status, n.ask_at, n.anchor_state,
       n.quote_exact, n.target_kind, n.target_uid, n.item_id, ai.title, m.committee, m.date,
       n.document_key, n.created_at, n.updated_at, n.conflict_of, n.owner, n.visibility
FROM n
LEFT JOIN agenda_item ai ON ai.id = n.item_id
LEFT JOIN meeting m ON m.id = coalesce(ai.meeting_id,
    (SELECT m2.id FROM meeting m2 JOIN document d2 ON d2.id = m2.document_id
     WHERE d2.key = n.document_key LIMIT 1))
WHERE {{outer}}
ORDER BY n.status = 'resolved', CASE n.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1
         ELSE 2 END, n.created_at DESC, n.id DESC
"""

_HAS_TAG = (
    "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(a.tags) THEN a.tags ELSE '[]' END)"
    " WHERE lower(value) = lower(:tag))"
)


def _view(row: Sequence[Any], me: str) -> NoteView:
    values = list(row)
    values[4] = tags_of(values[4])
    values[16] = _time(values[16])
    values[17] = _time(values[17])
    values.append(values[19] is None or values[19] == me)  # mine: its owner is the member
    return NoteView(*values)


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _select(
    conn: sqlite3.Connection, where: list[str], outer: str, params: dict[str, Any]
) -> list[NoteView]:
    query = _NOTES.format(where=" AND ".join(where), outer=outer)
    me = member_name(conn)
    return [_view(row, me) for row in conn.execute(query, params)]


def note_by_uuid(conn: sqlite3.Connection, uuid: str) -> NoteView | None:
    """The live note with this uuid, or None."""
    found = _select(conn, ["a.uuid = :uuid", "a.deleted_at IS NULL"], "TRUE", {"uuid": uuid})
    return found[0] if found else None


def live_notes(
    conn: sqlite3.Connection,
    *,
    tag: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    committee_part: str | None = None,
    attached_only: bool = False,
) -> list[NoteView]:
    """Live notes, open before resolved, high priority first, newest first.

    ``tag`` matches a whole tag (case-insensitive), ``kind`` and ``status`` exactly, and
    ``committee_part`` any part of the committee's name (case-insensitive; ``%`` and ``_``
    are taken literally).
    """
    where, params = ["a.deleted_at IS NULL"], {}
    if tag is not None:
        where.append(_HAS_TAG)
        params["tag"] = tag
    if kind is not None:
        where.append("a.kind = :kind")
        params["kind"] = kind
    if status is not None:
        where.append("a.status = :status")
        params["status"] = status
    if attached_only:
        where.append("a.anchor_state = 'attached'")
    outer = "TRUE"
    if committee_part is not None:
        outer = "lower(m.committee) LIKE :committee ESCAPE '\\'"
        params["committee"] = f"%{_like(committee_part.lower())}%"
    return _select(conn, where, outer, params)


def live_uuids_starting(conn: sqlite3.Connection, prefix: str, limit: int = 2) -> list[str]:
    """Up to ``limit`` uuids of live notes that start with ``prefix``."""
    rows = conn.execute(
        "SELECT uuid FROM annotation WHERE deleted_at IS NULL AND substr(uuid, 1, ?) = ? LIMIT ?",
        (len(prefix), prefix, limit),
    )
    return [str(uuid) for (uuid,) in rows]


# ---- a record's words -----------------------------------------------------------------

_SPAN_OF_RECORD = {
    "item": "SELECT d.key, unpacked(d.text), ai.span_start, ai.span_end FROM agenda_item ai"
    " JOIN document d ON d.id = ai.document_id WHERE ai.uid = ? LIMIT 1",
    "resolution": "SELECT d.key, unpacked(d.text), r.span_start, r.span_end FROM resolution r"
    " JOIN agenda_item ai ON ai.id = r.item_id JOIN document d ON d.id = ai.document_id"
    " WHERE r.uid = ? LIMIT 1",
    "recommendation": "SELECT d.key, unpacked(d.text), r.span_start, r.span_end"
    " FROM recommendation r"
    " JOIN agenda_item ai ON ai.id = r.item_id JOIN document d ON d.id = ai.document_id"
    " WHERE r.uid = ? LIMIT 1",
    "action": "SELECT d.key, unpacked(d.text), r.span_start, r.span_end FROM action r"
    " JOIN agenda_item ai ON ai.id = r.item_id JOIN document d ON d.id = ai.document_id"
    " WHERE r.uid = ? LIMIT 1",
}

_SPANS_IN_DOCUMENT = {
    "item": "SELECT ai.uid, ai.span_start, ai.span_end FROM agenda_item ai"
    " JOIN document d ON d.id = ai.document_id WHERE d.key = ?",
    "resolution": "SELECT r.uid, r.span_start, r.span_end FROM resolution r"
    " JOIN agenda_item ai ON ai.id = r.item_id JOIN document d ON d.id = ai.document_id"
    " WHERE d.key = ?",
    "recommendation": "SELECT r.uid, r.span_start, r.span_end FROM recommendation r"
    " JOIN agenda_item ai ON ai.id = r.item_id JOIN document d ON d.id = ai.document_id"
    " WHERE d.key = ?",
    "action": "SELECT r.uid, r.span_start, r.span_end FROM action r"
    " JOIN agenda_item ai ON ai.id = r.item_id JOIN document d ON d.id = ai.document_id"
    " WHERE d.key = ?",
}


def _record_kind(target_kind: str) -> str:
    """The table a note's target is in: a passage (or anything else) is on its item."""
    return target_kind if target_kind in _SPAN_OF_RECORD else "item"


def target_text(conn: sqlite3.Connection, target_kind: str, uid: str) -> TargetText | None:
    """The document and span of the record ``uid`` of this kind, or None."""
    row = conn.execute(_SPAN_OF_RECORD[_record_kind(target_kind)], (uid,)).fetchone()
    return None if row is None else TargetText(*row)


def record_spans(
    conn: sqlite3.Connection, document_key: str, target_kind: str
) -> list[tuple[str, int, int]]:
    """(uid, start, end) of every record of this kind in the document."""
    rows = conn.execute(_SPANS_IN_DOCUMENT[_record_kind(target_kind)], (document_key,))
    return [(str(uid), int(start), int(end)) for uid, start, end in rows]


# ---- writing notes --------------------------------------------------------------------

_INSERT = """INSERT INTO annotation (uuid, target_kind, target_uid, document_key, quote_exact,
    quote_prefix, quote_suffix, span_start, span_end, anchor_state, body, kind, priority, tags,
    status, ask_at, created_at, updated_at, deleted_at, conflict_of, owner, visibility)
VALUES (:uuid, :target_kind, :target_uid, :document_key, :exact, :prefix, :suffix, :start,
    :end, :state, :body, :kind, :priority, :tags, :status, :ask_at, :created, :updated, NULL,
    :conflict_of, :owner, :visibility)"""

_REPLACE = """UPDATE annotation SET target_kind = :target_kind, target_uid = :target_uid,
    document_key = :document_key, quote_exact = :exact, quote_prefix = :prefix,
    quote_suffix = :suffix, span_start = :start, span_end = :end, anchor_state = :state,
    body = :body, kind = :kind, priority = :priority, tags = :tags, status = :status,
    ask_at = :ask_at, visibility = :visibility, updated_at = :updated, deleted_at = NULL
WHERE uuid = :uuid"""


def _note_params(
    uuid: str, content: NoteContent, anchor: Anchor, status: str, updated_at: datetime
) -> dict[str, Any]:
    return {
        "uuid": uuid,
        "target_kind": anchor.target_kind,
        "target_uid": anchor.target_uid,
        "document_key": anchor.document_key,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "start": anchor.start,
        "end": anchor.end,
        "state": anchor.state,
        "body": content.body,
        "kind": content.kind,
        "priority": content.priority,
        "tags": _tags_json(content.tags),
        "status": status,
        "ask_at": content.ask_at,
        "visibility": content.visibility,
        "updated": db_time(updated_at),
    }


def insert_note(
    conn: sqlite3.Connection,
    uuid: str,
    content: NoteContent,
    anchor: Anchor,
    status: str,
    created_at: datetime,
    updated_at: datetime,
    conflict_of: str | None = None,
) -> None:
    """Add a note; ``conflict_of``: it is an imported copy of that note, kept apart."""
    params = _note_params(uuid, content, anchor, status, updated_at)
    conn.execute(
        _INSERT,
        {
            **params,
            "created": db_time(created_at),
            "conflict_of": conflict_of,
            "owner": member_name(conn),
        },
    )


def replace_note(
    conn: sqlite3.Connection,
    uuid: str,
    content: NoteContent,
    anchor: Anchor,
    status: str,
    updated_at: datetime,
) -> None:
    """Overwrite a note (deleted or not) with another copy of it; it is live afterwards."""
    conn.execute(_REPLACE, _note_params(uuid, content, anchor, status, updated_at))


def update_content(
    conn: sqlite3.Connection, uuid: str, content: NoteContent, now: datetime
) -> bool:
    """Replace what a live note says (which settles a conflict it was marked with); False
    when there is no such note."""
    cursor = conn.execute(
        "UPDATE annotation SET body = ?, kind = ?, priority = ?, tags = ?, ask_at = ?,"
        " visibility = ?, updated_at = ?, conflict_of = NULL"
        " WHERE uuid = ? AND deleted_at IS NULL",
        (
            content.body,
            content.kind,
            content.priority,
            _tags_json(content.tags),
            content.ask_at,
            content.visibility,
            db_time(now),
            uuid,
        ),
    )
    return cursor.rowcount > 0


def update_status(conn: sqlite3.Connection, uuid: str, status: str, now: datetime) -> bool:
    """Set a live note's status; False when there is no such note."""
    cursor = conn.execute(
        "UPDATE annotation SET status = ?, updated_at = ? WHERE uuid = ? AND deleted_at IS NULL",
        (status, db_time(now), uuid),
    )
    return cursor.rowcount > 0


def mark_deleted(conn: sqlite3.Connection, uuid: str, now: datetime) -> bool:
    """Delete a live note, keeping its row for an undo; False when there is no such note."""
    cursor = conn.execute(
        "UPDATE annotation SET deleted_at = ? WHERE uuid = ? AND deleted_at IS NULL",
        (db_time(now), uuid),
    )
    return cursor.rowcount > 0


def last_deleted(conn: sqlite3.Connection, owner: str | None = None) -> str | None:
    """The uuid of the most recently deleted note (of ``owner``'s, when given), or None."""
    mine = " AND owner = :owner" if owner is not None else ""
    row = conn.execute(
        "SELECT uuid FROM annotation WHERE deleted_at IS NOT NULL"
        + mine
        + " ORDER BY deleted_at DESC, id DESC LIMIT 1",
        {"owner": owner},
    ).fetchone()
    return None if row is None else str(row[0])


def undelete(conn: sqlite3.Connection, uuid: str) -> None:
    conn.execute("UPDATE annotation SET deleted_at = NULL WHERE uuid = ?", (uuid,))


# ---- re-anchoring ---------------------------------------------------------------------


def documents_read_again_since_noted(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(key, text) of each document read again since a note of this member's on it was
    written or edited: on a team store, another member's ingest could not find the member's
    private notes again (it cannot see them), so the member's own app does."""
    rows = conn.execute(
        "SELECT DISTINCT d.key, unpacked(d.text) FROM annotation a"
        " JOIN document d ON d.key = a.document_key"
        " WHERE a.owner = :me AND d.ingested_at > a.updated_at",
        {"me": member_name(conn)},
    )
    return [(str(key), str(text)) for key, text in rows]


def notes_on_document(conn: sqlite3.Connection, document_key: str) -> list[AnchoredNote]:
    """Every note on the document, deleted ones too, oldest first."""
    rows = conn.execute(
        "SELECT id, quote_exact, quote_prefix, quote_suffix, span_start, span_end, target_kind,"
        " target_uid, anchor_state, deleted_at IS NULL FROM annotation"
        " WHERE document_key = ? ORDER BY id",
        (document_key,),
    )
    return [
        AnchoredNote(
            id=row[0],
            exact=row[1],
            prefix=row[2],
            suffix=row[3],
            start=row[4],
            end=row[5],
            target_kind=row[6],
            target_uid=row[7],
            state=row[8],
            live=bool(row[9]),
        )
        for row in rows
    ]


def mark_detached(conn: sqlite3.Connection, note_id: int) -> None:
    conn.execute("UPDATE annotation SET anchor_state = 'detached' WHERE id = ?", (note_id,))


def reattach(
    conn: sqlite3.Connection,
    note_id: int,
    exact: str,
    prefix: str,
    suffix: str,
    span: tuple[int, int],
    target_uid: str | None,
) -> None:
    """Point a note at its words' new place and the record that holds them."""
    conn.execute(
        "UPDATE annotation SET span_start = ?, span_end = ?, quote_exact = ?, quote_prefix = ?,"
        " quote_suffix = ?, target_uid = ?, anchor_state = 'attached' WHERE id = ?",
        (span[0], span[1], exact, prefix, suffix, target_uid, note_id),
    )


# ---- export and import ----------------------------------------------------------------


class RowRejected(ValueError):
    """One imported note could not be written, for what it holds (not a fault of the
    store): it is left out and the rest of the import goes on."""


# What writing one note can fail with because of its values: a constraint, a string SQLite
# cannot take (a lone surrogate), a number or date out of range.
_ROW_ERRORS = (
    sqlite3.IntegrityError,
    sqlite3.DataError,
    sqlite3.InterfaceError,
    ValueError,
    OverflowError,
)


@contextmanager
def one_note(conn: sqlite3.Connection) -> Iterator[None]:
    """Write one imported note as a unit inside the import's transaction: if its values
    cannot be stored, what it wrote is undone and :class:`RowRejected` says why."""
    conn.execute("SAVEPOINT one_note")
    try:
        yield
    except _ROW_ERRORS as exc:
        conn.execute("ROLLBACK TO one_note")
        conn.execute("RELEASE one_note")
        raise RowRejected(str(exc) or type(exc).__name__) from exc
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK TO one_note")
                conn.execute("RELEASE one_note")
        raise
    conn.execute("RELEASE one_note")


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` says another connection held the write lock past the busy timeout."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


_EXPORT = """SELECT a.uuid, a.body, a.kind, a.priority, a.tags, a.ask_at, a.status,
       a.document_key, a.target_kind, a.target_uid, a.quote_exact, a.quote_prefix,
       a.quote_suffix, a.span_start, a.span_end, a.anchor_state, a.created_at, a.updated_at,
       d.sha256, d.relpath, d.path, a.conflict_of, a.visibility
FROM annotation a LEFT JOIN document d ON d.key = a.document_key
WHERE a.deleted_at IS NULL AND (a.owner IS NULL OR a.owner = :me)
ORDER BY a.created_at, a.id"""


def exportable_notes(conn: sqlite3.Connection) -> list[ExportedNote]:
    """Every live note of the member's own (not another member's team note, which an import
    elsewhere would make theirs), oldest first, with how its document is recognised
    elsewhere."""
    found = []
    for row in conn.execute(_EXPORT, {"me": member_name(conn)}):
        content = NoteContent(row[1], row[2], row[3], tags_of(row[4]), row[5], row[22])
        anchor = Anchor(*row[7:16])
        document = DocumentIdentity(row[7], row[18], row[19], row[20])
        found.append(
            ExportedNote(
                row[0], content, row[6], anchor, _time(row[16]), _time(row[17]), document, row[21]
            )
        )
    return found


def document_identity(conn: sqlite3.Connection, key: str | None) -> DocumentIdentity:
    """How the document ``key`` is recognised in another store."""
    row = conn.execute("SELECT sha256, relpath, path FROM document WHERE key = ?", (key,))
    found = row.fetchone() or (None, None, None)
    return DocumentIdentity(key, found[0], found[1], found[2])


def stored_note(conn: sqlite3.Connection, uuid: str) -> StoredNote | None:
    """The note with this uuid, deleted or not, or None."""
    row = conn.execute(
        "SELECT body, kind, priority, tags, ask_at, status, document_key, target_kind,"
        " updated_at, deleted_at IS NOT NULL, visibility FROM annotation WHERE uuid = ?",
        (uuid,),
    ).fetchone()
    if row is None:
        return None
    content = NoteContent(row[0], row[1], row[2], tags_of(row[3]), row[4], row[10])
    return StoredNote(content, row[5], row[6], row[7], _time(row[8]), bool(row[9]))


# Of several documents that match, the one holding its meeting (not a further copy of the
# same minutes), then one still present, then the oldest.
_PREFERRED = " ORDER BY same_as IS NOT NULL, missing_since IS NOT NULL, id LIMIT 1"


def _document(
    conn: sqlite3.Connection, where: str, params: tuple[Any, ...]
) -> LocalDocument | None:
    row = conn.execute(
        "SELECT key, unpacked(text) FROM document WHERE " + where + _PREFERRED, params
    )
    found = row.fetchone()
    return None if found is None else LocalDocument(str(found[0]), str(found[1]))


def document_by_key(conn: sqlite3.Connection, key: str) -> LocalDocument | None:
    return _document(conn, "key = ?", (key,))


def document_by_sha256(conn: sqlite3.Connection, sha256: str) -> LocalDocument | None:
    return _document(conn, "sha256 = ?", (sha256,))


def document_by_relpath(conn: sqlite3.Connection, relpath: str) -> LocalDocument | None:
    return _document(conn, "relpath = ?", (relpath,))


def document_by_file_name(conn: sqlite3.Connection, name: str) -> LocalDocument | None:
    """A document whose path is ``name`` or ends with it as its last part."""
    return _document(
        conn,
        "(path = ? OR substr(path, -length(?) - 1) IN ('/' || ?, '\\' || ?))",
        (name, name, name, name),
    )
