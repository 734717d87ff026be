"""Documents' and items' text are stored compressed in the single file, read back whole, and
text written plain by an older version reads, searches and deletes the same."""

from __future__ import annotations

from pathlib import Path

from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.search import search
from scrutiny_tui.store.browse import item_minutes
from scrutiny_tui.store.db import open_store
from scrutiny_tui.store.packed_text import packed, unpacked
from scrutiny_tui.store.pg_sql import to_postgres
from scrutiny_tui.store.sources import document_text
from tests.raw_sqlite import connect as raw_connect

MINUTES = Path(__file__).resolve().parent.parent / "fixtures" / "minutes"
WORDS = "safeguarding OR budget"


def build_store(path: Path) -> None:
    """A store written by the store's own writer, from whole meetings' minutes."""
    store = open_store(path)
    try:
        summary = ingest_paths(store, sorted(MINUTES.glob("*.txt")), workers=0)
        assert summary.new == 4 and not summary.failed, summary.describe()
    finally:
        store.close()


def what_a_member_reads(path: Path) -> tuple[list[object], list[object], list[str]]:
    """Every item's raw minutes, every document's text, and what a search finds."""
    store = open_store(path)
    try:
        with store.read() as conn:
            items = [item_minutes(conn, i) for (i,) in conn.execute("SELECT id FROM agenda_item")]
            docs = [document_text(conn, d) for (d,) in conn.execute("SELECT id FROM document")]
        found = [f"{h.kind}:{h.snippet}" for h in search(store, WORDS).hits]
    finally:
        store.close()
    return items, docs, found


def test_texts_are_stored_packed_and_read_back_whole(db_path):
    build_store(db_path)
    with raw_connect(db_path) as conn:
        kinds = conn.execute(
            "SELECT DISTINCT typeof(text) FROM document WHERE text != ''"
            " UNION SELECT DISTINCT typeof(text) FROM agenda_item WHERE text != ''"
        ).fetchall()
        assert kinds == [("blob",)]
        stored, whole = conn.execute(
            "SELECT sum(length(text)), sum(length(CAST(unpacked(text) AS BLOB))) FROM document"
        ).fetchone()
        assert stored < whole
    items, docs, found = what_a_member_reads(db_path)
    assert all(item and item[1] for item in items) and all(docs)
    assert len(found) > 2


def test_plain_text_from_an_older_version_reads_searches_and_deletes_the_same(db_path):
    build_store(db_path)
    before = what_a_member_reads(db_path)
    with raw_connect(db_path) as conn:
        conn.execute("UPDATE document SET text = unpacked(text)")
        conn.execute("UPDATE agenda_item SET text = unpacked(text)")
        assert conn.execute("SELECT DISTINCT typeof(text) FROM agenda_item").fetchall() == [
            ("text",)
        ]
    assert what_a_member_reads(db_path) == before
    with raw_connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM document")
        # the delete trigger gave the index the very words it held: nothing is left of them
        conn.execute("INSERT INTO search_words (search_words) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*) FROM search_words").fetchone()[0] == 0


def test_packing_keeps_every_text_and_nothing_to_pack_stays_as_it_is():
    for text in ("Cllr Ó Súilleabháin £3.2m – “quoted”\n\x1b[31m", "a" * 100_000):
        assert unpacked(packed(text)) == text
    assert packed("") == "" and packed(None) is None and unpacked("plain") == "plain"


def test_a_team_store_reads_the_same_sql_without_the_packing_functions():
    sql = "SELECT substr(unpacked(d.text), 1, 5) FROM document d WHERE d.text = packed(?)"
    assert to_postgres(sql) == "SELECT substr((d.text), 1, 5) FROM document d WHERE d.text = (%s)"
