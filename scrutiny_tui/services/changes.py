"""Noticing changes other members make to a team store, so the screen a member is on shows
them without a keypress.

A team store notifies each change on a channel (PostgreSQL LISTEN/NOTIFY, see the team
store's schema) with the id of the connection that made it; changes made by this app's own
connections are not news. A member's own SQLite file has no other writers to hear, and is
not watched. A lost connection is retried quietly: a missed notice only delays a refresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from scrutiny_tui.store.db import DatabaseError, Store

RETRY_SECONDS = 5.0


def watches(store: Store) -> bool:
    """Whether others can change ``store`` while this app has it open."""
    return store.engine == "postgresql"


def follow_changes(
    store: Store,
    on_change: Callable[[], None],
    stopped: Callable[[], bool],
    *,
    wait_seconds: float = 1.0,
) -> None:
    """Call ``on_change`` each time another connection changes ``store``, until ``stopped()``
    says so (checked every ``wait_seconds``; run it in a thread of its own)."""
    if not watches(store):
        return
    from scrutiny_tui.store.postgres import ChangeListener, PostgresStore

    assert isinstance(store, PostgresStore)
    listener: ChangeListener | None = None
    while not stopped():
        try:
            if listener is None:
                listener = ChangeListener(store.url)
            changed_by = listener.wait(wait_seconds)
        except DatabaseError:
            if listener is not None:
                listener.close()
            listener = None
            for _ in range(int(RETRY_SECONDS / wait_seconds)):
                if stopped():
                    return
                time.sleep(wait_seconds)
            continue
        if changed_by - store.own_pids():
            on_change()
    if listener is not None:
        listener.close()
