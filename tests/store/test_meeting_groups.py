"""The Meetings screen's first rows: an unfiltered list's council and committee groups are
counted along one index of the meetings, the same counts as the full query, and the agenda
items are counted after, in a query of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store import browse as queries
from scrutiny_tui.store.db import open_store
from tests.people_minutes import write_minutes


@pytest.fixture
def store(tmp_path: Path):
    store = open_store(tmp_path / "groups.db")
    ingest_paths(store, [write_minutes(tmp_path / "minutes")], workers=1)
    yield store
    store.close()


def test_the_quick_groups_count_the_meetings_the_full_query_counts(store):
    everything = queries.MeetingFilter()
    with store.read() as conn:
        full = queries.committee_groups(conn, everything)
        quick = queries.committee_groups(conn, everything, count_items=False)
        total = queries.item_total(conn, everything)
    assert full, "the minutes give at least one group"
    assert [(g.council, g.committee, g.meetings) for g in quick] == [
        (g.council, g.committee, g.meetings) for g in full
    ]
    assert all(g.items is None for g in quick)
    assert total == sum(g.items or 0 for g in full) > 0


def test_a_filtered_item_total_counts_only_the_matching_meetings(store):
    with store.read() as conn:
        (committee,) = conn.execute("SELECT committee FROM meeting LIMIT 1").fetchone()
        flt = queries.MeetingFilter(committee=committee)
        groups = queries.committee_groups(conn, flt)
        assert queries.item_total(conn, flt) == sum(g.items or 0 for g in groups)


def test_the_quick_groups_read_only_the_meetings_index(store):
    with store.read() as conn:
        plan = " ".join(
            str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {queries._GROUP_MEETINGS}")
        )
    assert "SCAN m USING COVERING INDEX ix_meeting_council_committee" in plan
    assert "document" not in plan and "agenda_item" not in plan
