"""Rows read from one store and written into another (``scrutiny db copy``).

Written once in the SQL both engines share (see ``store/pg_sql.py``). Rows are read in
batches and handed on as plain tuples of the stored values (times as the stored text, flags
as 0/1), so what is written is exactly what was read; row ids are the reader's, and the
caller maps them to the ids the writer gets back. What to copy and which row wins is decided
in ``services/store_copy.py``.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from scrutiny_tui.store.db import is_postgres
from scrutiny_tui.store.packed_text import PACKED_COLUMNS

BATCH = 500

Row = tuple[Any, ...]

#: The columns copied from each table (all but the row id), in the same order on both engines.
COLUMNS: dict[str, tuple[str, ...]] = {
    "document": (
        "path", "sha256", "format", "size", "mtime_ns", "text", "warnings", "ingested_at",
        "key", "relpath", "missing_since",
    ),
    "meeting": ("uid", "document_id", "council", "committee", "date", "title", "location", "url"),
    "agenda_item": (
        "uid", "meeting_id", "document_id", "ordinal", "number", "title", "text", "report_refs",
        "span_start", "span_end", "external_id", "restricted",
    ),
    "attendance": ("person_id", "meeting_id", "item_id", "kind", "role"),
    "resolution": (
        "uid", "item_id", "ordinal", "label", "kind", "text", "span_start", "span_end",
    ),
    "recommendation": (
        "uid", "item_id", "ordinal", "ref", "text", "span_start", "span_end",
    ),
    "action": (
        "uid", "item_id", "ordinal", "text", "due", "due_to", "span_start", "span_end",
    ),
    "source": ("name", "base_url", "committees", "added_at", "last_sync_at", "last_sync"),
    "sync_meeting": (
        "source_id", "meeting_key", "committee_id", "committee", "date", "status",
        "document_path", "synced_at",
    ),
    "meeting_edit": ("meeting_uid", "council", "committee", "date", "edited_at"),
    "topic": ("name", "query", "tag", "created_at", "last_seen_at"),
    "person_choice": ("council", "action", "name", "other", "made_at"),
    "recommendation_tracking": (
        "uid", "status", "area", "executive_response_date", "lead", "action_taken", "updated_at",
    ),
    "status_change": ("uid", "status", "changed_at", "note", "changed_by"),
    "action_state": ("uid", "done", "done_at", "note", "done_by"),
    "annotation": (
        "uuid", "target_kind", "target_uid", "document_key", "quote_exact", "quote_prefix",
        "quote_suffix", "span_start", "span_end", "anchor_state", "body", "kind", "priority",
        "tags", "status", "ask_at", "created_at", "updated_at", "deleted_at", "conflict_of",
        "owner", "visibility",
    ),
}  # fmt: skip

#: Tables whose rows are numbered by an ``id`` the writer gives (the others are keyed by uid).
NUMBERED = frozenset(
    {
        "document", "meeting", "agenda_item", "attendance", "resolution",
        "recommendation", "action", "source", "sync_meeting", "topic", "person_choice",
        "status_change", "annotation", "person",
    }
)  # fmt: skip

#: What every scrutiny store holds: a database that has tables, but not these, is not one.
MARK_TABLES = ("schema_version", "document", "annotation")


def _names(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _marks(count: int) -> str:
    return ", ".join("?" * count)


# Text the single file keeps compressed (store/packed_text.py) travels as plain text: read
# unpacked, and packed again where it is written.
def _read(table: str, columns: Sequence[str]) -> str:
    return ", ".join(
        f'unpacked("{c}")' if (table, c) in PACKED_COLUMNS else f'"{c}"' for c in columns
    )


def _value_marks(table: str, columns: Sequence[str]) -> str:
    return ", ".join("packed(?)" if (table, c) in PACKED_COLUMNS else "?" for c in columns)


def snapshot(conn: sqlite3.Connection) -> None:
    """Make the transaction just begun on a team store read one snapshot throughout (and
    write nothing), as a SQLite read transaction does by itself. Before its first query."""
    if is_postgres(conn):
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def rows(conn: sqlite3.Connection, table: str, *, batch: int = BATCH) -> Iterator[list[Row]]:
    """Every row of ``table`` as (id, *COLUMNS[table]) (or COLUMNS alone for a table keyed by
    uid), in batches, in id (or key) order."""
    columns = COLUMNS[table]
    first = "id" if table in NUMBERED else columns[0]
    cursor = conn.execute(
        f'SELECT "{first}", {_read(table, columns)} FROM "{table}" ORDER BY "{first}"'
        if table in NUMBERED
        else f'SELECT {_read(table, columns)} FROM "{table}" ORDER BY "{first}"'
    )
    while True:
        found = cursor.fetchmany(batch)
        if not found:
            return
        yield [tuple(row) for row in found]


def rows_where(
    conn: sqlite3.Connection, table: str, column: str, ids: Iterable[int], *, batch: int = BATCH
) -> Iterator[list[Row]]:
    """The rows of ``table`` (id first, as :func:`rows` gives them) whose ``column`` is one of
    ``ids``, a batch of ids at a time, in id order within each batch."""
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), batch):
        chunk = wanted[start : start + batch]
        found = conn.execute(
            f'SELECT "id", {_read(table, COLUMNS[table])} FROM "{table}"'
            f' WHERE "{column}" IN ({_marks(len(chunk))}) ORDER BY "id"',
            chunk,
        ).fetchall()
        if found:
            yield [tuple(row) for row in found]


def insert(
    conn: sqlite3.Connection, table: str, values: Sequence[Any], *, or_ignore: bool = False
) -> int | None:
    """Write one row of ``table`` (values in COLUMNS order); its new id for a numbered table.
    With ``or_ignore``, a row whose unique key is taken already is not written (None)."""
    columns = COLUMNS[table]
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    sql = f'{verb} INTO "{table}" ({_names(columns)}) VALUES ({_value_marks(table, columns)})'
    if table in NUMBERED:
        row = conn.execute(f"{sql} RETURNING id", tuple(values)).fetchone()
        return None if row is None else int(row[0])
    conn.execute(sql, tuple(values))
    return None


def insert_many(conn: sqlite3.Connection, table: str, batch: Sequence[Sequence[Any]]) -> None:
    """Write rows whose new ids nobody needs (values in COLUMNS order)."""
    if batch:
        columns = COLUMNS[table]
        conn.executemany(
            f'INSERT INTO "{table}" ({_names(columns)}) VALUES ({_value_marks(table, columns)})',
            [tuple(values) for values in batch],
        )


def replace(conn: sqlite3.Connection, table: str, key_column: str, values: Sequence[Any]) -> int:
    """Overwrite the row whose ``key_column`` matches ``values`` (COLUMNS order) with them;
    how many rows changed (0 where the store would not let this member change it)."""
    columns = COLUMNS[table]
    key = values[columns.index(key_column)]
    assignments = ", ".join(
        f'"{c}" = packed(?)' if (table, c) in PACKED_COLUMNS else f'"{c}" = ?'
        for c in columns
        if c != key_column
    )
    kept = [v for c, v in zip(columns, values, strict=True) if c != key_column]
    cursor = conn.execute(
        f'UPDATE "{table}" SET {assignments} WHERE "{key_column}" = ?', (*kept, key)
    )
    return int(cursor.rowcount)


def set_same_as(conn: sqlite3.Connection, pairs: Iterable[tuple[int, int]]) -> None:
    """(document id, the id of the document holding its meeting) for copies just written."""
    conn.executemany("UPDATE document SET same_as = ? WHERE id = ?", [(h, d) for d, h in pairs])


# ---- what the other store already holds ---------------------------------------------


def documents(conn: sqlite3.Connection) -> list[tuple[int, str | None, str, str, int | None]]:
    """(id, key, sha256, path, same_as) of every document, without their texts."""
    return [
        (int(r[0]), r[1], str(r[2]), str(r[3]), None if r[4] is None else int(r[4]))
        for r in conn.execute("SELECT id, key, sha256, path, same_as FROM document ORDER BY id")
    ]


def people(conn: sqlite3.Connection) -> dict[tuple[str, str | None], int]:
    """Every person's id by (name, honorific), the pair the store keeps them apart by."""
    found: dict[tuple[str, str | None], int] = {}
    for pid, name, honorific in conn.execute("SELECT id, name, honorific FROM person ORDER BY id"):
        found.setdefault((str(name), honorific), int(pid))
    return found


