"""The Attention screen (h): overdue actions and late executive responses with the right
dates, tracking to look at, open questions, coming meetings, charts that read without
colour, each row opening its item, and an empty store that says how to add minutes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import flat, screen_text, settle
from fixture_store import ItemSpec, MeetingSpec, build_store

from scrutiny_tui.services import notes, tracker
from scrutiny_tui.ui.screens.attention import AttentionScreen
from scrutiny_tui.ui.screens.item import ItemScreen

# conftest's today is 15 January 2026.
OCTOBER = "/minutes/housing-2025-10-01.txt"
COMING = "/minutes/housing-2026-01-20.txt"
SIZES = [(80, 24), (160, 48)]


def _meetings() -> list[MeetingSpec]:
    october = ItemSpec(
        title="Damp and mould in council homes",
        number="9",
        text=(
            "Recommendation 1 – inspect every reported home within ten working days.\n"
            "Recommendation 2 – publish repair times by ward.\n"
            "The Head of Housing to report on the backlog by 1 December 2025."
        ),
        recommendations=[
            ("1", "inspect every reported home within ten working days."),
            ("2", "publish repair times by ward."),
        ],
        actions=[("The Head of Housing to report on the backlog", "2025-12-01", "the Panel")],
    )
    coming = ItemSpec(title="Housing repairs contract", number="1", text="Agenda only.")
    return [
        MeetingSpec(OCTOBER, [october], "Anyshire", "Housing Scrutiny Panel", "2025-10-01"),
        MeetingSpec(COMING, [coming], "Anyshire", "Housing Scrutiny Panel", "2026-01-20"),
    ]


@pytest.fixture
def attention_store(tmp_path):
    store = build_store(tmp_path / "attention.db", _meetings())
    item = f"{OCTOBER}#i0"
    tracker.set_status(
        store, f"{item}#rec1", "Slipped", now=datetime(2025, 12, 10, 9, 0, tzinfo=UTC)
    )
    notes.add_note(
        store,
        "item",
        item,
        notes.NoteInput("How many homes still wait?", "question", ask_at="January panel"),
    )
    yield store
    store.close()


async def open_attention(pilot) -> str:
    await settle(pilot)
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AttentionScreen)
    return flat(screen_text(pilot))


async def test_overdue_actions_and_late_responses_with_their_dates(attention_store, make_app):
    app = make_app(attention_store)
    async with app.run_test(size=(160, 48)) as pilot:
        shown = await open_attention(pilot)
    assert "Overdue actions: 1" in shown
    assert "45 days late · due 1 Dec 2025 · to the Panel" in shown
    assert "The Head of Housing to report on the backlog" in shown
    assert "Housing Scrutiny Panel, 2025-10-01, item 9 · Damp and mould in council homes" in shown
    # Rec 1 agreed 1 October: the executive's response was due 1 December (two months).
    assert "Awaiting the executive's response: 1" in shown
    assert "Rec 1 · agreed 1 Oct 2025 · response due 1 Dec 2025, 45 days late" in shown
    assert "Tracking to look at: 1" in shown and "Rec 2 · ● Slipped since 10 Dec 2025" in shown
    assert "Your open questions: 1" in shown and "ask at: January panel" in shown
    assert "Meetings coming up: 1" in shown and "Tue 20 Jan 2026 (in 5 days)" in shown
    assert "1 overdue action, 1 awaiting response" in shown


async def test_charts_read_without_colour(attention_store, make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(attention_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_attention(pilot)
        charts = screen_text(pilot)
    assert "Recommendations by status" in charts
    status_lines = {line.split("▏")[-1].strip() for line in charts.splitlines() if "▏" in line}
    assert any(line.startswith("Slipped") and line.endswith("1") for line in status_lines)
    assert any(line.startswith("Not tracked") and "█" in line for line in status_lines)
    assert "Open actions by month due" in charts


async def test_enter_opens_the_item_of_the_row(attention_store, make_app):
    app = make_app(attention_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_attention(pilot)
        await pilot.press("enter")  # the first row: the overdue action
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "Damp and mould in council homes" in flat(screen_text(pilot))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("j", "j", "enter")  # down to the Slipped recommendation's item
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)


async def test_an_empty_store_says_how_to_add_minutes(empty_store, make_app):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await open_attention(pilot)
    assert "No minutes yet." in shown
    assert "i import a file or folder of minutes" in shown
    assert "w follow a council's ModernGov site" in shown


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_attention_snapshot(attention_store, make_app, snap_compare, size):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)

    assert snap_compare(make_app(attention_store), run_before=run_before, terminal_size=size)


async def test_the_app_opens_on_attention_and_h_comes_back_from_anywhere(attention_store, make_app):
    app = make_app(attention_store, first_screen=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AttentionScreen)
        assert "Overdue actions: 1" in flat(screen_text(pilot))
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, AttentionScreen)


async def test_opened_on_another_screen_attention_reads_the_store_only_once_shown(
    attention_store, make_app, monkeypatch
):
    """The app is shown Attention first as it starts: when it opens on Meetings instead,
    Attention's counts must not compete with the Meetings list for the store."""
    from scrutiny_tui.services import attention as service

    reads: list[object] = []
    real = service.attention

    def counted(*args, **kwargs):
        reads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "attention", counted)
    app = make_app(attention_store)  # opens on Meetings
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not reads
        await pilot.press("h")
        await settle(pilot)
        assert len(reads) == 1
        assert "Overdue actions: 1" in flat(screen_text(pilot))
