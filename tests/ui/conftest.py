"""Fixtures for the app tests: a fixed 'today', stores built row by row or from the seeds,
and an app factory with the cursor blink off so screenshots are stable."""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

sys.path.insert(0, str(Path(__file__).parent))

from fixture_store import build_store

from scrutiny_tui.config import Settings
from scrutiny_tui.store.db import Store, open_store
from scrutiny_tui.ui.app import ScrutinyApp

TODAY = date(2026, 1, 15)


@pytest.fixture
def fixture_store(tmp_path: Path) -> Store:
    store = build_store(tmp_path / "fixture.db")
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "empty.db")
    yield store
    store.close()


@pytest.fixture
def make_app() -> Callable[[Store], ScrutinyApp]:
    def factory(
        store: Store, settings: Settings | None = None, first_screen: str | None = "meetings"
    ) -> ScrutinyApp:
        """The app on ``store``; most tests start on Meetings (``first_screen=None``: the app's
        own first screen, Attention)."""
        app = ScrutinyApp(
            store,
            settings or Settings(),
            today=lambda: TODAY,
            cursor_blink=False,
            first_screen=first_screen,
        )
        app.animation_level = "none"  # no waiting for tab underlines to slide
        return app

    return factory


async def settle(pilot: Pilot) -> None:
    """Let workers finish and their results land on screen."""
    for _ in range(2):
        # The worker hearing other members' changes runs as long as the app does.
        working = [w for w in pilot.app.workers if w.group != "others"]
        if working:  # (given none, it would wait for every worker)
            await pilot.app.workers.wait_for_complete(working)
        await pilot.pause()


_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def screen_text(pilot: Pilot) -> str:
    """What the terminal shows, as plain lines (read back from the SVG screenshot)."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for match in _SVG_TEXT.finditer(pilot.app.export_screenshot()):
        x, y = float(match[1]), float(match[2])
        lines.setdefault(y, []).append((x, html.unescape(match[3])))
    rows = []
    for y in sorted(lines):
        row = ""
        for x, text in sorted(lines[y]):
            row = row.ljust(round(x / 12.2)) + text
        rows.append(row.replace("\xa0", " ").rstrip())
    return "\n".join(rows)


def flat(text: str) -> str:
    """Screen text with runs of whitespace collapsed, for phrases that wrap."""
    return " ".join(text.split())
