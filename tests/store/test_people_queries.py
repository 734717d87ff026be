"""The People queries: counted in SQL (never attendance row by row in Python), the same
whether the entries are looked up person by person or against the temporary table a long
list uses, and the list's pass over attendance reading only the covering index."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_tui.services import people as ppl
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store import people as queries
from scrutiny_tui.store.db import open_store
from tests.people_minutes import write_minutes


@pytest.fixture
def store(tmp_path: Path):
    store = open_store(tmp_path / "people.db")
    ingest_paths(store, [write_minutes(tmp_path / "minutes")], workers=1)
    yield store
    store.close()


def figures(store) -> list[tuple[str | None, str, int, int, str | None]]:
    return [
        (e.council, e.key, e.attended, e.apologies, e.roles[0].role if e.roles else None)
        for e in ppl.people(store).entries
    ]


def test_a_long_list_counts_the_same_through_the_temporary_table(store, monkeypatch):
    by_person = figures(store)
    monkeypatch.setattr(queries, "FEW", 0)  # every list now goes through temp.people_map
    assert figures(store) == by_person
    assert ("Anyshire County Council", "r stone", 2, 0, None) in by_person
    with store.read() as conn:  # and the table is left empty for the next read
        assert conn.execute("SELECT COUNT(*) FROM temp.people_map").fetchone()[0] == 0


def test_the_names_pass_reads_only_the_covering_index(store):
    statements: list[str] = []
    with store.read() as conn:
        conn.set_trace_callback(statements.append)
        try:
            queries.names(conn)
        finally:
            conn.set_trace_callback(None)
        [names_sql] = [s for s in statements if "GROUP BY" in s]
        plan = " ".join(str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {names_sql}"))
    assert "SEARCH a USING COVERING INDEX ix_attendance_people" in plan


def test_a_council_not_stated_is_a_council_of_its_own(store):
    with store.write() as conn:
        conn.execute("UPDATE meeting SET council = NULL WHERE council LIKE 'Borset%'")
    found = {(e.council, e.key) for e in ppl.people(store).entries}
    assert (None, "judith blake") in found
    assert ("Anyshire County Council", "judith blake") in found
    assert [e.council for e in ppl.people(store, "not stated").entries] == [None, None]
