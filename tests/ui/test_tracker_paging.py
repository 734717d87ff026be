"""A tracker shows its first page before its rows are counted, says it is counting until
then, and loads the next page as the cursor nears the end, in the order one read gives."""

from __future__ import annotations

import threading
from dataclasses import replace

from conftest import TODAY, settle
from textual.widgets import DataTable, Static

from scrutiny_tui.services import tracker
from scrutiny_tui.ui.screens import tracker_base
from scrutiny_tui.ui.screens.actions import ActionsScreen

# the next page is fetched once the cursor is this near the end of what is loaded
NEAR = 1


def count_text(app) -> str:
    return str(app.screen.query_one("#count", Static).render())


async def test_first_page_is_shown_before_the_count_arrives(fixture_store, make_app, monkeypatch):
    counting = threading.Event()
    release = threading.Event()
    counted = tracker.actions_count

    def slow_count(*args, **kwargs):
        counting.set()
        release.wait(10)
        return counted(*args, **kwargs)

    monkeypatch.setattr(tracker, "actions_count", slow_count)
    monkeypatch.setattr(tracker_base, "FETCH_AHEAD", NEAR)
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        # three actions in one page: nothing follows it, so nothing needs counting
        assert count_text(app).startswith("3 of 3 ·") and not counting.is_set()

        screen.query_state = replace(screen.query_state, limit=2)  # pages of two
        screen.reload()
        while not counting.is_set():
            await pilot.pause(0.01)
        table = screen.query_one(DataTable)
        assert table.row_count == 2  # on screen while the count is still running
        assert count_text(app).startswith("2 of … ·")

        release.set()
        await settle(pilot)
        assert count_text(app).startswith("2 of 3 ·")


async def test_the_next_page_follows_in_the_order_of_one_read(fixture_store, make_app, monkeypatch):
    monkeypatch.setattr(tracker_base, "FETCH_AHEAD", NEAR)
    whole = tracker.actions_page(fixture_store, tracker.TrackerQuery(), today=TODAY)
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        screen.query_state = replace(screen.query_state, limit=2)
        screen.reload()
        await settle(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 2 and screen.more
        await pilot.press("down")  # near the end of what is loaded: the next page
        await settle(pilot)
        assert table.row_count == 3 and not screen.more
        shown = [str(table.coordinate_to_cell_key((n, 0)).row_key.value) for n in range(3)]
        assert shown == [row.uid for row in whole.rows]
        assert count_text(app).startswith("3 of 3 ·")
