"""Opening the store: connections, pragmas, schema migrations, read and write units.

The store speaks to SQLite through the standard library's ``sqlite3`` driver: importing it
costs nothing, so a command such as ``scrutiny search`` answers at once. SQLModel still
defines the schema (``store/models.py``); a test checks the migrated schema against it,
column by column.

The schema is versioned from day one: ``schema_version`` records which numbered SQL
migrations in ``store/migrations/`` have run, each in its own transaction. A database made
by an older version is brought up to date on open; nothing in it is dropped.

A store is marked as ours (``PRAGMA application_id``), so another program's SQLite file given
as ``--db`` is refused before anything is written to it. Faults of the store itself (a full
disk, a read-only or damaged file) leave :meth:`Store.read` and :meth:`Store.write` as a
:class:`StoreFault` whose message says what happened and what to do, in one line.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from scrutiny_tui.safe_text import inline
from scrutiny_tui.store import packed_text

BUSY_TIMEOUT_MS = 15_000

#: ``PRAGMA application_id`` of a scrutiny-tui store ("SCRT").
APPLICATION_ID = 0x53435254


class StoreError(Exception):
    """The database cannot be opened or upgraded; the message says why."""


class StoreFault(StoreError, sqlite3.DatabaseError):
    """The store itself failed (a full disk, a read-only or damaged file, a file that cannot
    be opened): the work under way stops, and the message says why and what to do.

    Also a ``DatabaseError``, so code that catches the driver's errors still catches it."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.sqlite_errorcode = code


# SQLite's primary result codes (the low byte of an extended code such as SQLITE_IOERR_WRITE).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

#: Codes that say the store (or the disk under it), not the statement, has failed.
FAULT_CODES = frozenset(
    {
        SQLITE_PERM,
        SQLITE_NOMEM,
        SQLITE_READONLY,
        SQLITE_IOERR,
        SQLITE_CORRUPT,
        SQLITE_FULL,
        SQLITE_CANTOPEN,
        SQLITE_NOTADB,
    }
)

_CHECK_ADVICE = "run `scrutiny db check`, and restore a backup if it finds damage"


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code for a driver error, if it carries one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_store_fault(exc: BaseException) -> bool:
    """Whether ``exc`` is a fault of the store itself (see :data:`FAULT_CODES`)."""
    return isinstance(exc, StoreFault) or error_code(exc) in FAULT_CODES


def describe_error(exc: BaseException, path: Path | str | None = None) -> str:
    """A driver error as one line for the member: what happened to the store, what to do."""
    if isinstance(exc, StoreError):
        return str(exc)
    store = f"the store {inline(str(path))}" if path else "the store"
    detail = inline(" ".join(str(exc).split()))
    code = error_code(exc)
    if code == SQLITE_FULL:
        return f"the disk holding {store} is full: free some space and try again"
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return (
            f"{store} is read-only ({detail}): check the file's permissions and that its "
            "disk is writable; nothing was changed"
        )
    if code == SQLITE_CANTOPEN:
        return (
            f"cannot open {store}: its folder is missing or not accessible, or the file "
            "cannot be created there"
        )
    if code == SQLITE_CORRUPT:
        return f"{store} is damaged ({detail}): {_CHECK_ADVICE}"
    if code == SQLITE_NOTADB:
        return (
            f"{store} is damaged or not a scrutiny-tui database (the file is not an SQLite "
            f"database, or its first page is damaged): {_CHECK_ADVICE}"
        )
    if code == SQLITE_IOERR:
        return f"cannot read or write {store} ({detail}): check the disk, then {_CHECK_ADVICE}"
    if code == SQLITE_NOMEM:
        return f"out of memory while using {store}"
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return f"{store} is busy: another scrutiny is writing to it; try again in a moment"
    return f"database error in {store}: {detail}"


def _fault(exc: sqlite3.Error, path: Path | None) -> StoreFault:
    return StoreFault(describe_error(exc, path), getattr(exc, "sqlite_errorcode", None))


