"""Search from anywhere: results as you type, literal snippets, enter opens the item."""

from __future__ import annotations

import asyncio

from conftest import flat, screen_text, settle

from scrutiny_tui.ui.screens.item import ItemScreen
from scrutiny_tui.ui.screens.search import SEARCH_DELAY, SearchScreen


async def type_query(pilot, query: str) -> None:
    await pilot.press(*query)
    await asyncio.sleep(SEARCH_DELAY + 0.1)
    await settle(pilot)


async def test_typing_finds_and_enter_opens_the_item(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_query(pilot, "CAMHS")
        shown = flat(screen_text(pilot))
        assert "1 match." in shown
        assert "Members asked about CAMHS waiting times" in shown
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "Care Services Portfolio Plan Priorities" in screen_text(pilot)


async def test_enter_in_the_box_goes_to_the_results(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_query(pilot, "noted")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)


async def test_a_malformed_query_gets_a_notice(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_query(pilot, '"AND (')
        assert isinstance(app.screen, SearchScreen)
        assert "searched for the words literally" in flat(screen_text(pilot))


async def test_hostile_snippets_are_shown_as_typed(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_query(pilot, "overspend")
        shown = screen_text(pilot)
        assert "[bold]Budget[/] overspend [link=https://example.invalid]click" in shown
        assert app.is_running
