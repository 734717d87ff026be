"""No stored text drives the terminal: the bytes the app writes are checked, not a screenshot.

Every place where stored text reaches the screen (the header's title and sub-title,
notifications, text boxes and the note editor, tables, tree labels, option lists, the
footer, the palette, dialogs) is shown a title, note or minutes line holding an OSC 52
clipboard write, an OSC 2 window title, a DCS string, a CSI the app itself never sends and
an 8-bit CSI. The app runs with a driver that writes what Textual renders for a real
terminal into a buffer, and the buffer must hold none of them, only their visible pictures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from scrutiny_tui.config import Settings
from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.notes import NoteInput
from scrutiny_tui.services.notes_exchange import export_notes, import_notes
from scrutiny_tui.services.topics import add_topic
from scrutiny_tui.store import sources
from scrutiny_tui.store.db import Store
from scrutiny_tui.ui.app import ScrutinyApp
from scrutiny_tui.ui.dialogs.note_form import NoteForm
from scrutiny_tui.ui.dialogs.tracking_form import TrackingForm
from scrutiny_tui.ui.screens.item import ItemScreen
from tests.ui.fixture_store import ItemSpec, MeetingSpec, build_store

PAYLOAD = "\x1b]52;c;ZXZpbA==\x07 \x1b]2;pwned\x07 \x1bPq#0\x1b\\ \x1b[3;9;9t \x9b6n end"
SHOWN = "␛]52;c;ZXZpbA==␇"  # how the start of PAYLOAD must look on screen


def hostile(tag: str) -> str:
    return f"{tag} {PAYLOAD}"


class CapturingDriver(HeadlessDriver):
    """Headless input, but output rendered as for a terminal and kept."""

    written: list[str]

    @property
    def is_headless(self) -> bool:
        return False  # so the app renders its screens into write()

    def write(self, data: str) -> None:
        type(self).written.append(data)


def injected(output: str) -> list[str]:
    """Every terminal control in ``output`` that came from stored text."""
    found = [
        f"OSC {match[1]!r}"
        for match in re.finditer(r"\x1b\]([^;\x07\x1b]*)", output)
        if match[1] not in ("22", "8")  # Textual's own: pointer shape and hyperlinks
    ]
    found += ["DCS"] * output.count("\x1bP")
    found += ["CSI 3;9;9t"] * output.count("\x1b[3;9;9t")
    found += [f"C1 {char!r}" for char in re.findall(r"[\x80-\x9f]", output)]
    return found


@pytest.fixture
def hostile_store(tmp_path: Path) -> Iterator[Store]:
    item = ItemSpec(
        title=hostile("ITEMTITLE"),
        number="7",
        text=f"Minutes:\n\n{hostile('MINUTESLINE')}\n\nRESOLVED that {hostile('RESOLVED')}.\n\n"
        f"Recommendation 1 - {hostile('RECOMMENDED')}\n\n{hostile('ACTIONWORDS')} by 2099.",
        resolutions=[("a", "agreed", f"RESOLVED that {hostile('RESOLVED')}.")],
        recommendations=[("1", hostile("RECOMMENDED"))],
        actions=[(hostile("ACTIONWORDS"), "2099-01", hostile("ACTIONTO"))],
        attendees=[(hostile("ATTENDEE"), hostile("ROLE"))],
    )
    meeting = MeetingSpec(
        path=f"/minutes/{hostile('FILENAME')}.txt",
        items=[item],
        council=hostile("COUNCIL"),
        body=hostile("COMMITTEE"),
        date="2024-05-01",
        title=hostile("MEETINGTITLE"),
    )
    store = build_store(tmp_path / "hostile.db", [meeting])
    with store.read() as conn:
        item_uid = conn.execute("SELECT uid FROM agenda_item").fetchone()[0]
        rec_uid = conn.execute("SELECT uid FROM recommendation").fetchone()[0]
    typed = notes.add_note(
        store,
        "item",
        item_uid,
        NoteInput(hostile("NOTEBODY"), tags=(hostile("NOTETAG"),), ask_at=hostile("ASKAT")),
    )
    # a note arriving in someone else's export, with escapes in every field
    shared = export_notes(store)
    entry = shared["items"][0]
    entry["id"] = "urn:uuid:0f0e0d0c-0b0a-4908-8706-050403020100"
    entry["body"][0]["value"] = hostile("IMPORTEDBODY")
    assert import_notes(store, shared).added == 1
    tracker.update_tracking(
        store,
        rec_uid,
        tracker.TrackingFields(hostile("AREA"), "2024-06-01", hostile("LEAD"), hostile("TAKEN")),
    )
    with store.write() as conn:
        sources.add_source(
            conn,
            hostile("SITE"),
            "https://example.invalid/",
            [(1, hostile("FOLLOWED"))],
            datetime(2024, 1, 1, tzinfo=UTC),
        )
    assert typed.uuid
    yield store
    store.close()


@asynccontextmanager
async def terminal(store: Store, first_screen: str | None = "meetings"):
    """The app on ``store`` with its terminal output captured; yields (pilot, output)."""
    CapturingDriver.written = []
    app = ScrutinyApp(
        store,
        Settings(),
        today=lambda: date(2026, 1, 15),
        cursor_blink=False,
        first_screen=first_screen,
    )
    app.animation_level = "none"
    app.driver_class = CapturingDriver
    async with app.run_test(
        headless=False, size=(130, 40), notifications=True, tooltips=True
    ) as pilot:
        await settle(pilot)
        yield pilot, CapturingDriver.written


async def settle(pilot: Pilot) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def check(pilot: Pilot, written: list[str], tags: list[str]) -> None:
    """No control from stored text in what was written, and each tagged text shown (as
    pictures); what is still being drawn (a notification) is waited for, a while at most."""
    for _ in range(100):
        output = "".join(written)
        drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output)  # text without styles and moves
        missing = [tag for tag in tags if f"{tag} {SHOWN}" not in drawn]
        if not missing:
            break
        await pilot.pause(0.05)
    assert injected(output) == []
    assert missing == [], "not shown (or shown raw) on screen"


async def test_meetings_item_palette_and_notifications_write_no_escape(hostile_store):
    async with terminal(hostile_store) as (pilot, written):
        meetings = ["COUNCIL", "COMMITTEE", "MEETINGTITLE", "FILENAME", "ITEMTITLE"]
        await check(pilot, written, meetings)
        await pilot.press("G", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ItemScreen)
        assert pilot.app.screen.sub_title  # the header's sub-title is the item's title
        for _ in TabsToVisit:
            await pilot.press("right_square_bracket")
            await settle(pilot)
        await check(
            pilot,
            written,
            ["ITEMTITLE", "MINUTESLINE", "RESOLVED", "NOTEBODY", "NOTETAG", "ASKAT", "ATTENDEE"],
        )
        pilot.app.screen.sub_title = hostile("SUBTITLE")
        pilot.app.title = hostile("APPTITLE")
        pilot.app.notify(hostile("NOTIFIED"), title=hostile("TOASTTITLE"))
        await settle(pilot)
        # (the header shows the screen's title, so not the app's)
        await check(pilot, written, ["SUBTITLE", "NOTIFIED", "TOASTTITLE"])
        await pilot.press("ctrl+p", *"concern")
        await settle(pilot)
        await check(pilot, written, [])


TabsToVisit = range(4)  # resolutions → recommendations → actions → concerns → attendees


async def test_note_form_and_concerns_write_no_escape(hostile_store):
    async with terminal(hostile_store) as (pilot, written):
        await pilot.press("n")
        await settle(pilot)
        await check(pilot, written, ["NOTEBODY", "IMPORTEDBODY", "ITEMTITLE"])
        for _ in range(2):  # each note in the editor: its text, tags and "ask at"
            await pilot.press("e")
            await settle(pilot)
            form = pilot.app.screen
            assert isinstance(form, NoteForm)
            assert "\x1b]52" in form.query_one("#body", TextArea).text  # kept as stored
            await pilot.press("tab", "tab", "tab", "tab")  # through every field
            await settle(pilot)
            await pilot.press("escape", "down", "down")
            await settle(pilot)
        await check(pilot, written, ["NOTEBODY", "IMPORTEDBODY", "NOTETAG", "ASKAT"])
        await pilot.press("d")  # the delete question quotes the note
        await settle(pilot)
        await check(pilot, written, ["IMPORTEDBODY"])


async def test_trackers_forms_search_and_sources_write_no_escape(hostile_store):
    async with terminal(hostile_store) as (pilot, written):
        await pilot.press("c")
        await settle(pilot)
        await check(pilot, written, ["RECOMMENDED", "LEAD", "TAKEN"])  # the area's column is narrow
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, TrackingForm)
        assert "\x1b]52" in form.query_one("#area", Input).value
        opened = len(written)
        await pilot.press("tab", "tab", "tab")
        await settle(pilot)
        await check(pilot, written, [])
        # a text box shows the end of its value, where the cursor is
        assert "␛[3;9;9t \ufffd6n end" in "".join(written[opened:])
        await pilot.press("escape", "s")
        await settle(pilot)
        await pilot.press("escape", "t")
        await settle(pilot)
        await check(pilot, written, ["ACTIONWORDS", "ACTIONTO"])
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("slash", *"pwned", "enter")  # enter: search now
        await settle(pilot)
        await check(pilot, written, ["RESOLVED"])
        await pilot.press("escape", "w")
        await settle(pilot)
        await check(pilot, written, ["SITE", "FOLLOWED"])
        await pilot.press("b", "ctrl+r")  # the briefing pack's preview (Markdown)
        await settle(pilot)
        await check(pilot, written, ["ITEMTITLE", "NOTEBODY"])


async def test_attention_topics_and_people_write_no_escape(hostile_store):
    with hostile_store.read() as conn:
        rec_uid = conn.execute("SELECT uid FROM recommendation").fetchone()[0]
        item_uid = conn.execute("SELECT uid FROM agenda_item").fetchone()[0]
    tracker.set_status(hostile_store, rec_uid, "Slipped")
    notes.add_note(
        hostile_store,
        "item",
        item_uid,
        NoteInput(hostile("QUESTION"), kind="question", ask_at=hostile("ASKWHERE")),
    )
    add_topic(hostile_store, hostile("TOPICNAME"), query="pwned")
    async with terminal(hostile_store, first_screen=None) as (pilot, written):  # Attention
        await check(pilot, written, ["RECOMMENDED", "QUESTION", "ASKWHERE", "ITEMTITLE"])
        await pilot.press("o")
        await settle(pilot)
        await check(pilot, written, ["TOPICNAME", "ITEMTITLE", "MINUTESLINE"])
        await pilot.press("p")
        await settle(pilot)
        await check(pilot, written, ["ATTENDEE"])
