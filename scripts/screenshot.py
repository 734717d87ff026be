"""Make docs/screenshot.svg (the Attention screen the app opens on) and docs/item.svg (an
agenda item with a resolution highlighted): the seeds in data/ ingested into a throwaway
store, the app headless at 120x36.

    .venv/bin/python scripts/screenshot.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from scrutiny_tui.config import Settings
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import open_store
from scrutiny_tui.ui.app import ScrutinyApp

ROOT = Path(__file__).resolve().parent.parent


async def shoot(store_path: Path, out: Path) -> None:
    store = open_store(store_path)
    ingest_paths(store, [ROOT / "data"])
    app = ScrutinyApp(store, Settings(), cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        app.save_screenshot(filename=out.name, path=str(out.parent))
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        await pilot.press("down", "down")
        await pilot.pause(0.3)
        app.save_screenshot(filename="item.svg", path=str(out.parent))
    store.close()


def main() -> int:
    out = ROOT / "docs" / "screenshot.svg"
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(shoot(Path(folder) / "store.db", out))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
