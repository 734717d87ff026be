"""An agenda item of hundreds of thousands of lines opens at once, and the item screen still
highlights a record's words, jumps to them and quotes the line under the cursor in a note.

(One widget per line took 11.5 GB and drew nothing in five minutes for a million lines; the
map from stored to readable offsets held one number per character.)
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from scrutiny_tui.config import Settings
from scrutiny_tui.services import browse
from scrutiny_tui.services.notes import list_notes
from scrutiny_tui.store.db import Store
from scrutiny_tui.ui.app import ScrutinyApp
from scrutiny_tui.ui.dialogs.note_form import NoteForm
from scrutiny_tui.ui.screens.item import ItemScreen
from scrutiny_tui.ui.widgets.minutes import MinutesPane, Paragraph
from tests.ui.fixture_store import ItemSpec, MeetingSpec, build_store

LINES = 100_000
LATE = "RESOLVED that the very late recommendation be agreed."


def long_minutes(lines: int) -> str:
    text = [
        f"Line {n} of the long minutes, with some words." + ("\n" if n % 5 == 4 else "")
        for n in range(lines)
    ]
    text[-20] = LATE
    return "\n".join(text)


@pytest.fixture(scope="module")
def long_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    item = ItemSpec(
        title="Very long item", text=long_minutes(LINES), resolutions=[(None, "agreed", LATE)]
    )
    store = build_store(
        tmp_path_factory.mktemp("long") / "long.db",
        [MeetingSpec(path="/minutes/long.txt", items=[item], date="2024-01-01")],
    )
    yield store
    store.close()


def item_id(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute("SELECT id FROM agenda_item").fetchone()[0])


def test_reading_a_long_item_keeps_no_number_per_character(long_store):
    tracemalloc.start()
    try:
        detail = browse.item_detail(long_store, item_id(long_store))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert detail is not None
    (late,) = detail.resolutions
    assert detail.minutes[late.start : late.end] == LATE
    text_size = len(detail.minutes)  # ~9 MB; a number per character was ~40 bytes each
    assert peak < 8 * text_size


async def settle(pilot: Pilot) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def test_a_long_item_opens_at_once_and_keeps_highlight_jump_and_quote(long_store):
    app = ScrutinyApp(
        long_store,
        Settings(),
        today=lambda: date(2026, 1, 15),
        cursor_blink=False,
        first_screen="meetings",
    )
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        started = time.perf_counter()
        await pilot.press("enter")
        await settle(pilot)
        opened = time.perf_counter() - started
        screen = app.screen
        assert isinstance(screen, ItemScreen)
        pane = screen.query_one(MinutesPane)
        lines = pane.minutes.text.count("\n") + 1
        assert lines > LINES
        assert 0 < len(screen.query(Paragraph)) < 1000  # one page is mounted, not 100k
        assert opened < 20  # (under a second here; minutes before)

        # the resolution (highlighted as the item opens) is on the last page: it is brought
        # in, marked and scrolled to
        await settle(pilot)
        marked = [p for p in screen.query(Paragraph) if p.has_class("-marked")]
        assert [p.text for p in marked] == [LATE]
        assert marked[0].region.height > 0  # on screen
        assert pane.border_subtitle.endswith(f"of {lines:,}")

        # the cursor runs over pages; ``a`` quotes the line under it
        pane.focus()
        await pilot.press("g")
        await settle(pilot)
        assert screen.query(Paragraph)[1].text == "Line 0 of the long minutes, with some words."
        await pilot.press("G")
        await settle(pilot)
        assert pane.current().text == f"Line {LINES - 1} of the long minutes, with some words."
        assert screen.query(Paragraph).last().has_class("-cursor")
        await pilot.press("k", "k")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, NoteForm)
        app.screen.query_one("#body", TextArea).insert("Why so long?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (note,) = list_notes(long_store)
        assert note.quote == f"Line {LINES - 3} of the long minutes, with some words."
