"""e on a meeting corrects its council, committee and date; the tree shows the correction,
and a single-item page is headed by its item rather than its file name."""

from __future__ import annotations

import pytest
from conftest import flat, screen_text, settle
from fixture_store import ItemSpec, MeetingSpec, build_store
from textual.widgets import Input

from scrutiny_tui.services.browse import list_meetings
from scrutiny_tui.ui.dialogs.meeting_form import MeetingForm
from scrutiny_tui.ui.screens.meetings import MeetingsScreen
from scrutiny_tui.vocabulary import NO_COMMITTEE

PAGE = "/minutes/4f9c2a7e1b3d5a60.txt"


@pytest.fixture
def page_store(tmp_path):
    item = ItemSpec(title="Home to school transport", number="8", text="The policy was noted.")
    store = build_store(tmp_path / "page.db", [MeetingSpec(PAGE, [item])])
    yield store
    store.close()


async def to_meeting(pilot) -> None:
    await settle(pilot)
    assert isinstance(pilot.app.screen, MeetingsScreen)
    tree = pilot.app.screen.query_one("#meetings")
    await pilot.press("g")
    for _ in range(5):
        node = tree.cursor_node
        if node is not None and type(node.data).__name__ == "MeetingRef":
            return
        await pilot.press("j")
    raise AssertionError(f"no meeting in the tree: {tree.cursor_node!r}")


async def test_a_page_about_one_item_is_headed_by_that_item(page_store, make_app):
    app = make_app(page_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        shown = flat(screen_text(pilot))
    assert "(undated) Home to school transport 4f9c2a7e1b3d5a60.txt" in shown


async def test_e_corrects_the_meeting_at_the_cursor(page_store, make_app):
    app = make_app(page_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await to_meeting(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, MeetingForm)
        form.query_one("#committee", Input).value = "Children's Scrutiny"
        form.query_one("#date", Input).value = "12 March 2025"
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = flat(screen_text(pilot))
    (meeting,) = list_meetings(page_store)
    assert (meeting.committee, meeting.date) == ("Children's Scrutiny", "2025-03-12")
    assert "Children's Scrutiny" in shown and "2025-03-12 Home to school transport" in shown
    assert NO_COMMITTEE not in shown


async def test_a_date_that_is_not_one_keeps_the_form_and_the_words(page_store, make_app):
    app = make_app(page_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await to_meeting(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#committee", Input).value = "Children's Scrutiny"
        app.screen.query_one("#date", Input).value = "the twelfth"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MeetingForm)
        assert "Not saved: Not a date" in flat(screen_text(pilot))
        assert app.screen.query_one("#committee", Input).value == "Children's Scrutiny"
    assert list_meetings(page_store)[0].committee is None
