"""Opening the store: engine, pragmas, schema migrations, short-lived sessions.

The schema is versioned from day one: ``schema_version`` records which numbered SQL
migrations in ``store/migrations/`` have run, each in its own transaction. A database made
by an older version is brought up to date on open; nothing in it is dropped.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from scrutiny_tui.store import models  # noqa: F401  (registers the tables)

BUSY_TIMEOUT_MS = 15_000


class StoreError(Exception):
    """The database cannot be opened or upgraded; the message says why."""


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


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _create_private_file(path: Path) -> None:
    """Create the database file readable and writable by the user only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def migrate(engine: Engine) -> int:
    """Apply every migration not yet applied; return the schema version now in force."""
    raw = engine.raw_connection()
    try:
        conn: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
        )
        conn.commit()
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
            if conn.execute(
                "SELECT 1 FROM schema_version WHERE version = ?", (version,)
            ).fetchone():
                conn.execute("ROLLBACK")  # another process applied it while we waited
                continue
            try:
                for statement in _split_sql(sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, name) VALUES (?, ?)", (version, name)
                )
                conn.execute("COMMIT")
            except Exception:
                conn.execute("ROLLBACK")
                raise
        return SCHEMA_VERSION
    finally:
        raw.close()


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
    """One SQLite database. Open with :func:`open_store`; use :meth:`session` per unit of work."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short-lived session: committed on success, rolled back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session holding the write lock from its first statement (BEGIN IMMEDIATE).

        Taking the lock up front means a second writer waits its turn (busy timeout) instead
        of failing with "database is locked" when it upgrades a read to a write.
        """
        with self.session() as session:
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path) -> Store:
    """Open (creating and migrating as needed) the database at ``path``."""
    path = Path(path).expanduser()
    if path.exists() and path.is_dir():
        raise StoreError(f"database path is a folder, not a file: {path}")
    try:
        _create_private_file(path)
    except OSError as exc:
        raise StoreError(f"cannot create database {path}: {exc.strerror or exc}") from exc
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _set_pragmas)
    try:
        migrate(engine)
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        raise StoreError(f"{path} is not a scrutiny-tui database ({exc})") from exc
    return Store(path, engine)
