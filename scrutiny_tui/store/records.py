"""Writing one parsed document into the store, replacing what an earlier ingest wrote.

Runs inside the caller's write transaction on the raw sqlite3 connection (batched
``executemany``: an archive is hundreds of thousands of rows). Only parsed tables are
touched; the member's own tables are keyed by uid and left alone.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from scrutiny_tui.parser.model import Item, ParsedDocument, Person
from scrutiny_tui.store.db import is_postgres
from scrutiny_tui.store.documents import KnownDocument, free_key, storable_path
from scrutiny_tui.store.packed_text import PACKED_COLUMNS
from scrutiny_tui.store.uids import UidMaker

#: (person id, meeting id, item id or None for the whole meeting, kind, role)
AttendanceRow = tuple[int, int, int | None, str, str | None]


@dataclass(slots=True)
class DocumentFacts:
    """What the store keeps about the file itself."""

    path: str
    sha256: str
    format: str
    size: int
    mtime_ns: int | None = None
    relpath: str | None = None  # the path inside the folder it was imported from
    key: str | None = None  # given by the caller (a synced meeting's address), else made


@dataclass(slots=True)
class WriteCounts:
    items: int = 0
    resolutions: int = 0
    recommendations: int = 0
    actions: int = 0

    def add(self, other: WriteCounts) -> None:
        self.items += other.items
        self.resolutions += other.resolutions
        self.recommendations += other.recommendations
        self.actions += other.actions


def has_notes(conn: sqlite3.Connection, document_key: str) -> bool:
    """Whether any note is anchored in the document (deleted ones included: undo)."""
    found = conn.execute(
        "SELECT 1 FROM annotation WHERE document_key = ? LIMIT 1", (document_key,)
    ).fetchone()
    return found is not None


def record_texts(conn: sqlite3.Connection, document_id: int) -> dict[str, tuple[str, str, str]]:
    """uid -> (kind, item uid, text) for the tracked records of a document."""
    found: dict[str, tuple[str, str, str]] = {}
    for kind in ("resolution", "recommendation", "action"):
        rows = conn.execute(
            f"SELECT r.uid, i.uid, r.text FROM {kind} r JOIN agenda_item i ON i.id = r.item_id"
            " WHERE i.document_id = ?",
            (document_id,),
        )
        for uid, item_uid, text in rows:
            found[uid] = (kind, item_uid, text)
    return found


class EntryIds:
    """Row ids for the items and records of one document, drawn from one rising sequence.

    On the single file, each of these rows is indexed for search under rowid = id * 8 + kind
    (migration 0012). FTS5 writes its pending words out as a new segment whenever a rowid
    arrives that is not above the last one, so ids taken from four tables' own sequences
    (an item, then its resolutions, then a recommendation with a smaller id...) made a
    segment of almost every item, and indexing cost several times the tokenising. Ids
    above every existing one, handed out in the order the rows are written, keep the
    rowids rising. A team store indexes with a tsvector column and keeps its own sequences
    (``next`` gives None: the database numbers the row)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.following: int | None = None
        if not is_postgres(conn):
            # (max() of several values is NULL when any is: an empty table counts as 0)
            row = conn.execute(
                "SELECT max(coalesce((SELECT max(id) FROM agenda_item), 0),"
                " coalesce((SELECT max(id) FROM resolution), 0),"
                " coalesce((SELECT max(id) FROM recommendation), 0),"
                " coalesce((SELECT max(id) FROM action), 0))"
            ).fetchone()
            self.following = int(row[0]) + 1

    def next(self) -> int | None:
        given = self.following
        if given is not None:
            self.following = given + 1
        return given


class PendingIndex:
    """Items written in a transaction and not yet indexed for search, indexed together.

    One statement for a batch's items costs about half as much as one per document. The
    index must hold an entry before anything deletes its row (a contentless index forgets an
    entry only when given its words), so ``flush`` is called before anything in the batch
    may delete records: a document replaced, a meeting merged into another."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.first: int | None = None
        self.last = 0

    def add(self, first_item: int, last_item: int) -> None:
        self.first = first_item if self.first is None else min(self.first, first_item)
        self.last = max(self.last, last_item)

    def flush(self) -> None:
        if self.first is not None:
            index_items(self.conn, self.first, self.last)
            self.first, self.last = None, 0


class PeopleCache:
    """Person rows by (name, honorific), shared across the documents of one ingest."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.ids: dict[tuple[str, str | None], int] = {}

    def id_of(self, person: Person) -> int:
        key = (person.name, person.honorific)
        if key not in self.ids:
            row = self.conn.execute(
                "SELECT id FROM person WHERE name = ? AND honorific IS ?", key
            ).fetchone()
            if row is None:
                cursor = self.conn.execute(
                    "INSERT INTO person (name, honorific) VALUES (?, ?) RETURNING id", key
                )
                row = cursor.fetchone()
            self.ids[key] = row[0]
        return self.ids[key]


