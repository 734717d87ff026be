"""SQL for documents: what is stored, where each was last read, and how it is recognised.

A document is recognised by its path (the fast case: an unchanged archive is a ``stat()``
per file), by its content (sha256: a moved folder, a copy under another name), and by its
logical source (``relpath``, the path inside the folder it was imported from: a moved file
that was also edited). Its ``key`` never changes once given; record uids are built on it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, overload

from scrutiny_tui.store.db import is_postgres
from scrutiny_tui.store.values import db_time

#: Keys given to documents first stored by this version: their content's hash at that time,
#: so two members who import copies of the same files get the same keys (and record uids).
KEY_PREFIX = "doc:"
KEY_DIGITS = 20


_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")


@overload
def storable_path(path: str) -> str: ...
@overload
def storable_path(path: None) -> None: ...
def storable_path(path: str | None) -> str | None:
    """A path as the store keeps it. Text that SQLite can hold is kept as it is; a name
    holding bytes that are not UTF-8 (which Python reads as lone surrogates, and SQLite
    refuses) has each such byte written as ``\\xNN``, as ``safe_text`` shows it."""
    if path is None:
        return None
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def filesystem_path(stored: str) -> str:
    """The path on disk of a stored path (the reverse of :func:`storable_path`)."""
    if "\\x" not in stored or os.path.lexists(stored):
        return stored
    return _ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), stored)


@dataclass(frozen=True, slots=True)
class KnownDocument:
    id: int
    sha256: str
    size: int | None = None
    mtime_ns: int | None = None
    key: str = ""
    relpath: str | None = None
    missing: bool = False
    same_as: int | None = None
    path: str = ""
    parsed_with: str | None = None  # the stamp of the reading that made its records


_KNOWN = (
    "SELECT id, sha256, size, mtime_ns, key, relpath, missing_since IS NOT NULL, same_as, path,"
    " parsed_with FROM document"
)
# SQLite's planner, which cannot tell how long each document's text is, scanned the table
# rather than this index, and so read every document's text: the columns read are stored
# after it in the row. At a million agenda items that was 5 GB, and most of a re-ingest's
# 104 s; along the index, which holds every column read, 0.9 s.
_KNOWN_SQLITE = _KNOWN + " INDEXED BY ix_document_known"


def _known_sql(conn: sqlite3.Connection) -> str:
    return _KNOWN if is_postgres(conn) else _KNOWN_SQLITE


def _known(row: tuple[Any, ...]) -> KnownDocument:
    doc_id, sha256, size, mtime_ns, key, relpath, missing, same_as, path, parsed_with = row
    return KnownDocument(
        doc_id, sha256, size, mtime_ns, key, relpath, bool(missing), same_as, path, parsed_with
    )


def known_documents(conn: sqlite3.Connection) -> dict[str, KnownDocument]:
    """Every stored document by path, to decide what is new, changed, moved or unchanged."""
    return {row[8]: _known(row) for row in conn.execute(_known_sql(conn))}


def known_document(conn: sqlite3.Connection, path: str) -> KnownDocument | None:
    """The stored document at ``path`` (one lookup, not the whole archive)."""
    row = conn.execute(_known_sql(conn) + " WHERE path = ?", (storable_path(path),)).fetchone()
    return _known(row) if row else None


def set_parsed_with(conn: sqlite3.Connection, doc_id: int, stamp: str) -> None:
    """Record which reading made the document's records (see migration 0011)."""
    conn.execute("UPDATE document SET parsed_with = ? WHERE id = ?", (stamp, doc_id))


def document_key(conn: sqlite3.Connection, doc_id: int) -> str:
    row = conn.execute("SELECT key FROM document WHERE id = ?", (doc_id,)).fetchone()
    return str(row[0]) if row else ""


def touch_document(
    conn: sqlite3.Connection, doc_id: int, size: int, mtime_ns: int, relpath: str | None
) -> None:
    """Remember a file's new stat() when its bytes turned out unchanged; it is not missing."""
    conn.execute(
        "UPDATE document SET size = ?, mtime_ns = ?, relpath = coalesce(?, relpath),"
        " missing_since = NULL WHERE id = ?",
        (size, mtime_ns, storable_path(relpath), doc_id),
    )


