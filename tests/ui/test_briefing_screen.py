"""The Briefing screen: scope, preview, save, and asking before replacing a file."""

from __future__ import annotations

from pathlib import Path

from conftest import flat, screen_text, settle
from textual.widgets import Input

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
