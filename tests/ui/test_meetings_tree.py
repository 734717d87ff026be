"""The Meetings tree keeps its cursor in sight and enter opens: a meeting unfolds to its
first agenda item (never folds), an item opens; space, left and right fold and unfold."""

from __future__ import annotations

import pytest
from conftest import screen_text, settle
from fixture_store import ItemSpec, MeetingSpec, build_store
from textual.widgets import Tree

from scrutiny_tui.store.db import Store
from scrutiny_tui.ui.refs import ItemRef, MeetingRef
from scrutiny_tui.ui.screens.item import ItemScreen
from scrutiny_tui.ui.screens.meetings import PRELOAD_ITEMS_UP_TO, MeetingsScreen

MEETINGS = PRELOAD_ITEMS_UP_TO + 5  # more than are opened at the start: items load on demand


def meeting(n: int) -> MeetingSpec:
    return MeetingSpec(
        path=f"/minutes/m{n:02}.txt",
        items=[
            ItemSpec(title=f"Budget monitoring {n:02}", text=f"Minutes of item {n:02}."),
            ItemSpec(title=f"Work programme {n:02}", text=f"The work programme {n:02}."),
        ],
        council="Testshire County Council",
        body="Scrutiny Committee",
        date=f"2024-{n // 28 + 1:02}-{n % 28 + 1:02}",
    )


@pytest.fixture
def many_meetings(tmp_path) -> Store:
    store = build_store(tmp_path / "many.db", [meeting(n) for n in range(MEETINGS)])
    yield store
    store.close()


def tree(app) -> Tree:
    return app.screen.query_one("#meetings", Tree)


def cursor_row(app) -> str:
    node = tree(app).cursor_node
    assert node is not None
    return node.label.plain


async def test_g_and_G_bring_the_cursor_into_sight(many_meetings, make_app):
    app = make_app(many_meetings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert tree(app).last_line > 30  # taller than the screen
        await pilot.press("G")
        await settle(pilot)
        last = cursor_row(app)
        assert last.startswith("2024-01-01")  # oldest last
        assert last.split("  ")[0] in screen_text(pilot)
        assert tree(app).cursor_line == tree(app).last_line
        await pilot.press("g")
        await settle(pilot)
        assert tree(app).cursor_line == 0
        assert tree(app).scroll_y == 0
        assert "Testshire County Council" in screen_text(pilot)


async def test_enter_on_a_folded_meeting_unfolds_it_and_goes_to_its_first_item(
    many_meetings, make_app
):
    app = make_app(many_meetings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("g", "j", "j")  # council, committee, the newest meeting
        node = tree(app).cursor_node
        assert node is not None and isinstance(node.data, MeetingRef)
        assert not node.is_expanded  # a large archive: items load when a meeting opens
        await pilot.press("enter")
        await settle(pilot)
        assert node.is_expanded
        assert cursor_row(app).startswith("Budget monitoring 44")
        assert isinstance(tree(app).cursor_node.data, ItemRef)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "Budget monitoring 44" in screen_text(pilot)


async def test_enter_on_an_open_meeting_never_folds_it(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(tree(app).cursor_node.data, ItemRef)  # the first item
        await pilot.press("k")  # up to its meeting, open
        meeting_node = tree(app).cursor_node
        assert isinstance(meeting_node.data, MeetingRef) and meeting_node.is_expanded
        await pilot.press("enter")
        await settle(pilot)
        assert meeting_node.is_expanded
        assert "Care Services Portfolio Plan Priorities" in screen_text(pilot)
        assert isinstance(tree(app).cursor_node.data, ItemRef)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)


async def test_space_left_and_right_fold_and_unfold(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("k")  # the meeting of the first item
        meeting_node = tree(app).cursor_node
        await pilot.press("space")
        await settle(pilot)
        assert not meeting_node.is_expanded
        assert "12  Care Services Portfolio Plan Priorities" not in screen_text(pilot)
        await pilot.press("right")
        await settle(pilot)
        assert meeting_node.is_expanded
        assert tree(app).cursor_node is meeting_node
        await pilot.press("right")  # already open: to its first item
        await settle(pilot)
        assert isinstance(tree(app).cursor_node.data, ItemRef)
        await pilot.press("left")  # an item: up to its meeting
        await settle(pilot)
        assert tree(app).cursor_node is meeting_node
        await pilot.press("left")  # the meeting: folded
        await settle(pilot)
        assert not meeting_node.is_expanded
        assert isinstance(app.screen, MeetingsScreen)


async def test_the_hint_line_names_the_keys_that_work(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "enter: open  space ← →: fold  /: search  ?: help" in screen_text(pilot)