def write_document(
    conn: sqlite3.Connection,
    facts: DocumentFacts,
    parsed: ParsedDocument,
    ingested_at: datetime,
    people: PeopleCache,
    existing: KnownDocument | None = None,
    item_keys: Sequence[str | None] | None = None,
    unindexed: PendingIndex | None = None,
) -> tuple[int, WriteCounts]:
    """Insert (or replace) one document and its records; returns its id and counts.

    ``item_keys`` (one per item, from a site's own ids) make item uids independent of the
    number and title the minutes print. The items are indexed for search now or, given
    ``unindexed``, left for it to index with the rest of the caller's batch."""
    doc_id, key = _upsert_document(conn, facts, parsed, ingested_at, existing)
    uids = UidMaker(key)
    meeting = parsed.meeting
    # The member's corrections (meeting_edit) win over what was read, every time it is read.
    cursor = conn.execute(
        "INSERT INTO meeting (uid, document_id, council, committee, date, title)"
        " SELECT :uid, :doc, coalesce(e.council, :council), coalesce(e.committee, :committee),"
        " coalesce(e.date, :date), :title"
        " FROM (SELECT 1) AS one LEFT JOIN meeting_edit e ON e.meeting_uid = :uid"
        " RETURNING id",
        {
            "uid": uids.meeting(),
            "doc": doc_id,
            "council": meeting.council,
            "committee": meeting.body,
            "date": meeting.date,
            "title": meeting.title,
        },
    )
    meeting_id = int(cursor.fetchone()[0])
    attendance: list[AttendanceRow] = [
        (people.id_of(person), meeting_id, None, kind, person.role)
        for kind, group in (
            ("present", meeting.present),
            ("apologies", meeting.apologies),
            ("substitute", meeting.substitutes),
            ("attending", meeting.attending),
        )
        for person in group
    ]
    counts = WriteCounts()
    ids = EntryIds(conn)
    first_item: int | None = None
    last_item = 0
    for ordinal, item in enumerate(parsed.items):
        item_key = item_keys[ordinal] if item_keys and ordinal < len(item_keys) else None
        last_item, item_attendance = _write_item(
            conn, uids, ids, doc_id, meeting_id, ordinal, item, people, counts, item_key
        )
        attendance += item_attendance
        first_item = last_item if first_item is None else first_item
    conn.executemany(
        "INSERT INTO attendance (person_id, meeting_id, item_id, kind, role)"
        " VALUES (?, ?, ?, ?, ?)",
        attendance,
    )
    if first_item is not None:
        if unindexed is None:
            index_items(conn, first_item, last_item)
        else:
            unindexed.add(first_item, last_item)
    return doc_id, counts


def _upsert_document(
    conn: sqlite3.Connection,
    facts: DocumentFacts,
    parsed: ParsedDocument,
    ingested_at: datetime,
    existing: KnownDocument | None,
) -> tuple[int, str]:
    """The document row written; returns its id and key (kept when it already had one)."""
    values = (
        facts.sha256,
        facts.format,
        facts.size,
        facts.mtime_ns,
        parsed.text,
        json.dumps(parsed.warnings),
        ingested_at.isoformat(sep=" "),
        storable_path(facts.path),
        storable_path(facts.relpath),
    )
    if existing is None:
        key = facts.key or free_key(conn, facts.sha256)
        cursor = conn.execute(
            "INSERT INTO document (sha256, format, size, mtime_ns, text, warnings, ingested_at,"
            " path, relpath, key) VALUES (?, ?, ?, ?, packed(?), ?, ?, ?, ?, ?) RETURNING id",
            (*values, key),
        )
        return int(cursor.fetchone()[0]), key
    # Meetings cascade to items, and items to everything parsed from them.
    conn.execute("DELETE FROM meeting WHERE document_id = ?", (existing.id,))
    conn.execute(
        "UPDATE document SET sha256 = ?, format = ?, size = ?, mtime_ns = ?, text = packed(?),"
        " warnings = ?, ingested_at = ?, path = ?, relpath = coalesce(?, relpath),"
        " missing_since = NULL, same_as = NULL WHERE id = ?",
        (*values, existing.id),
    )
    key = conn.execute("SELECT key FROM document WHERE id = ?", (existing.id,)).fetchone()[0]
    return existing.id, str(key)


