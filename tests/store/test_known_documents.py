"""An ingest starts by reading every stored document's identity (path, hash, stat, key):
along the index that holds those columns, never through the documents' rows, whose text
sits before them."""

from __future__ import annotations

from pathlib import Path

from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store import documents
from scrutiny_tui.store.db import open_store
from scrutiny_tui.store.statistics import refresh_statistics
from tests.people_minutes import write_minutes


def test_the_documents_known_are_read_along_their_index(tmp_path: Path):
    store = open_store(tmp_path / "known.db")
    ingest_paths(store, [write_minutes(tmp_path / "minutes")], workers=1)
    with store.write() as conn:
        refresh_statistics(conn)  # the planner's statistics, as after every ingest
        # ... and as a sampled ANALYZE of a million-item store left them, when the planner
        # chose to scan the documents' rows, text and all
        conn.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'document'")
        conn.executemany(
            "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('document', ?, ?)",
            [
                ("ix_document_known", "217800 1 1 1 1 1 1 1 1 1 1"),
                ("ix_document_same_as", "288608 1001"),
                ("ix_document_key", "421152 1"),
                ("ix_document_sha256", "275706 1"),
                ("ix_document_path", "179400 1"),
            ],
        )
        conn.execute("ANALYZE sqlite_schema")  # the statistics read again
    with store.read() as conn:
        known = documents.known_documents(conn)
        path = next(iter(known))
        for sql in (documents._known_sql(conn), documents._known_sql(conn) + " WHERE path = ?"):
            params = (path,) if "?" in sql else ()
            plan = " ".join(
                str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            )
            assert "COVERING INDEX ix_document_known" in plan, plan
        assert documents.known_document(conn, path) == known[path]
    store.close()
