"""The FTS index follows the tables through inserts, cascades, notes and upgrades."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from scrutiny_tui.store.db import SCHEMA_VERSION, open_store
from tests.ui.fixture_store import build_store

FIXTURE_V1 = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema_0001.sqlite"


def index_rows(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT kind, ref FROM search_index"))


def test_every_parsed_record_is_indexed(db_path):
    store = build_store(db_path)
    store.close()
    kinds = [kind for kind, _ in index_rows(db_path)]
    assert kinds.count("item") == 2
    assert kinds.count("resolution") == 4
    assert kinds.count("recommendation") == 1
    assert kinds.count("action") == 3


def test_deleting_a_document_cascades_out_of_the_index(db_path):
    build_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM document WHERE path = '/minutes/care-2016-06-29.txt'")
    refs = [ref for _, ref in index_rows(db_path)]
    assert refs and not any(ref.startswith("/minutes/care") for ref in refs)


def test_notes_are_indexed_while_live(db_path):
    build_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO annotation (uuid, target_kind, quote_exact, quote_prefix, quote_suffix,"
            " anchor_state, body, kind, priority, tags, status, created_at, updated_at)"
            " VALUES ('n1', 'item', 'quote', '', '', 'attached', 'Ask about sufficiency',"
            " 'question', 'high', '[\"placements\"]', 'open', '2026-01-01', '2026-01-01')"
        )
        found = conn.execute(
            "SELECT ref FROM search_index WHERE search_index MATCH 'sufficiency'"
        ).fetchall()
        assert found == [("n1",)]
        conn.execute("UPDATE annotation SET deleted_at = '2026-01-02' WHERE uuid = 'n1'")
        assert not conn.execute(
            "SELECT ref FROM search_index WHERE search_index MATCH 'sufficiency'"
        ).fetchall()


def test_an_upgraded_store_has_its_old_records_indexed(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE_V1, path)
    with sqlite3.connect(path) as conn:
        items = conn.execute("SELECT count(*) FROM agenda_item").fetchone()[0]
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM search_index WHERE kind = 'item'").fetchone()[
            0
        ]
    assert version == SCHEMA_VERSION
    assert items > 0 and indexed == items