def move_document(
    conn: sqlite3.Connection,
    doc_id: int,
    path: str,
    relpath: str | None,
    size: int,
    mtime_ns: int | None,
) -> None:
    """The same bytes found at a new path (the folder moved): the document follows them."""
    conn.execute(
        "UPDATE document SET path = ?, relpath = ?, size = ?, mtime_ns = ?,"
        " missing_since = NULL WHERE id = ?",
        (storable_path(path), storable_path(relpath), size, mtime_ns, doc_id),
    )


def free_key(conn: sqlite3.Connection, sha256: str) -> str:
    """The key for a document first stored now: its content hash, made unique if a document
    that once held the same bytes has it already."""
    base = f"{KEY_PREFIX}{sha256[:KEY_DIGITS]}"
    key, n = base, 1
    while conn.execute("SELECT 1 FROM document WHERE key = ?", (key,)).fetchone():
        n += 1
        key = f"{base}~{n}"
    return key


def add_copy(
    conn: sqlite3.Connection,
    holder_id: int,
    path: str,
    relpath: str | None,
    size: int,
    mtime_ns: int | None,
    ingested_at: datetime,
) -> int:
    """A further copy of a stored document's bytes (another name or folder): a source of the
    same minutes, holding no records of its own. Returns its id."""
    holder = conn.execute(
        "SELECT coalesce(same_as, id), sha256, format FROM document WHERE id = ?", (holder_id,)
    ).fetchone()
    primary, sha256, fmt = holder
    cursor = conn.execute(
        "INSERT INTO document (path, key, relpath, sha256, format, size, mtime_ns, text,"
        " warnings, ingested_at, same_as) VALUES (?, ?, ?, ?, ?, ?, ?, '', '[]', ?, ?)"
        " RETURNING id",
        (storable_path(path), free_key(conn, sha256), storable_path(relpath), sha256, fmt, size,
         mtime_ns, db_time(ingested_at), primary),
    )  # fmt: skip
    return int(cursor.fetchone()[0])


def set_same_as(conn: sqlite3.Connection, doc_id: int, holder_id: int) -> None:
    """``doc_id`` holds the same meeting as ``holder_id`` (another format or a copy)."""
    conn.execute(
        "UPDATE document SET same_as = (SELECT coalesce(same_as, id) FROM document WHERE id = ?)"
        " WHERE id = ?",
        (holder_id, doc_id),
    )


def mark_missing(conn: sqlite3.Connection, doc_ids: Iterable[int], since: datetime) -> int:
    """Files that have gone: marked (never deleted, nor their records or notes)."""
    cursor = conn.executemany(
        "UPDATE document SET missing_since = ? WHERE id = ? AND missing_since IS NULL",
        [(db_time(since), doc_id) for doc_id in doc_ids],
    )
    return cursor.rowcount


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """One file (or site address) a meeting's minutes were read from."""

    document_id: int
    path: str
    relpath: str | None
    format: str
    missing: bool
    primary: bool  # the document the meeting's records were read from


def sources_of_meeting(conn: sqlite3.Connection, meeting_id: int) -> list[DocumentSource]:
    """The documents a meeting was read from: the one holding it, then its copies and other
    formats, in path order."""
    rows = conn.execute(
        "SELECT d.id, d.path, d.relpath, d.format, d.missing_since IS NOT NULL,"
        " d.id = m.document_id FROM meeting m JOIN document d"
        " ON d.id = m.document_id OR d.same_as = m.document_id"
        " WHERE m.id = ? ORDER BY d.id <> m.document_id, d.path",
        (meeting_id,),
    ).fetchall()
    return [DocumentSource(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5])) for r in rows]


def document_count(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(documents, holding a meeting, missing)."""
    row = conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE same_as IS NULL),"
        " count(*) FILTER (WHERE missing_since IS NOT NULL) FROM document"
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])
