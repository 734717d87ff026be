"""Import from inside the app: a path, a worker with progress, a summary, fresh screens."""

from __future__ import annotations

from conftest import flat, screen_text, settle
from textual.widgets import Input

from scrutiny_tui.ui.dialogs.importer import ImportScreen


async def test_importing_the_seeds_fills_an_empty_store(empty_store, make_app, seed_paths):
    app = make_app(empty_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one(Input).value = str(seed_paths[0].parent)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.3)
        assert f"{len(seed_paths)} new, 0 changed" in flat(screen_text(pilot))
        await pilot.press("escape")
        await settle(pilot)
        assert "Redesign of Children's Services" in screen_text(pilot)


async def test_a_path_that_is_not_there(empty_store, make_app, tmp_path):
    app = make_app(empty_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one(Input).value = str(tmp_path / "nowhere")
        await pilot.press("enter")
        await settle(pilot)
        assert "Not found:" in flat(screen_text(pilot))
