"""The app on a team store (a real PostgreSQL server the tests start): it shows what another
member changes without a keypress, and a status chosen over another member's change is
refused with who set what, not saved over it."""

from __future__ import annotations

import asyncio

from conftest import flat, screen_text, settle
from fixture_store import build_store
from textual.widgets import DataTable

from scrutiny_tui.services import tracker
from scrutiny_tui.ui.screens.recommendations import RecommendationsScreen
from tests.team import Team

REC = "/minutes/care-2016-06-29.txt#i0#rec0"


def statuses(app) -> list[str]:
    return [cell.plain for cell in app.screen.query_one(DataTable).get_column("status")]


async def until(pilot, condition, seconds: float = 10.0) -> bool:
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await asyncio.sleep(0.1)
        await pilot.pause()
    return condition()


async def test_a_status_set_by_another_member_appears_on_the_screen(pg_server, make_app):
    team = Team(pg_server, officers=(), build=build_store)
    alice, bob = team.member("alice"), team.member("bob")
    try:
        app = make_app(alice)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            assert isinstance(app.screen, RecommendationsScreen)
            assert "Accepted" not in statuses(app)[0]
            tracker.set_status(bob, REC, "Accepted")
            assert await until(pilot, lambda: "Accepted" in statuses(app)[0])
            # What the member saw is now out of date; choosing over it is refused and said.
            tracker.set_status(bob, REC, "Slipped")
            app.stop_following.set()  # this member has not seen bob's second change
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, RecommendationsScreen)
            screen.save_status(REC, "Rejected", "Accepted")
            await settle(pilot)
            # The toast sits beside the table, so its lines are read as words in any order.
            told = await until(pilot, lambda: "Not saved" in screen_text(pilot))
            shown = flat(screen_text(pilot))
            assert told and {"Slipped", "bob", "choosing;"} <= set(shown.split()), shown
        assert tracker.recommendation(alice, REC).status == "Slipped"
    finally:
        team.close()