def person_rows(conn: sqlite3.Connection) -> dict[int, tuple[str, str | None]]:
    return {
        int(pid): (str(name), honorific)
        for pid, name, honorific in conn.execute("SELECT id, name, honorific FROM person")
    }


def add_person(conn: sqlite3.Connection, name: str, honorific: str | None) -> int:
    return int(
        conn.execute(
            "INSERT INTO person (name, honorific) VALUES (?, ?) RETURNING id", (name, honorific)
        ).fetchone()[0]
    )


def meeting_counts(conn: sqlite3.Connection, document_ids: Iterable[int]) -> tuple[int, int]:
    """(meetings, agenda items) the documents hold."""
    wanted = sorted(set(document_ids))
    meetings = items = 0
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        marks = _marks(len(chunk))
        meetings += int(
            conn.execute(
                f"SELECT count(*) FROM meeting WHERE document_id IN ({marks})", chunk
            ).fetchone()[0]
        )
        items += int(
            conn.execute(
                f"SELECT count(*) FROM agenda_item WHERE document_id IN ({marks})", chunk
            ).fetchone()[0]
        )
    return meetings, items


def keyed(conn: sqlite3.Connection, table: str, key_column: str) -> dict[Any, Row]:
    """Every row of ``table`` (COLUMNS order) by ``key_column``: the rows a member can read."""
    columns = COLUMNS[table]
    index = columns.index(key_column)
    found: dict[Any, Row] = {}
    for batch in rows(conn, table):
        for row in batch:
            values = row[1:] if table in NUMBERED else row
            found[values[index]] = values
    return found


