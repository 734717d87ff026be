"""A tracker read page by page, without counting (as the screens read it), gives the same
rows in the same order as one counted read, on both engines; the count, read apart, is the
counted read's total; and the actions' default order, read along its index, is the order
the planner's own join gives."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

import pytest

from scrutiny_tui.services import tracker
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.tracker import TrackerQuery
from scrutiny_tui.store import tracking
from scrutiny_tui.store.db import Store, open_store
from scrutiny_tui.store.tracking import PageRequest
from tests.conftest import DATA_DIR, FIXTURES

TODAY = date(2026, 1, 15)
WHEN = datetime(2026, 1, 10, 9, 30, tzinfo=UTC)
PAGE = 4  # small pages, so that ties in due dates fall across page boundaries


@pytest.fixture
def store(store_target: str):
    store = open_store(store_target)
    ingest_paths(store, [DATA_DIR, FIXTURES / "minutes"])
    actions = tracker.actions_page(store, TrackerQuery(limit=1000), today=TODAY).rows
    for row in actions[1::3]:  # some done, among the dated and the undated
        tracker.set_action_done(store, row.uid, True, now=WHEN)
    yield store
    store.close()


def _paged(read: Any, query: TrackerQuery) -> tuple[list[Any], list[bool]]:
    """Every row, read a page at a time until a page says no more follow; and each page's
    ``more``."""
    rows: list[Any] = []
    mores: list[bool] = []
    while True:
        page = read(dataclasses.replace(query, offset=len(rows), limit=PAGE))
        assert page.offset == len(rows) and len(page.rows) <= PAGE
        rows.extend(page.rows)
        mores.append(page.more)
        if not page.more:
            return rows, mores


def _sorts(columns: tuple[tracker.Column, ...]) -> list[tuple[str, bool]]:
    return [("", False)] + [(c.key, d) for c in columns for d in (False, True)]


@pytest.mark.parametrize("show", ["all", "open", "overdue"])
def test_actions_read_page_by_page_match_one_counted_read(store: Store, show: str) -> None:
    for sort, descending in _sorts(tracker.ACTIONS.columns):
        query = TrackerQuery(sort=sort, descending=descending)
        whole = tracker.actions_page(
            store, dataclasses.replace(query, limit=1000), today=TODAY, show=show
        )
        assert whole.total == len(whole.rows) > PAGE, (sort, descending)

        def read(q: TrackerQuery) -> tracker.Rows[tracker.ActionRow]:
            return tracker.actions_rows(store, q, today=TODAY, show=show)

        rows, mores = _paged(read, query)
        assert rows == list(whole.rows), (sort, descending)
        assert mores == [True] * (len(mores) - 1) + [False]
        assert tracker.actions_count(store, query, today=TODAY, show=show) == whole.total


def test_action_counts_with_filter_words_and_views(store: Store) -> None:
    for show in ("all", "open", "overdue"):
        for text in ("", "report", "report committee", "no such words"):
            query = TrackerQuery(text=text, limit=1000)
            whole = tracker.actions_page(store, query, today=TODAY, show=show)
            assert tracker.actions_count(store, query, today=TODAY, show=show) == whole.total
            assert whole.total == len(whole.rows)


def test_overdue_actions_are_those_past_their_last_day_and_not_done(store: Store) -> None:
    everything = tracker.actions_page(store, TrackerQuery(limit=1000), today=TODAY).rows
    overdue = tracker.actions_page(store, TrackerQuery(limit=1000), today=TODAY, show="overdue")
    assert [r.uid for r in overdue.rows] == [r.uid for r in everything if r.overdue]
    assert overdue.rows and all(r.due and not r.done for r in overdue.rows)


def test_resolutions_and_recommendations_read_page_by_page(store: Store) -> None:
    for sort, descending in _sorts(tracker.RESOLUTIONS.columns):
        query = TrackerQuery(sort=sort, descending=descending)
        whole = tracker.resolutions_page(store, dataclasses.replace(query, limit=1000))
        rows, _ = _paged(lambda q: tracker.resolutions_rows(store, q), query)
        assert rows == list(whole.rows), (sort, descending)
        assert tracker.resolutions_count(store, query) == whole.total
    for show in ("all", "awaiting"):
        for sort, descending in _sorts(tracker.RECOMMENDATIONS.columns):
            query = TrackerQuery(sort=sort, descending=descending)
            whole = tracker.recommendations_page(
                store, dataclasses.replace(query, limit=1000), show=show
            )
            rows, _ = _paged(
                lambda q: tracker.recommendations_rows(store, q, show=show),  # noqa: B023
                query,
            )
            assert rows == list(whole.rows), (show, sort, descending)
            assert tracker.recommendations_count(store, query, show=show) == whole.total


@pytest.mark.parametrize("show", ["all", "open", "overdue"])
def test_the_indexed_read_gives_the_order_the_planner_gives(store: Store, show: str) -> None:
    """The default order and the due column's, read along ix_action_due_order, are row for
    row what the listing's own join gives (its order ends on a unique key, so there is one
    right answer)."""
    planned = dataclasses.replace(tracking.ACTIONS, indexed_source="")
    iso = TODAY.isoformat()
    extra, params = {
        "all": ("", {}),
        "open": (tracking._OPEN, {}),
        "overdue": (tracking._OVERDUE, {"today": iso, "month": iso[:7], "year": iso[:4]}),
    }[show]
    with store.read() as conn:
        for sort in ("", "due"):
            request = PageRequest(sort=sort, limit=1000)
            assert tracking.ACTIONS.source_for(request) == tracking.ACTIONS.indexed_source
            ours = tracking.ACTIONS.rows(conn, "a.uid", request, extra, params)
            theirs = planned.rows(conn, "a.uid", request, extra, params)
            assert ours == theirs and len(ours) > PAGE


def test_the_default_order_is_read_from_the_index_not_sorted_whole(tmp_path) -> None:
    store = open_store(tmp_path / "store.db")
    try:
        with store.read() as conn:
            request = PageRequest(limit=100)
            plan = " / ".join(
                str(row[3])
                for row in conn.execute(
                    f"EXPLAIN QUERY PLAN SELECT a.uid {tracking.ACTIONS.source_for(request)}"
                    f" WHERE TRUE ORDER BY {tracking.ACTIONS.order_by(request)} LIMIT 100"
                )
            )
    finally:
        store.close()
    assert "SCAN a USING INDEX ix_action_due_order" in plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan  # at most the RIGHT PART (one due date)
