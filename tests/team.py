"""A team on a fresh database of the test server: its owner's store, members by name, and
an outage of one member's connection.

Members are ordinary roles (never superusers, which row-level security would not bind);
the test server lets any role in over its socket without a password."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.team import add_member
from scrutiny_tui.store.db import Store, open_store


class Team:
    """``build`` makes the owner's store from its URL (the tests' fixture minutes, say);
    ``seeds`` is a folder the owner then reads in."""

    def __init__(
        self,
        pg_server: Any,
        *,
        officers: tuple[str, ...] = ("olivia",),
        members: tuple[str, ...] = ("alice", "bob"),
        build: Callable[[str], Store] = open_store,
        seeds: Path | None = None,
    ) -> None:
        self.server = pg_server
        self.admin_url = pg_server.new_database()
        self.database = self.admin_url.split("/", 3)[3].split("?", 1)[0]
        self.admin = build(self.admin_url)
        if seeds is not None:
            ingest_paths(self.admin, [seeds])
        self.names = (*officers, *members)
        for name in officers:
            add_member(self.admin, name, officer=True)
        for name in members:
            add_member(self.admin, name)
        self._stores: dict[str, Store] = {}

    def url(self, name: str) -> str:
        return str(self.server.url(self.database, user=name))

    def member(self, name: str) -> Store:
        if name not in self._stores:
            self._stores[name] = open_store(self.url(name))
        return self._stores[name]

    def drop(self, name: str) -> int:
        """Cut every connection the member has and refuse new ones until :meth:`back`, as a
        network or server fault would (a single cut connection is simply made again)."""
        with self.server.admin(self.database) as conn:
            conn.execute(f"ALTER ROLE {name} NOLOGIN")
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE usename = %s AND datname = current_database()",
                (name,),
            ).fetchall()
        return len(rows)

    def back(self, name: str) -> None:
        with self.server.admin(self.database) as conn:
            conn.execute(f"ALTER ROLE {name} LOGIN")

    def close(self) -> None:
        for name in self.names:  # roles belong to the whole server: leave them able to log in
            self.back(name)
        for store in [self.admin, *self._stores.values()]:
            store.close()
