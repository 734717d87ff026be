"""The three trackers: sorting, filtering, status with history, edits, actions done."""

from __future__ import annotations

from conftest import flat, screen_text, settle
from textual.widgets import DataTable, Input

from scrutiny_tui.services import tracker
from scrutiny_tui.store.db import open_store
from scrutiny_tui.ui.dialogs.tracking_form import TrackingForm
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


def table_lines(pilot, first: str) -> list[str]:
    """The lines of the screen from the one holding ``first`` on."""
    lines = screen_text(pilot).splitlines()
    start = next(n for n, line in enumerate(lines) if first in line)
    return lines[start:]


async def test_edited_area_and_response_are_shown_in_full(fixture_store, make_app):
    app = make_app(fixture_store)
    area = "Children's social care"
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e", *area, "tab", *"12 March 2015", "tab", *"Cllr Fox", "ctrl+s")
        await settle(pilot)
        detail = flat(str(app.screen.query_one("#detail").visual))
        assert f"Area: {area}" in detail
        assert "Executive response: 2015-03-12" in detail
        header, first_row = table_lines(pilot, "Ref")[:2]
        for label in ("Ref", "Status", "Recommendation", "Committee", "Agreed", "Area"):
            assert label in header
        assert "Exec response" in header and "Action taken" in header
        assert area[:14] in first_row and "2015-03-12" in first_row
        await pilot.resize_terminal(220, 48)
        await pilot.pause(0.3)
        first_row = table_lines(pilot, "Ref")[1]
        assert area in first_row and "Cllr Fox" in first_row


async def test_long_tracker_columns_take_the_width_left_and_follow_a_resize(
    fixture_store, make_app
):
    app = make_app(fixture_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert 150 <= used <= 160  # the table fills the screen and no more
        narrow = table.columns["text"].width
        await pilot.resize_terminal(220, 48)
        await pilot.pause(0.3)
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.columns["text"].width > narrow + 15
        assert "The Board asked that cluster funding be made sustainable." in screen_text(pilot)


async def test_response_date_is_read_as_a_uk_date_and_stored_as_iso(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e", "tab", *"03/12/2015", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, TrackingForm)
    fields = tracker.tracking_fields(fixture_store, "/minutes/care-2016-06-29.txt#i0#rec0")
    assert fields.executive_response_date == "2015-12-03"  # day first: 3 December


async def test_a_response_date_that_is_not_a_date_is_refused_at_the_field(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e", "tab", *"March 2015", "tab", *"Cllr Fox", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TrackingForm)  # not saved, still open
        assert "Not a date: write it as 12/03/2015" in flat(screen_text(pilot))
        assert tracker.tracking_fields(fixture_store, "/minutes/care-2016-06-29.txt#i0#rec0") == (
            tracker.TrackingFields()
        )
        date_field = app.screen.query_one("#executive_response_date", Input)
        date_field.value = "12 Mar 2015"
        await pilot.pause()
        assert "Not a date" not in screen_text(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, TrackingForm)
    fields = tracker.tracking_fields(fixture_store, "/minutes/care-2016-06-29.txt#i0#rec0")
    assert (fields.executive_response_date, fields.lead) == ("2015-03-12", "Cllr Fox")


async def test_actions_name_their_committee_meeting_and_agenda_item(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        header, first_row = table_lines(pilot, "Due")[:2]
        assert "Item" in header and "Committee" in header and "Meeting" in header
        assert "Care Services PDS" in first_row and "2016-06-29" in first_row
        assert "12 Care Services Portfolio" in first_row  # the item's number as printed
        assert column_values(app, "item")[0].startswith("12 Care Services Portfolio Plan")
        detail = flat(str(app.screen.query_one("#detail").visual))
        assert "item 12 Care Services Portfolio Plan Priorities" in detail
        assert "from Care Services PDS Committee · 2016-06-29" in detail
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "Care Services Portfolio Plan Priorities" in screen_text(pilot)


async def test_actions_without_an_item_number_show_the_title(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert column_values(app, "item")[-1].startswith("[bold]Budget[/] monitoring")


async def test_recommendations_awaiting_response_can_be_shown_alone(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e", "tab", *"2015-03-12", "ctrl+s")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert column_values(app, "reference") == ["Res b"]
        assert "awaiting response" in screen_text(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert column_values(app, "reference") == ["Rec 4", "Res b"]