def all_values(conn: sqlite3.Connection, table: str) -> set[Row]:
    """Every row of ``table`` as a tuple of its COLUMNS (to tell which rows are there)."""
    return {row[1:] if table in NUMBERED else row for batch in rows(conn, table) for row in batch}


def source_ids(conn: sqlite3.Connection) -> dict[str, int]:
    return {str(name): int(sid) for sid, name in conn.execute("SELECT id, name FROM source")}


def sync_keys(conn: sqlite3.Connection) -> set[tuple[int, int]]:
    return {
        (int(s), int(k)) for s, k in conn.execute("SELECT source_id, meeting_key FROM sync_meeting")
    }


# ---- is it a store at all, and which ------------------------------------------------


def postgres_foreign(url: str) -> str | None:
    """Why the PostgreSQL database at ``url`` is not a scrutiny store (it holds tables, but
    not ours); None if it is one or is empty. Reads only."""
    from scrutiny_tui.store.postgres import connect

    conn = connect(url)
    try:
        names = {
            str(row[0])
            for row in conn.execute_native(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
            )
        }
    finally:
        conn.close()
    if not names or all(name in names for name in MARK_TABLES):
        return None
    shown = ", ".join(sorted(names)[:3]) + (", …" if len(names) > 3 else "")
    return f"it holds tables this program never made ({shown})"


def same_database(conn: sqlite3.Connection, other: sqlite3.Connection) -> bool:
    """Whether two open connections (outside any transaction) reach one PostgreSQL
    database, whatever their URLs look like (a socket or an address, another user): the
    first takes an advisory lock under a random key, and the second looks for it."""
    if not (is_postgres(conn) and is_postgres(other)):
        return False
    first, second = secrets.randbelow(2**31), secrets.randbelow(2**31)
    native_a: Any = conn
    native_b: Any = other
    pid = int(native_a.execute_native("SELECT pg_backend_pid()").fetchone()[0])
    native_a.execute_native("SELECT pg_advisory_lock(%s, %s)", (first, second))
    try:
        seen = native_b.execute_native(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = %s"
            " AND classid::bigint = %s AND objid::bigint = %s AND objsubid = 2"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            (pid, first, second),
        ).fetchone()[0]
    finally:
        native_a.execute_native("SELECT pg_advisory_unlock(%s, %s)", (first, second))
    return bool(seen)
