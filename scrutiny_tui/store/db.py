"""Opening the store: connections, pragmas, schema migrations, read and write units.

The store speaks to SQLite through the standard library's ``sqlite3`` driver: importing it
costs nothing, so a command such as ``scrutiny search`` answers at once. SQLModel still
defines the schema (``store/models.py``); a test checks the migrated schema against it,
column by column.

The schema is versioned from day one: ``schema_version`` records which numbered SQL
migrations in ``store/migrations/`` have run, each in its own transaction. A database made
by an older version is brought up to date on open; nothing in it is dropped.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from importlib import resources
from pathlib import Path

BUSY_TIMEOUT_MS = 15_000


class StoreError(Exception):
    """The database cannot be opened or upgraded; the message says why."""


#: What any failure of the database driver raises; services catch this name, never the
#: driver's, so they stay free of it.
DatabaseError = sqlite3.Error

#: The connection the store's query functions take (services name it for type hints only).
Connection = sqlite3.Connection


def _migration_scripts() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration shipped, in order."""
    folder = resources.files("scrutiny_tui.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max((v for v, _, _ in _migration_scripts()), default=0)


def _connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are begun explicitly by the store."""
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _create_private_file(path: Path) -> None:
    """Create the database file readable and writable by the user only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration not yet applied; return the schema version now in force."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
    )
    applied = {row[0] for row in conn.execute("SELECT version FROM schema_version")}
    newest = max(applied, default=0)
    if newest > SCHEMA_VERSION:
        raise StoreError(
            f"this database was made by a newer scrutiny-tui (schema {newest}, "
            f"this one knows {SCHEMA_VERSION}); upgrade scrutiny-tui to open it"
        )
    for version, name, sql in _migration_scripts():
        if version in applied:
            continue
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("SELECT 1 FROM schema_version WHERE version = ?", (version,)).fetchone():
            conn.execute("ROLLBACK")  # another process applied it while we waited
            continue
        try:
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, name) VALUES (?, ?)", (version, name)
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


def _split_sql(sql: str) -> list[str]:
    """Split a migration script into statements (sqlite3.complete_statement aware)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


class Store:
    """One SQLite database. Open with :func:`open_store`.

    :meth:`read` and :meth:`write` hand out this thread's connection (the app reads and
    writes from worker threads); query modules in ``store/`` take that connection.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for the queries inside the block (a deferred transaction)."""
        conn = self.connection()
        if conn.in_transaction:  # nested inside a write or read: share its transaction
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction holding the write lock from its first statement (BEGIN IMMEDIATE).

        Taking the lock up front means a second writer waits its turn (busy timeout) instead
        of failing with "database is locked" when it upgrades a read to a write. Committed
        when the block ends, rolled back if it raises.
        """
        conn = self.connection()
        if conn.in_transaction:
            raise RuntimeError("store.write() inside another transaction on this thread")
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                with suppress(sqlite3.Error):
                    conn.close()
            self._connections.clear()
        self._local = threading.local()


def open_store(path: Path) -> Store:
    """Open (creating and migrating as needed) the database at ``path``."""
    path = Path(path).expanduser()
    if path.exists() and path.is_dir():
        raise StoreError(f"database path is a folder, not a file: {path}")
    try:
        _create_private_file(path)
    except OSError as exc:
        raise StoreError(f"cannot create database {path}: {exc.strerror or exc}") from exc
    store = Store(path)
    try:
        migrate(store.connection())
    except sqlite3.DatabaseError as exc:
        store.close()
        raise StoreError(f"{path} is not a scrutiny-tui database ({exc})") from exc
    return store
