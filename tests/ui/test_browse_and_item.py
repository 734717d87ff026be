"""Meetings tree, filter, item screen: driven by keys, asserting what is on screen."""

from __future__ import annotations

from conftest import flat, screen_text, settle
from textual.widgets import OptionList, TabbedContent

from scrutiny_tui.ui.screens.item import ItemScreen, Paragraph
from scrutiny_tui.ui.screens.meetings import MeetingsScreen


async def test_meetings_tree_shows_counts_and_missing_metadata(fixture_store, make_app):
    async with make_app(fixture_store).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = screen_text(pilot)
        assert "London Borough of Bromley  1 meeting" in shown
        assert "2016-06-29" in shown
        assert "3 res · 2 open actions · 0 concerns" in shown
        assert "(council not stated)" in shown
        assert "(committee not stated)" in shown
        # a page about one item is headed by that item (shown literally), then its file
        assert "(undated)  [bold]Budget[/] monitoring [@click=app.quit]  [bold]budget.txt" in shown


async def test_filter_by_date_range_and_committee(fixture_store, make_app):
    async with make_app(fixture_store).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"2016..2017", "enter")
        await settle(pilot)
        shown = screen_text(pilot)
        assert "Care Services Portfolio Plan Priorities" in shown
        assert "budget.txt" not in shown
        await pilot.press("f", "ctrl+u", *"c:zzz", "enter")
        await settle(pilot)
        assert "0 meetings" in screen_text(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "2 meetings" in screen_text(pilot)


async def test_enter_opens_item_and_resolution_c_highlights_its_source(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        shown = flat(screen_text(pilot))
        assert "Care Services PDS Committee › 2016-06-29" in shown
        assert "Res 3" in shown  # (the strip is 50 columns: labels shortened to fit)
        await pilot.press("j", "j")  # (a) → (c)
        await pilot.pause()
        marked = [p.text for p in app.screen.query(Paragraph) if p.has_class("-marked")]
        assert marked == [
            "c)  That a meeting with the Chief Executive be arranged to progress recommendation 11."
        ]
        assert "(c) That a meeting with the Chief" in flat(screen_text(pilot))
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen)


async def test_item_tabs_switch_with_brackets_and_action_marked_done(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        tabs = app.screen.query_one(TabbedContent)
        assert tabs.active == "tab-actions"
        await pilot.press("down")
        assert isinstance(app.focused, OptionList)
        await pilot.press("x")
        await settle(pilot)
        assert "✓ done" in screen_text(pilot)
        await pilot.press("right_square_bracket")
        assert tabs.active == "tab-notes"
        assert "No concerns noted: press a to add one" in screen_text(pilot)
        await pilot.press("right_square_bracket")
        assert tabs.active == "tab-attendees"
        assert "Councillor Judith Blake" in screen_text(pilot)
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        assert tabs.active == "tab-recommendations"
        await pilot.press("escape")
        await settle(pilot)
        assert "12  Care Services Portfolio Plan Priorities  3 res · 1 open action" in (
            screen_text(pilot)
        )