#: What any failure of the database driver raises; services catch this name, never the
#: driver's, so they stay free of it.
DatabaseError = sqlite3.Error

#: The connection the store's query functions take (services name it for type hints only).
Connection = sqlite3.Connection


def is_postgres(conn: object) -> bool:
    """Whether ``conn`` speaks to a team store on PostgreSQL (the few queries written per
    engine ask this; everything else is written once)."""
    return getattr(conn, "dialect", "sqlite") == "postgresql"


def member_name(conn: object) -> str:
    """Who is working: on a team store, the member's database role; on a member's own file,
    their login name."""
    user = getattr(conn, "user", None)
    if isinstance(user, str) and user:
        return user
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without a passwd entry)
        return "me"


def migration_scripts(folder_name: str = "migrations") -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration shipped, in order (``migrations_pg`` holds
    the team store's)."""
    folder = resources.files("scrutiny_tui.store") / folder_name
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max((v for v, _, _ in migration_scripts()), default=0)


def _connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are begun explicitly by the store."""
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    packed_text.register(conn)
    return conn


def _create_private_file(path: Path) -> None:
    """Create the database file readable and writable by the user only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration not yet applied; return the schema version now in force."""
    _mark(conn)
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
    for version, name, sql in migration_scripts():
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


def _mark(conn: sqlite3.Connection) -> None:
    """Stamp the store as ours, in the same transaction as the table recording its schema,
    so another process never sees one without the other. A read-only store made by an
    earlier version (which had no mark) is read as it is."""
    if conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
        )
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if error_code(exc) != SQLITE_READONLY:
            raise


def _foreign(path: Path) -> str | None:
    """Why the SQLite file at ``path`` is not ours, read without writing a byte to it (the
    store's own connection turns WAL on, which rewrites the file's header); None if it is
    ours, empty, or a store made by an earlier version (no mark, but our schema table)."""
    conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if application_id == APPLICATION_ID:
            return None
        if application_id:
            return f"its application id is {application_id:#x}"
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not names:
            return None
        if "schema_version" in names:
            ours = {name for _, name, _ in migration_scripts()}
            recorded = {row[0] for row in conn.execute("SELECT name FROM schema_version")}
            if not recorded or recorded & ours:
                return None
        shown = ", ".join(sorted(names)[:3]) + (", …" if len(names) > 3 else "")
        return f"it holds tables this program never made ({inline(shown)})"
    finally:
        conn.close()


def _read_only_uri(path: Path) -> str:
    return f"file:{quote(str(Path(path).absolute()))}?mode=ro"


def _reading(path: Path) -> sqlite3.Connection:
    """A connection that only reads an existing store. Opened read-write when it may be
    (reading writes nothing, and the last connection to close removes the WAL files a
    read-only one would leave behind), read-only otherwise."""
    uri = f"file:{quote(str(Path(path).absolute()))}?mode=rw"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("PRAGMA schema_version").fetchone()  # opens the file now
    except sqlite3.Error as exc:
        if error_code(exc) not in (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM):
            raise
        conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    packed_text.register(conn)
    return conn


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

    engine = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._owners: dict[int, threading.Thread] = {}  # id(connection): the thread using it

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = _connect(self.path)
            except sqlite3.Error as exc:
                raise self._fault_or(exc) from exc
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
                self._owners[id(conn)] = threading.current_thread()
        return conn

    def _fault_or(self, exc: sqlite3.Error) -> sqlite3.Error:
        """A fault of the store as a :class:`StoreFault` naming it; any other error as is."""
        return (
            _fault(exc, self.path)
            if is_store_fault(exc) and not isinstance(exc, StoreFault)
            else exc
        )

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for the queries inside the block (a deferred transaction)."""
        conn = self.connection()
        if conn.in_transaction:  # nested inside a write or read: share its transaction
            yield conn
            return
        try:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _roll_back(conn)
            fault = self._fault_or(exc)
            if fault is exc:
                raise
            raise fault from exc

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
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                _roll_back(conn)
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _roll_back(conn)
            fault = self._fault_or(exc)
            if fault is exc:
                raise
            raise fault from exc

    def describe(self) -> str:
        """The store as the member would name it in a message."""
        return f"the store {inline(str(self.path))}"

    def close(self) -> None:
        """Close the connections this store opened. One that another thread still holds (a
        worker in the middle of a query as the app quits) is interrupted instead, and left
        for that thread to drop: closing a SQLite connection under a running statement
        crashes the process."""
        here = threading.current_thread()
        with self._lock:
            for conn in self._connections:
                owner = self._owners.pop(id(conn), None)
                with suppress(sqlite3.Error):
                    if owner is None or owner is here or not owner.is_alive():
                        conn.close()
                    elif isinstance(conn, sqlite3.Connection):
                        conn.interrupt()
                    else:
                        conn.close()  # a team store's driver waits for the query itself
            self._connections.clear()
        self._local = threading.local()


def _roll_back(conn: sqlite3.Connection) -> None:
    """End the transaction if SQLite has not already (it rolls back by itself on some
    faults); a rollback that fails on a broken disk must not hide the first error."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def open_store(path: Path | str) -> Store:
    """Open (creating and migrating as needed) the database at ``path``: a SQLite file (a
    path, or a ``sqlite:///`` URL), or a team store on PostgreSQL (a ``postgresql://`` URL)."""
    if isinstance(path, str) and path.lower().startswith(("postgresql://", "postgres://")):
        from scrutiny_tui.store.postgres import open_postgres  # the driver only when needed

        return open_postgres(path)
    if isinstance(path, str) and path.lower().startswith("sqlite:///"):
        path = path[len("sqlite:///") :] or "."
    path = Path(path).expanduser()
    if path.exists() and path.is_dir():
        raise StoreError(f"database path is a folder, not a file: {path}")
    try:
        _create_private_file(path)
    except OSError as exc:
        raise StoreError(f"cannot create database {path}: {exc.strerror or exc}") from exc
    try:
        foreign = _foreign(path)
    except sqlite3.Error as exc:
        raise StoreError(_open_failure(exc, path)) from exc
    if foreign:
        raise StoreError(
            f"{inline(str(path))} is not a scrutiny-tui database: it is another program's "
            f"SQLite file ({foreign}); nothing was written to it. Give --db a new file or a "
            "scrutiny-tui store"
        )
    store = Store(path)
    try:
        migrate(store.connection())
    except StoreError:
        store.close()
        raise
    except sqlite3.Error as exc:
        store.close()
        raise StoreError(_open_failure(exc, path)) from exc
    return store


def _open_failure(exc: sqlite3.Error, path: Path) -> str:
    if error_code(exc) == SQLITE_NOTADB:
        return (
            f"{inline(str(path))} is not a scrutiny-tui database (the file is not an SQLite "
            f"database, or its first page is damaged: {_CHECK_ADVICE})"
        )
    return describe_error(exc, path)


def check_store(path: Path, *, full: bool = False) -> list[str]:
    """What SQLite finds wrong reading every page of the store (``quick_check``, or
    ``integrity_check`` with ``full``); empty when it is whole. Nothing is written, and the
    store is not migrated: a damaged store must be looked at as it is."""
    try:
        conn = _reading(path)
    except sqlite3.Error as exc:
        return [describe_error(exc, path)]
    try:
        pragma = "integrity_check" if full else "quick_check"
        found = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.Error as exc:
        return [describe_error(exc, path)]
    finally:
        conn.close()
    return [] if found == ["ok"] else found


def backup_store(path: Path, target: Path) -> int:
    """Copy the store at ``path`` into the (new, empty) file ``target`` with SQLite's online
    backup API, which reads a consistent snapshot while others go on using the store. The
    copy is one self-contained file (rollback journal, not WAL: opening it as a store turns
    WAL back on). Returns the number of pages copied."""
    source = _reading(path)
    try:
        copy = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            return int(copy.execute("PRAGMA page_count").fetchone()[0])
        finally:
            copy.close()
    finally:
        source.close()
