"""The team store: the same store on a PostgreSQL server, chosen by a ``postgresql://`` URL.

The query modules are written once (``store/pg_sql.py`` says how SQLite's spellings are read
here), and :class:`PostgresStore` keeps :class:`~scrutiny_tui.store.db.Store`'s contract:
``read()`` is one consistent transaction, ``write()`` one transaction that holds the store's
write lock from its first statement (a transaction-scoped advisory lock, as SQLite's BEGIN
IMMEDIATE), committed or rolled back. The driver's errors reach services as the same
``sqlite3`` exception classes the single-file store raises, so services catch one name
whichever engine is behind it; a connection that cannot be made or is lost is a
:class:`~scrutiny_tui.store.db.StoreFault` naming the server (never the password).

Each member connects as their own PostgreSQL role; credentials come from libpq's own
conventions (``~/.pgpass``, ``PGPASSWORD``, a service file), never from the config file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Dumper, Loader
from psycopg.pq import TransactionStatus

from scrutiny_tui.safe_text import inline
from scrutiny_tui.store.db import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SCHEMA_VERSION,
    Store,
    StoreError,
    StoreFault,
    migration_scripts,
)
from scrutiny_tui.store.pg_sql import to_postgres
from scrutiny_tui.store.values import db_time

URL_SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 10


def is_postgres_url(target: object) -> bool:
    """Whether ``target`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.lower().startswith(URL_SCHEMES)


def safe_url(url: str) -> str:
    """``url`` with any password removed, fit to print."""
    from scrutiny_tui.config import printable_target

    return printable_target(url)


def server_of(url: str) -> str:
    """Where the server is, as a member would name it: host:port, or the socket folder."""
    parts = urlsplit(url)
    query = dict(pair.split("=", 1) for pair in parts.query.split("&") if "=" in pair)
    host = parts.hostname or query.get("host") or "localhost"
    port = parts.port or query.get("port") or 5432
    return f"{host}:{port}"


class _TextTime(Dumper):
    """Times as the text the store keeps them in on both engines (``values.db_time``)."""

    def dump(self, obj: Any) -> bytes:
        return (db_time(obj) if isinstance(obj, dt.datetime) else obj.isoformat()).encode()


class _FlagAsInteger(Dumper):
    """Python booleans as 0/1, as SQLite keeps flags."""

    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


class _Number(Loader):
    """NUMERIC results (sums of bigints) as int when whole, as SQLite returns them."""

    def load(self, data: Any) -> Any:
        text = bytes(data).decode()
        try:
            return int(text)
        except ValueError:
            return float(text)


def configure_driver(conn: psycopg.Connection[Any]) -> None:
    """Read and write values as the SQLite store does (see the classes above)."""
    types = conn.adapters.types
    text_oid = types["text"].oid
    for kind in (dt.datetime, dt.date):
        dumper = type(f"{kind.__name__}Text", (_TextTime,), {"oid": text_oid})
        conn.adapters.register_dumper(kind, dumper)
    conn.adapters.register_dumper(bool, type("Flag", (_FlagAsInteger,), {"oid": types["int8"].oid}))
    conn.adapters.register_loader("numeric", _Number)


class StoreConflict(sqlite3.IntegrityError):
    """A row another member changed or added at the same moment (a constraint or a
    serialisation failure on the server)."""


def _as_sqlite_error(exc: psycopg.Error, url: str) -> sqlite3.Error:
    """The driver's error as the ``sqlite3`` class services already catch."""
    detail = inline(" ".join(str(exc).split()))
    if isinstance(exc, pg_errors.IntegrityError | pg_errors.SerializationFailure):
        return StoreConflict(detail)
    if isinstance(exc, psycopg.OperationalError) and not isinstance(exc, pg_errors.QueryCanceled):
        return StoreFault(describe_connection_error(exc, url))
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return StoreFault(f"the team database refused this: {detail}")
    if isinstance(exc, psycopg.ProgrammingError | pg_errors.SyntaxError):
        return sqlite3.OperationalError(detail)
    return sqlite3.DatabaseError(detail)


def describe_connection_error(exc: BaseException, url: str) -> str:
    """A failure to reach or stay connected to the server, in one line for the member."""
    server = server_of(url)
    detail = inline(" ".join(str(exc).split()))
    lowered = detail.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        user = urlsplit(url).username or "this member"
        return (
            f"password authentication failed for {inline(user)} on the team database at "
            f"{server}: check ~/.pgpass or PGPASSWORD"
        )
    if "does not exist" in lowered and ("role" in lowered or "database" in lowered):
        return f"the team database at {server} says: {detail}"
    if (
        "connection is lost" in lowered
        or "terminating connection" in lowered
        or ("server closed the connection" in lowered)
    ):
        return f"lost the connection to the team database at {server}: {detail}"
    return f"cannot reach the team database at {server}: {detail}"


class PgCursor:
    """A psycopg cursor read as a ``sqlite3`` cursor (``fetchone``, iteration, ``rowcount``)."""

    def __init__(self, cursor: psycopg.Cursor[Any] | None) -> None:
        self._cursor = cursor

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor and self._cursor.description else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor and self._cursor.description else []

    def fetchmany(self, size: int = 1) -> list[Any]:
        return self._cursor.fetchmany(size) if self._cursor and self._cursor.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount if self._cursor else -1

    @property
    def description(self) -> Any:
        return self._cursor.description if self._cursor else None

    @property
    def lastrowid(self) -> None:
        return None  # PostgreSQL has none: the store's inserts say RETURNING id


Params = Sequence[Any] | Mapping[str, Any]


class PgConnection:
    """One member's connection to the server, spoken to as a ``sqlite3.Connection`` is."""

    dialect = "postgresql"

    def __init__(self, conn: psycopg.Connection[Any], url: str) -> None:
        self._conn = conn
        self.url = url

    @property
    def in_transaction(self) -> bool:
        return self._conn.info.transaction_status != TransactionStatus.IDLE

    @property
    def user(self) -> str:
        return str(self._conn.info.user)

    def execute(self, sql: str, params: Params = ()) -> PgCursor:
        words = sql.strip().upper()
        if words == "BEGIN IMMEDIATE":
            self._begin("BEGIN")
            return self._run("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
        if words == "BEGIN":  # Store.read(): one snapshot for every query in the block
            return self._begin("BEGIN ISOLATION LEVEL REPEATABLE READ")
        translated = to_postgres(sql)
        if translated is None:
            return PgCursor(None)
        return self._run(translated, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> PgCursor:
        translated = to_postgres(sql)
        if translated is None:
            return PgCursor(None)
        try:
            cursor = self._conn.cursor()
            cursor.executemany(translated, list(rows))
        except psycopg.Error as exc:
            raise _as_sqlite_error(exc, self.url) from exc
        return PgCursor(cursor)

    def _begin(self, statement: str) -> PgCursor:
        """Begin a transaction; if the server dropped this connection while it was idle
        (restarted, or the member's session ended), connect again once and begin there:
        nothing was under way, so nothing is lost or done twice."""
        try:
            return self._run(statement, ())
        except StoreFault as lost:
            if not self._conn.closed and self._alive():
                raise
            try:
                fresh = connect(self.url)
            except StoreFault as again:
                raise lost from again  # "lost the connection …", as the member knows it
        self._conn, fresh._conn = fresh._conn, self._conn
        fresh.close()
        return self._run(statement, ())

    def _alive(self) -> bool:
        try:
            self._conn.execute("SELECT 1")
        except psycopg.Error:
            return False
        return True

    def execute_native(self, sql: str, params: Params = ()) -> PgCursor:
        """Run PostgreSQL's own SQL as written (the team's roles, full-text search)."""
        return self._run(sql, params)

    def _run(self, sql: str, params: Params) -> PgCursor:
        try:
            return PgCursor(self._conn.execute(sql, params or None))
        except psycopg.Error as exc:
            raise _as_sqlite_error(exc, self.url) from exc

    def close(self) -> None:
        with suppress(psycopg.Error):
            self._conn.close()

    @property
    def closed(self) -> bool:
        return bool(self._conn.closed)

    @property
    def pid(self) -> int:
        """The server process serving this connection (named in change notices)."""
        return int(self._conn.info.backend_pid)


def connect(url: str) -> PgConnection:
    """A connection in autocommit mode (the store begins its transactions explicitly)."""
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as exc:
        raise StoreFault(describe_connection_error(exc, url)) from exc
    configure_driver(raw)
    conn = PgConnection(raw, url)
    conn.execute_native(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")
    return conn


class PostgresStore(Store):
    """The store on a PostgreSQL server. Open with :func:`open_postgres`."""

    engine = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__(url)  # type: ignore[arg-type]
        self.url = url

    def connection(self) -> Any:
        conn: PgConnection | None = getattr(self._local, "conn", None)
        if conn is not None and conn.closed:
            conn = None  # dropped by the server: open another on next use
        if conn is None:
            conn = connect(self.url)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)  # type: ignore[arg-type]
        return conn

    def describe(self) -> str:
        return f"the team database {safe_url(self.url)}"

    def own_pids(self) -> set[int]:
        """The server processes of this app's own connections."""
        with self._lock:
            return {conn.pid for conn in self._connections if not conn.closed}  # type: ignore[attr-defined]


CHANGES_CHANNEL = "scrutiny_changed"


class ChangeListener:
    """A connection of its own that hears the store's change notices (see migration 0010):
    :meth:`wait` gives the process ids of the connections that changed the store."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
            self._conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        except psycopg.Error as exc:
            raise StoreFault(describe_connection_error(exc, url)) from exc

    def wait(self, timeout: float) -> set[int]:
        """Who changed the store within ``timeout`` seconds (empty if nobody did)."""
        pids: set[int] = set()
        try:
            for notice in self._conn.notifies(timeout=timeout, stop_after=1):
                pids.add(int(notice.payload) if notice.payload.isdigit() else 0)
            # Take any further notices already waiting, without blocking.
            for notice in self._conn.notifies(timeout=0.01):
                pids.add(int(notice.payload) if notice.payload.isdigit() else 0)
        except psycopg.Error as exc:
            raise StoreFault(describe_connection_error(exc, self.url)) from exc
        return pids

    def close(self) -> None:
        with suppress(psycopg.Error):
            self._conn.close()


def _applied(conn: PgConnection) -> set[int]:
    """The migrations this database has had (none if it is new)."""
    if conn.execute_native("SELECT to_regclass('schema_version')").fetchone()[0] is None:
        return set()
    return {row[0] for row in conn.execute_native("SELECT version FROM schema_version")}


def migrate(conn: PgConnection) -> int:
    """Apply every PostgreSQL migration not yet applied, one at a time across members (an
    advisory lock), each in its own transaction."""
    shipped = migration_scripts("migrations_pg")
    already = _applied(conn)
    if already >= {version for version, _, _ in shipped} and max(already) <= SCHEMA_VERSION:
        return SCHEMA_VERSION  # up to date: a member (who may not create tables) goes on
    conn.execute_native("SELECT pg_advisory_lock(%s)", (APPLICATION_ID + 1,))
    try:
        conn.execute_native(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT now()::text)"
        )
        applied = _applied(conn)
        newest = max(applied, default=0)
        if newest > SCHEMA_VERSION:
            raise StoreError(
                f"this database was made by a newer scrutiny-tui (schema {newest}, "
                f"this one knows {SCHEMA_VERSION}); upgrade scrutiny-tui to open it"
            )
        for version, name, sql in shipped:
            if version in applied:
                continue
            conn.execute_native("BEGIN")
            try:
                conn.execute_native(sql)
                conn.execute_native(
                    "INSERT INTO schema_version (version, name) VALUES (%s, %s)", (version, name)
                )
                conn.execute_native("COMMIT")
            except BaseException:
                with suppress(sqlite3.Error):
                    conn.execute_native("ROLLBACK")
                raise
    finally:
        with suppress(sqlite3.Error):
            conn.execute_native("SELECT pg_advisory_unlock(%s)", (APPLICATION_ID + 1,))
    return SCHEMA_VERSION


def open_postgres(url: str) -> PostgresStore:
    """Open (creating the schema as needed) the team store at ``url``."""
    store = PostgresStore(url)
    try:
        conn = store.connection()
        outsider = conn.execute_native(
            "SELECT to_regclass('schema_version') IS NOT NULL"
            " AND NOT has_table_privilege('schema_version', 'SELECT')"
        ).fetchone()[0]
        if outsider:
            raise StoreError(
                f"{inline(conn.user)} is not a member of the team store at {server_of(url)}: "
                f"an officer adds members with `scrutiny team add-member {inline(conn.user)}`"
            )
        migrate(conn)
    except StoreError:
        store.close()
        raise
    except sqlite3.Error as exc:
        store.close()
        raise StoreError(str(exc)) from exc
    return store


@contextmanager
def native(store: Store) -> Iterator[PgConnection]:
    """This thread's connection to a team store, outside any transaction."""
    conn = store.connection()
    if not isinstance(conn, PgConnection):
        raise StoreError("this needs a team store (a postgresql:// database)")
    yield conn
