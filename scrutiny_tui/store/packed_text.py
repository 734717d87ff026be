"""Minutes text kept compressed in the single file.

A document's text (what its records' spans index into) and each item's readable text are
the two largest things a store holds, and together they are two copies of the minutes'
words. In the single file both are stored zlib-compressed: ``packed(?)`` where SQL writes
them and ``unpacked(column)`` where it reads them, two functions every connection the
store opens has (:func:`register`). A value written as plain text by an older version is
read as it is, so a store needs no rewrite to be opened. A team store's server compresses
long values by itself, so there the two functions are no-ops (``store/pg_sql.py`` drops
them from the SQL).
"""

from __future__ import annotations

import sqlite3
import zlib

# zlib's fastest level: the minutes' repetitive prose compresses to about a quarter at
# level 1 and a fifth at level 6, but level 6 took twice as long, in the one thread that
# writes an ingest.
LEVEL = 1

#: (table, column) of every value stored packed.
PACKED_COLUMNS = frozenset({("document", "text"), ("agenda_item", "text")})


def packed(text: str | None) -> bytes | str | None:
    """``text`` compressed (None and the empty text stay as they are)."""
    if not text:
        return text
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpacked(value: bytes | str | None) -> str | None:
    """The text ``packed`` was given; plain text (written before text was packed) as it is."""
    if value is None or isinstance(value, str):
        return value
    return zlib.decompress(value).decode("utf-8")


def register(conn: sqlite3.Connection) -> None:
    """Give ``conn`` the SQL functions ``packed`` and ``unpacked``."""
    conn.create_function("packed", 1, packed, deterministic=True)
    conn.create_function("unpacked", 1, unpacked, deterministic=True)
