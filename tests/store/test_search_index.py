"""The FTS index follows the tables through inserts, cascades, notes and upgrades.

The index is contentless (words and positions only): what each entry is comes from its rowid,
through the view search_entry, and an entry is forgotten only when it is given the words it
indexed, so each test also asks FTS5 to check the index against itself."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from scrutiny_tui.store.db import SCHEMA_VERSION, open_store
from tests.raw_sqlite import connect as raw_connect
from tests.ui.fixture_store import build_store

FIXTURE_V1 = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema_0001.sqlite"


def index_rows(path: Path) -> list[tuple[str, str]]:
    """(kind, uid) of every entry the index holds (an entry whose row has gone: kind None)."""
    with raw_connect(path) as conn:
        conn.execute("INSERT INTO search_words (search_words) VALUES ('integrity-check')")
        return sorted(
            conn.execute(
                "SELECT e.kind, e.ref FROM search_words w"
                " LEFT JOIN search_entry e ON e.rowid = w.rowid"
            ),
            key=repr,
        )


def matching(conn: sqlite3.Connection, words: str) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT e.kind, e.ref FROM search_words w JOIN search_entry e ON e.rowid = w.rowid"
        " WHERE search_words MATCH ?",
        (words,),
    ).fetchall()


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
    with raw_connect(db_path) as conn:
        assert matching(conn, "cluster funding")  # a recommendation of the care meeting
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM document WHERE path = '/minutes/care-2016-06-29.txt'")
    rows = index_rows(db_path)
    assert rows and all(kind is not None for kind, _ in rows)  # no entry outlives its row
    with raw_connect(db_path) as conn:
        remaining = conn.execute("SELECT count(*) FROM search_entry").fetchone()[0]
        assert len(rows) == remaining
        # the words of the deleted minutes are forgotten, not merely hidden
        assert not conn.execute(
            "SELECT rowid FROM search_words WHERE search_words MATCH 'cluster OR legislation'"
        ).fetchall()


def test_notes_are_indexed_while_live(db_path):
    build_store(db_path).close()
    with raw_connect(db_path) as conn:
        conn.execute(
            "INSERT INTO annotation (uuid, target_kind, quote_exact, quote_prefix, quote_suffix,"
            " anchor_state, body, kind, priority, tags, status, created_at, updated_at)"
            " VALUES ('n1', 'item', 'quote', '', '', 'attached', 'Ask about sufficiency',"
            " 'question', 'high', '[\"placements\"]', 'open', '2026-01-01', '2026-01-01')"
        )
        assert matching(conn, "sufficiency") == [("note", "n1")]
        conn.execute("UPDATE annotation SET body = 'Ask about placements' WHERE uuid = 'n1'")
        assert matching(conn, "sufficiency") == []
        assert matching(conn, "placements") == [("note", "n1")]
        conn.execute("UPDATE annotation SET deleted_at = '2026-01-02' WHERE uuid = 'n1'")
        assert matching(conn, "placements") == []
        conn.execute("UPDATE annotation SET status = 'closed' WHERE uuid = 'n1'")  # still deleted
        conn.execute("DELETE FROM annotation WHERE uuid = 'n1'")
        assert matching(conn, "placements") == []
    assert all(kind != "note" for kind, _ in index_rows(db_path))


def test_an_upgraded_store_has_its_old_records_indexed(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE_V1, path)
    with raw_connect(path) as conn:
        items = conn.execute("SELECT count(*) FROM agenda_item").fetchone()[0]
    open_store(path).close()
    with raw_connect(path) as conn:
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        indexed = conn.execute(
            "SELECT count(*) FROM search_words w JOIN search_entry e ON e.rowid = w.rowid"
            " WHERE e.kind = 'item'"
        ).fetchone()[0]
    assert version == SCHEMA_VERSION
    assert items > 0 and indexed == items


def every_entry_indexed(path: Path) -> None:
    """The index holds exactly one entry for each item, record and live note, each with
    the right words (a wrong 'delete' would show as damage in the integrity check)."""
    rows = index_rows(path)
    with raw_connect(path) as conn:
        expected = sorted(conn.execute("SELECT kind, ref FROM search_entry"), key=repr)
        for kind, ref, body in conn.execute("SELECT kind, ref, body FROM search_entry LIMIT 50"):
            words = " ".join(f'"{w}"' for w in body.replace('"', " ").split()[:3])
            if words:
                assert (kind, ref) in matching(conn, words), (kind, ref)
    assert rows == expected


def test_ingest_reingest_and_copy_index_every_record_once(tmp_path, seed_paths):
    from scrutiny_tui.services.ingest import ingest_paths
    from scrutiny_tui.services.store_copy import copy_between

    folder = tmp_path / "minutes"
    folder.mkdir()
    for seed in seed_paths:
        shutil.copy(seed, folder / seed.name)
    path = tmp_path / "store.db"
    store = open_store(path)
    ingest_paths(store, [folder], workers=1)
    every_entry_indexed(path)
    changed = folder / seed_paths[0].name
    changed.write_text("Apologies\n\nNone.\n\n" + changed.read_text("utf-8"), "utf-8")
    ingest_paths(store, [folder], workers=1)  # one document replaced: its old words forgotten
    store.close()
    every_entry_indexed(path)
    copy_between(str(path), str(tmp_path / "copy.db"))
    every_entry_indexed(tmp_path / "copy.db")
