"""A real PostgreSQL server for the tests, started by the tests themselves.

``pgserver`` ships the server's binaries in its wheel, so nothing is installed by hand. One
server runs for the whole session; each test gets a database of its own, copied from a
template that already holds the schema (a copy takes a few milliseconds, a migration more)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg

TEMPLATE = "scrutiny_template"
_numbers = itertools.count(1)


class TestServer:
    """The session's server: its socket folder and a superuser connection URL per database."""

    def __init__(self, folder: Path) -> None:
        import pgserver

        self.folder = folder
        self.server: Any = pgserver.get_server(folder, cleanup_mode="stop")
        self.socket = self._socket_folder()
        self._make_template()

    def _socket_folder(self) -> str:
        uri = self.server.get_uri()
        return uri.split("host=", 1)[1].split("&", 1)[0]

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{quote(user)}@/{database}?host={quote(self.socket)}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[Any]:
        return psycopg.connect(self.url(database), autocommit=True)

    def _make_template(self) -> None:
        from scrutiny_tui.store.db import open_store

        with self.admin() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {TEMPLATE}")
            conn.execute(
                f"CREATE DATABASE {TEMPLATE} TEMPLATE template0 LOCALE 'C' ENCODING 'UTF8'"
            )
        store = open_store(self.url(TEMPLATE))
        store.close()

    def new_database(self) -> str:
        """A fresh database holding the current schema; its superuser URL."""
        name = f"t{os.getpid()}_{next(_numbers)}"
        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def stop(self) -> None:
        self.server.cleanup()
