"""SVG snapshots of every screen at 100×30 (pytest-textual-snapshot).

Deterministic: a fixed 'today', the cursor blink off, animations off, workers waited for,
and tracker history written with fixed timestamps. Update with ``--snapshot-update`` after
looking at the new SVGs.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import settle
from textual.pilot import Pilot

from scrutiny_tui.services import notes, tracker

SIZE = (100, 30)
REC_UID = "/minutes/care-2016-06-29.txt#i0#rec0"


def keys(*pressed: str):
    """A run_before that presses keys, letting workers land after each."""

    async def run(pilot: Pilot) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run


@pytest.fixture
def tracked_store(fixture_store):
    when = datetime(2025, 11, 3, 10, 30, tzinfo=UTC)
    tracker.set_status(fixture_store, REC_UID, "On track (not yet due)", now=when)
    tracker.set_status(fixture_store, REC_UID, "Slipped", now=when.replace(month=12))
    tracker.update_tracking(
        fixture_store,
        REC_UID,
        tracker.TrackingFields(
            area="Children's services",
            executive_response_date="2016-09-01",
            lead="Director of Children's Services",
            action_taken="Funding review begun",
        ),
        now=when,
    )
    return fixture_store


@pytest.fixture
def noted_store(tracked_store):
    item_uid = "/minutes/care-2016-06-29.txt#i0"
    notes.add_note(
        tracked_store,
        "recommendation",
        REC_UID,
        notes.NoteInput("Is cluster funding in the budget?", "question", "high", ("budget",)),
    )
    notes.add_note(
        tracked_store,
        "item",
        item_uid,
        notes.NoteInput("Good progress on the plan", "praise", "low", ask_at="Full Council"),
    )
    return tracked_store


# The test's name and ids say "concern" (the member's word) because the snapshot files are
# named after them; the code calls these notes.
@pytest.mark.parametrize(
    ("name", "pressed"),
    [
        ("concerns", ("n",)),
        ("item_concerns_tab", ("enter", *["right_square_bracket"] * 3)),
        ("note_form", ("enter", "a")),
        ("briefing", ("b",)),
    ],
)
def test_concern_screens(name, pressed, noted_store, make_app, snap_compare):
    assert snap_compare(make_app(noted_store), terminal_size=SIZE, run_before=keys(*pressed))


@pytest.mark.parametrize(
    ("name", "pressed"),
    [
        ("meetings", ()),
        ("item", ("enter", "j", "j")),
        ("item_actions_tab", ("enter", "right_square_bracket", "right_square_bracket")),
        ("resolutions", ("r",)),
        ("recommendations", ("c",)),
        ("status_picker", ("c", "s")),
        ("tracking_form", ("c", "e")),
        ("actions", ("t",)),
        ("help", ("question_mark",)),
        ("import", ("i",)),
    ],
)
def test_screen(name, pressed, tracked_store, make_app, snap_compare):
    assert snap_compare(make_app(tracked_store), terminal_size=SIZE, run_before=keys(*pressed))


def test_empty_store(empty_store, make_app, snap_compare):
    assert snap_compare(make_app(empty_store), terminal_size=SIZE, run_before=keys())


def test_meetings_small_terminal(tracked_store, make_app, snap_compare):
    assert snap_compare(make_app(tracked_store), terminal_size=(80, 24), run_before=keys())


def test_item_large_terminal(tracked_store, make_app, snap_compare):
    assert snap_compare(
        make_app(tracked_store), terminal_size=(200, 60), run_before=keys("enter", "j", "j")
    )
