"""The three trackers: sorting, filtering, status with history, edits, actions done."""

from __future__ import annotations

from conftest import flat, screen_text, settle
from textual.widgets import DataTable

from scrutiny_tui.services import tracker
from scrutiny_tui.store.db import open_store
from scrutiny_tui.ui.screens.item import ItemScreen
from scrutiny_tui.ui.screens.recommendations import RecommendationsScreen


def column_values(app, key: str) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [cell.plain for cell in table.get_column(key)]


async def test_resolutions_sort_filter_and_open(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert column_values(app, "label") == ["a", "b", "c", ""]
        await pilot.press("o", "o", "o")  # sort by label
        await settle(pilot)
        await pilot.press("O")  # descending
        await settle(pilot)
        assert column_values(app, "label")[:3] == ["c", "b", "a"]
        assert "sorted by Label ▼" in screen_text(pilot)
        await pilot.press("f", *"chief", "enter")
        await settle(pilot)
        assert column_values(app, "label") == ["c"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "(c) That a meeting with the Chief" in flat(screen_text(pilot))


async def test_header_click_sorts(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.click(DataTable, offset=(46, 0))  # the "Kind" header
        await settle(pilot)
        assert column_values(app, "kind") == ["agreed", "noted", "other", "recommended"]


async def test_status_is_saved_with_history_and_survives_restart(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, RecommendationsScreen)
        assert column_values(app, "reference") == ["Rec 4", "Res b"]
        await pilot.press("s", "j", "j", "enter")  # third status: Slipped
        await settle(pilot)
        shown = screen_text(pilot)
        assert "● Slipped" in shown
        assert "History:" in shown
    second_store = open_store(fixture_store.path)
    try:
        reopened = make_app(second_store)
        async with reopened.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            assert column_values(reopened, "status")[0] == "● Slipped"
            assert "Slipped" in flat(screen_text(pilot)).split("History:")[1]
    finally:
        second_store.close()
    history = tracker.status_history(fixture_store, "/minutes/care-2016-06-29.txt#i0#rec0")
    assert [h.status for h in history] == ["Slipped"]


async def test_tracker_form_edits_lead_and_action_taken(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e", "tab", "tab", *"Cllr Fox", "tab", *"Met", "ctrl+s")
        await settle(pilot)
        assert column_values(app, "lead")[0] == "Cllr Fox"
        assert "Action taken: Met" in screen_text(pilot)
    fields = tracker.tracking_fields(fixture_store, "/minutes/care-2016-06-29.txt#i0#rec0")
    assert (fields.lead, fields.action_taken, fields.area) == ("Cllr Fox", "Met", None)


async def test_actions_overdue_mark_done_and_show_filter(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        # today is 2026-01-15: 2016-01-10 and 2017-04 are overdue, 2099-01 is not
        assert column_values(app, "state") == ["! OVERDUE", "! OVERDUE", "open"]
        await pilot.press("x")
        await settle(pilot)
        assert column_values(app, "state")[0] == "✓ done"
        await pilot.press("v", "v")  # all → open → overdue
        await settle(pilot)
        assert column_values(app, "due") == ["2017-04"]
        assert "overdue actions" in screen_text(pilot)
    assert tracker.action_done(fixture_store, "/minutes/care-2016-06-29.txt#i0#act0")
