"""The Briefing screen: scope, preview, save, and asking before replacing a file."""

from __future__ import annotations

from pathlib import Path

from conftest import flat, screen_text, settle
from fixture_store import ItemSpec, MeetingSpec, add_meeting
from textual.widgets import Checkbox, Input, Markdown

from scrutiny_tui.config import Settings
from scrutiny_tui.ui.dialogs.confirm import Confirm
from scrutiny_tui.ui.dialogs.save_path import SavePath
from scrutiny_tui.ui.screens.briefing import BriefingScreen


async def preview(pilot, committee: str = "") -> None:
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BriefingScreen)
    pilot.app.screen.query_one("#committee", Input).value = committee
    await pilot.press("enter")
    await settle(pilot)
    await pilot.pause(0.2)


async def test_preview_then_save_the_pack(fixture_store, make_app, tmp_path):
    app = make_app(fixture_store, Settings(export_dir=tmp_path / "packs"))
    async with app.run_test(size=(100, 30)) as pilot:
        await preview(pilot, "care")
        shown = flat(screen_text(pilot))
        assert "1 agenda items in scope" in shown
        assert "Briefing pack: Care Services PDS Committee" in shown
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SavePath)
        default = Path(app.screen.query_one(Input).value)
        assert default.parent == tmp_path / "packs"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.2)
        assert default.read_text(encoding="utf-8").startswith("# Briefing pack: Care Services")
        await settle(pilot)
        assert "Saved /" in flat(screen_text(pilot))


async def test_an_existing_file_is_replaced_only_when_confirmed(fixture_store, make_app, tmp_path):
    target = tmp_path / "pack.md"
    target.write_text("my own notes", encoding="utf-8")
    app = make_app(fixture_store, Settings(export_dir=tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await preview(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.2)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "my own notes"
        await pilot.press("ctrl+s")
        await settle(pilot)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.2)
        await pilot.press("y")
        await settle(pilot)
        await pilot.pause(0.2)
        assert target.read_text(encoding="utf-8").startswith("# Briefing pack")


async def test_an_empty_scope_says_so(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await preview(pilot, "planning")
        assert "Nothing in scope" in flat(screen_text(pilot))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, BriefingScreen)


async def open_briefing(pilot) -> BriefingScreen:
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BriefingScreen)
    return pilot.app.screen


async def test_the_app_keys_work_as_soon_as_the_screen_opens(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        assert not isinstance(app.focused, Input)
        await pilot.press("m")
        await settle(pilot)
        assert app.current_mode == "meetings"
        assert screen.query_one("#committee", Input).value == ""


async def test_escape_leaves_a_field_and_a_second_escape_goes_back(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("f", *"care")
        assert app.focused is screen.query_one("#committee", Input)
        await pilot.press("escape")
        assert not isinstance(app.focused, Input)
        assert screen.query_one("#committee", Input).value == "care"
        await pilot.press("enter")  # the scope typed is previewed from the preview too
        await settle(pilot)
        await pilot.pause(0.2)
        assert "Briefing pack: Care Services PDS Committee" in flat(screen_text(pilot))
        await pilot.press("r")
        await settle(pilot)
        assert app.current_mode == "resolutions"
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.current_mode == "attention"  # the app's first screen


def with_apologies(store):
    add_meeting(
        store,
        MeetingSpec(
            path="/minutes/care-2016-09-14.txt",
            body="Care Services PDS Committee",
            date="2016-09-14",
            items=[
                ItemSpec("Apologies for absence", "Apologies were received from Cllr Ames.", "20"),
                ItemSpec("Winter pressures", "The report was noted.", "21"),
            ],
        ),
    )
    return store


async def test_procedural_items_are_left_out_until_kept(fixture_store, make_app):
    app = make_app(with_apologies(fixture_store))
    async with app.run_test(size=(100, 30)) as pilot:
        await preview(pilot, "care")
        shown = flat(screen_text(pilot))
        assert "2 agenda items in scope" in shown
        await pilot.press("p")  # keep them: the preview is built again
        await settle(pilot)
        await pilot.pause(0.2)
        assert "3 agenda items in scope" in flat(screen_text(pilot))
        assert "Apologies for absence" in app.screen.briefing.markdown


async def test_the_next_meeting_preset(fixture_store, make_app, tmp_path):
    app = make_app(with_apologies(fixture_store), Settings(export_dir=tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        screen.query_one("#committee", Input).value = "care"
        await pilot.press("u", "enter")
        await settle(pilot)
        await pilot.pause(0.2)
        shown = flat(screen_text(pilot))
        assert "no meeting of a committee matching “care” from 2026-01-15 on is known" in shown
        assert "type its date in Meeting date" in shown
        assert screen.query_one("#since", Input).disabled  # the preset picks its own meetings
        screen.query_one("#for_date", Input).value = "2016-11-02"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.2)
        pack = screen.briefing
        assert pack is not None
        assert pack.title == "Care Services PDS Committee, meeting of 2016-11-02"
        assert "Briefing pack: Care Services PDS Committee, meeting of 2016-11-02" in flat(
            screen_text(pilot)
        )
        assert "Items of the last meeting (2016-09-14)" in pack.markdown


async def test_the_pack_is_saved_with_its_word_copy(fixture_store, make_app, tmp_path):
    app = make_app(fixture_store, Settings(export_dir=tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await preview(pilot, "care")
        app.screen.query_one("#docx", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        target = tmp_path / "care.md"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.2)
        assert target.exists() and target.with_suffix(".docx").exists()
        assert "and its .docx copy" in flat(screen_text(pilot))


async def test_a_contents_link_scrolls_the_preview_to_its_heading(fixture_store, make_app):
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await preview(pilot)
        preview_pane = app.screen.query_one("#preview")
        assert preview_pane.scroll_y == 0
        pack = app.screen.query_one("#pack", Markdown)
        pack.post_message(Markdown.LinkClicked(pack, "#agenda-items"))
        await settle(pilot)
        await pilot.pause(0.2)
        assert preview_pane.scroll_y > 0
        top = screen_text(pilot).split("Preview", 1)[1].splitlines()[1:4]
        assert "Agenda items" in " ".join(top)
