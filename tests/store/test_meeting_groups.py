"""The Meetings screen's first rows: an unfiltered list's council and committee groups are
read from the counts the single file keeps as meetings are written (a team store counts
along one index of the meetings), the same counts as the full query, and the agenda items
are counted after, in a query of their own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store import browse as queries
from scrutiny_tui.store.db import open_store
from tests.people_minutes import write_minutes
from tests.raw_sqlite import connect as raw_connect

OLD_STORE = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema_0011.sqlite"


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


def counted(conn) -> list[tuple[str | None, str | None, int]]:
    """The groups as a full pass over the meetings counts them, in the screen's order."""
    return conn.execute(
        "SELECT council, committee, count(*) FROM meeting GROUP BY council, committee"
        " ORDER BY council IS NULL, council, committee IS NULL, committee"
    ).fetchall()


def kept(conn) -> list[tuple[str | None, str | None, int]]:
    groups = queries.committee_groups(conn, queries.MeetingFilter(), count_items=False)
    return [(g.council, g.committee, g.meetings) for g in groups]


def test_the_kept_counts_follow_every_change_to_the_meetings(store):
    with store.write() as conn:
        assert kept(conn) == counted(conn) and len(counted(conn)) >= 1
        first, second = (
            row[0] for row in conn.execute("SELECT id FROM meeting ORDER BY id LIMIT 2")
        )
        # a meeting's committee corrected: it leaves its group for a new one
        conn.execute("UPDATE meeting SET committee = 'Corrected Panel' WHERE id = ?", (first,))
        assert kept(conn) == counted(conn)
        assert "Corrected Panel" in {g[1] for g in kept(conn)}
        # a council and a committee unknown (NULL) are a group of their own
        conn.execute("UPDATE meeting SET council = NULL, committee = NULL WHERE id = ?", (second,))
        assert kept(conn) == counted(conn) and (None, None, 1) in kept(conn)
        # a meeting's document deleted: its meetings go with it (by the foreign key)
        conn.execute(
            "DELETE FROM document WHERE id = (SELECT document_id FROM meeting WHERE id = ?)",
            (first,),
        )
        assert kept(conn) == counted(conn)
        assert "Corrected Panel" not in {g[1] for g in kept(conn)}  # an emptied group goes
        conn.execute("DELETE FROM meeting")
        assert kept(conn) == [] == counted(conn)


def test_the_kept_counts_follow_a_new_reading_of_the_minutes(store, tmp_path: Path):
    folder = tmp_path / "minutes"
    first = sorted(folder.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    ingest_paths(store, [folder], workers=1)  # the changed file's meetings read again
    (tmp_path / "more").mkdir()
    shutil.copy(first, tmp_path / "more" / "again.txt")
    ingest_paths(store, [tmp_path / "more"], workers=1)
    with store.read() as conn:
        assert kept(conn) == counted(conn)


def test_an_upgraded_store_has_its_groups_counted(tmp_path: Path):
    copy = tmp_path / "schema11.db"
    shutil.copy(OLD_STORE, copy)
    open_store(copy).close()
    with raw_connect(copy) as conn:
        assert counted(conn), "the old store holds meetings"
        rows = conn.execute(
            "SELECT council, committee, meetings FROM meeting_group"
            " ORDER BY council IS NULL, council, committee IS NULL, committee"
        ).fetchall()
        assert rows == counted(conn)