def _write_item(
    conn: sqlite3.Connection,
    uids: UidMaker,
    ids: EntryIds,
    doc_id: int,
    meeting_id: int,
    ordinal: int,
    item: Item,
    people: PeopleCache,
    counts: WriteCounts,
    key: str | None = None,
) -> tuple[int, list[AttendanceRow]]:
    """Write one item and its records; returns the item's id and its attendance rows."""
    item_uid = uids.keyed_item(key) if key else uids.item(item.number, item.title)
    item_row = (
        item_uid,
        meeting_id,
        doc_id,
        ordinal,
        item.number,
        item.title,
        item.text,
        json.dumps(item.report_refs),
        item.span.start,
        item.span.end,
    )
    item_id = _insert(conn, ids, "agenda_item", _ITEM_COLUMNS, [item_row])
    _insert(
        conn,
        ids,
        "resolution",
        _RESOLUTION_COLUMNS,
        [
            (
                uids.record(item_uid, "res", r.label, r.text),
                item_id,
                n,
                r.label,
                r.kind,
                r.text,
                r.span.start,
                r.span.end,
            )
            for n, r in enumerate(item.resolutions)
        ],
    )
    _insert(
        conn,
        ids,
        "recommendation",
        _RECOMMENDATION_COLUMNS,
        [
            (
                uids.record(item_uid, "rec", r.ref, r.text),
                item_id,
                n,
                r.ref,
                r.text,
                r.span.start,
                r.span.end,
            )
            for n, r in enumerate(item.recommendations)
        ],
    )
    _insert(
        conn,
        ids,
        "action",
        _ACTION_COLUMNS,
        [
            (
                uids.record(item_uid, "act", None, a.text),
                item_id,
                n,
                a.text,
                a.due,
                a.body,
                a.span.start,
                a.span.end,
            )
            for n, a in enumerate(item.actions)
        ],
    )
    counts.items += 1
    counts.resolutions += len(item.resolutions)
    counts.recommendations += len(item.recommendations)
    counts.actions += len(item.actions)
    return item_id, [
        (people.id_of(person), meeting_id, item_id, "attendee", person.role)
        for person in item.attendees
    ]


# Every item with an id in a range, and its records, into the single file's search index,
# in rowid order (see EntryIds): the words of a whole document in one statement.
_INDEX_ITEMS = """
INSERT INTO search_words (rowid, title, body)
SELECT entry, title, body FROM (
    SELECT id * 8 + 1 AS entry, title, unpacked(text) AS body FROM agenda_item
    WHERE id BETWEEN :a AND :b
    UNION ALL
    SELECT id * 8 + 2, coalesce(label, ''), text FROM resolution WHERE item_id BETWEEN :a AND :b
    UNION ALL
    SELECT id * 8 + 3, coalesce(ref, ''), text FROM recommendation WHERE item_id BETWEEN :a AND :b
    UNION ALL
    SELECT id * 8 + 4, coalesce(due_to, ''), text FROM action WHERE item_id BETWEEN :a AND :b
) ORDER BY entry
"""


def index_items(conn: sqlite3.Connection, first_item: int, last_item: int) -> None:
    """Index for search the items with ids from ``first_item`` to ``last_item`` and their
    records, which must not be indexed yet (a team store's index follows its tables by
    itself: nothing to do there)."""
    if not is_postgres(conn):
        conn.execute(_INDEX_ITEMS, {"a": first_item, "b": last_item})


_ITEM_COLUMNS = (
    "uid", "meeting_id", "document_id", "ordinal", "number", "title", "text", "report_refs",
    "span_start", "span_end",
)  # fmt: skip
_RESOLUTION_COLUMNS = (
    "uid", "item_id", "ordinal", "label", "kind", "text", "span_start", "span_end",
)  # fmt: skip
_RECOMMENDATION_COLUMNS = (
    "uid", "item_id", "ordinal", "ref", "text", "span_start", "span_end",
)  # fmt: skip
_ACTION_COLUMNS = (
    "uid", "item_id", "ordinal", "text", "due", "due_to", "span_start", "span_end",
)  # fmt: skip


def _insert(
    conn: sqlite3.Connection,
    ids: EntryIds,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
) -> int:
    """Insert ``rows`` (in order, numbered by ``ids`` where it numbers them); returns the id
    of the last row (0 if there were none)."""
    if not rows:
        return 0
    names = ", ".join(columns)
    marks = ", ".join("packed(?)" if (table, c) in PACKED_COLUMNS else "?" for c in columns)
    if ids.following is None:
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING id"
        if len(rows) == 1:
            return int(conn.execute(sql, rows[0]).fetchone()[0])
        conn.executemany(sql.removesuffix(" RETURNING id"), rows)
        return 0
    given = [ids.next() for _ in rows]
    conn.executemany(
        f"INSERT INTO {table} (id, {names}) VALUES (?, {marks})",
        [(row_id, *row) for row_id, row in zip(given, rows, strict=True)],
    )
    return given[-1] or 0


def rename_uids(conn: sqlite3.Connection, renames: dict[str, str]) -> None:
    """Move the member's tracking, status history and action state to a record's new uid."""
    for table in ("recommendation_tracking", "action_state"):
        for old, new in renames.items():
            taken = conn.execute(f"SELECT 1 FROM {table} WHERE uid = ?", (new,)).fetchone()
            if not taken:
                conn.execute(f"UPDATE {table} SET uid = ? WHERE uid = ?", (new, old))
    conn.executemany(
        "UPDATE status_change SET uid = ? WHERE uid = ?",
        [(new, old) for old, new in renames.items()],
    )


def tracked_uids(conn: sqlite3.Connection, uids: list[str]) -> set[str]:
    """Which of ``uids`` carry something of the member's (status, history, action state)."""
    found: set[str] = set()
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for table in ("recommendation_tracking", "action_state", "status_change"):
            rows = conn.execute(f"SELECT uid FROM {table} WHERE uid IN ({marks})", chunk)
            found.update(uid for (uid,) in rows)
    return found
