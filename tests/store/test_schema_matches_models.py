"""One schema: the migrations, applied in order, build exactly the tables the SQLModel
models define, column by column (name, type, NOT NULL, primary key), with the same foreign
keys and the same named indexes. A migration that forgets a column, or a model that drifts
from the migrations, fails here rather than on a member's store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlmodel import SQLModel, create_engine

from scrutiny_tui.store import models  # noqa: F401  (registers the tables)
from scrutiny_tui.store.db import open_store

# Tables the store keeps that are not models: the migration ledger, the FTS5 index (a
# virtual table and its shadow tables) and the single file's committee counts, which its
# triggers keep (migration 0016) and no program writes.
NOT_MODELS = {"schema_version", "meeting_group"}


def columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, bool, bool]]:
    return sorted(
        (name, kind.upper(), bool(notnull), bool(pk))
        for _, name, kind, notnull, _, pk in conn.execute(f"PRAGMA table_info('{table}')")
    )


def foreign_keys(conn: sqlite3.Connection, table: str) -> set[tuple[str, str, str]]:
    return {(row[3], row[2], row[4]) for row in conn.execute(f"PRAGMA foreign_key_list('{table}')")}


def indexes(conn: sqlite3.Connection, table: str) -> set[tuple[str, bool, tuple[str, ...]]]:
    """(name, unique, columns) of the indexes made by name (not SQLite's own)."""
    found = set()
    for _, name, unique, origin, _ in conn.execute(f"PRAGMA index_list('{table}')"):
        if origin == "c":
            columns = tuple(row[2] for row in conn.execute(f"PRAGMA index_info('{name}')"))
            found.add((name, bool(unique), columns))
    return found


def tables(conn: sqlite3.Connection) -> set[str]:
    return {
        name
        for (name, sql) in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
        and not name.startswith(("search_words", "search_vocab"))
        and name not in NOT_MODELS
    }


def test_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    migrated_path = tmp_path / "migrated.db"
    open_store(migrated_path).close()
    modelled_path = tmp_path / "modelled.db"
    engine = create_engine(f"sqlite:///{modelled_path}")
    SQLModel.metadata.create_all(engine)
    engine.dispose()

    with sqlite3.connect(migrated_path) as migrated, sqlite3.connect(modelled_path) as modelled:
        assert tables(migrated) == tables(modelled)
        for table in sorted(tables(modelled)):
            assert columns(migrated, table) == columns(modelled, table), table
            assert foreign_keys(migrated, table) == foreign_keys(modelled, table), table
            assert indexes(migrated, table) == indexes(modelled, table), table


def test_the_record_view_covers_every_noted_kind(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        names = [row[1] for row in conn.execute("PRAGMA table_info('record')")]
    assert names == ["uid", "kind", "item_id", "meeting_id", "document_id", "label", "text"]
