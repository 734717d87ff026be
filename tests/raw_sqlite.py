"""A plain sqlite3 connection to a store file, for tests that look under the store's API:
with the SQL functions every store connection has (``unpacked``, ``packed``), which the
store's views and triggers call."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from scrutiny_tui.store.packed_text import register


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    register(conn)
    return conn
