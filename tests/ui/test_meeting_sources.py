"""A member sees where a meeting's minutes came from: a file that has gone is marked, and the
other formats of the same minutes are named, in the meetings tree and on the item."""

from __future__ import annotations

from pathlib import Path

from conftest import flat, screen_text, settle

from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import open_store
from scrutiny_tui.ui.screens.item import ItemScreen
from tests.extract.source_builders import write_minutes_pdf

MINUTES = (
    Path(__file__).resolve().parent.parent / "fixtures" / "sources" / "meeting_minutes.txt"
).read_text(encoding="utf-8")


async def test_missing_file_and_other_formats_are_shown(tmp_path: Path, make_app) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    write_minutes_pdf(MINUTES, folder / "minutes.pdf")
    store = open_store(tmp_path / "store.db")
    ingest_paths(store, [folder], workers=0)
    (folder / "minutes.txt").unlink()
    ingest_paths(store, [folder], workers=0)

    app = make_app(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert "minutes.txt (file missing) +1 other file" in flat(screen_text(pilot))
        for _ in range(3):  # down the tree to the first item
            if isinstance(app.screen, ItemScreen):
                break
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "minutes.txt (file missing) · also minutes.pdf" in flat(screen_text(pilot))
