"""How the app is started and how failures reach the user."""

from __future__ import annotations

import subprocess
import sys

from conftest import screen_text, settle

from scrutiny_tui.cli import main
from scrutiny_tui.config import Settings
from scrutiny_tui.services import browse


def test_cli_does_not_import_textual_until_the_app_opens():
    code = "import sys, scrutiny_tui.cli; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_open_reports_an_unusable_database(tmp_path, capsys):
    assert main(["--db", str(tmp_path), "open"]) == 1
    assert "folder" in capsys.readouterr().err


async def test_theme_comes_from_settings(fixture_store, make_app):
    app = make_app(fixture_store, Settings(theme="textual-light"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("ctrl+p", *"toggle light", "enter")
        await settle(pilot)
        assert app.theme == "textual-dark"


async def test_a_failing_query_is_reported_not_fatal(fixture_store, make_app, monkeypatch):
    def broken(store, item_id):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(browse, "item_detail", broken)
    app = make_app(fixture_store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.1)  # the toast mounts after the worker's state message
        assert "RuntimeError: database is locked" in screen_text(pilot)
        assert app.is_running
