"""A team on a fresh database of the test server: its owner's store, and members by name.

Members are ordinary roles (never superusers, which row-level security would not bind);
the test server lets any role in over its socket without a password."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.team import add_member
from scrutiny_tui.store.db import Store, open_store


class Team:
    def __init__(
        self,
        pg_server: Any,
        *,
        officers: tuple[str, ...] = ("olivia",),
        members: tuple[str, ...] = ("alice", "bob"),
        seeds: Path | None = None,
    ) -> None:
        self.server = pg_server
        self.admin_url = pg_server.new_database()
        self.database = self.admin_url.split("/", 3)[3].split("?", 1)[0]
        self.admin = open_store(self.admin_url)
        if seeds is not None:
            ingest_paths(self.admin, [seeds])
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

    def close(self) -> None:
        for store in [self.admin, *self._stores.values()]:
            store.close()
