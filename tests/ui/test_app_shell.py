"""Empty store guidance, hostile text shown literally, help, palette and modes."""

from __future__ import annotations

from conftest import screen_text, settle

from scrutiny_tui.ui.dialogs.help import HelpScreen
from scrutiny_tui.ui.screens.item import ItemScreen, Paragraph
from scrutiny_tui.ui.screens.meetings import MeetingsScreen
from scrutiny_tui.ui.text import literal


async def test_empty_store_explains_how_to_add_minutes(empty_store, make_app):
    async with make_app(empty_store).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = screen_text(pilot)
        assert "No minutes yet." in shown
        assert "scrutiny ingest PATH" in shown
        assert "press  i  to import" in shown
        await pilot.press("t")
        await settle(pilot)
        assert "No actions yet." in screen_text(pilot)


async def test_hostile_markup_and_escapes_are_shown_literally(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        shown = screen_text(pilot)
        assert "[bold]Budget[/] monitoring [@click=app.quit]" in shown
        await pilot.press("G", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        lines = [p.text for p in app.screen.query(Paragraph)]
        hostile = next(line for line in lines if "overspend" in line)
        shown = screen_text(pilot)
        assert "[bold]Budget[/] overspend [link=https://example.invalid]click here[/link]" in shown
        assert "[@click=app.quit]quit[/]" in shown
        assert "␛[2J␛]52;c;ZXZpbA==␇ end" in shown
        assert "[red]nothing[/red]" in shown
        assert "\x1b" not in app.export_screenshot()
        assert literal(hostile).plain.count("␛") == 2
        assert "[bold]" in app.screen.query_one("#heading").visual.plain
        # clicking the words that would be a link or an action in markup does nothing
        await pilot.click(Paragraph, offset=(30, 0))
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen)
        assert app.is_running


async def test_help_lists_the_keys_of_the_current_screen(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(pilot)
        for phrase in ("Keys: Recommendations", "Status", "Edit", "Sort", "This screen"):
            assert phrase in shown
        rows = {(row.shown, row.does, row.group) for row in app.screen.rows}
        assert {
            ("s", "Status", "This screen"),
            ("⏎", "Open", "This screen"),
            ("↑ ↓ j k", "Move up / down", "Moving around"),
            ("/", "Search", "Everywhere"),
        } <= rows
        assert ("Quit", "Everywhere") in {(row.does, row.group) for row in app.screen.rows}
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_offers_screens_and_screen_actions(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"actions", "enter")
        await settle(pilot)
        assert app.current_mode == "actions"
        await pilot.press("ctrl+p", *"done")
        await settle(pilot)
        assert "Done (Actions)" in screen_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "✓ done" in screen_text(pilot)


async def test_mode_keys_switch_areas_and_keep_their_place(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert app.current_mode == "resolutions"
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)  # back where the user left meetings
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MeetingsScreen)  # and again: the top of meetings
