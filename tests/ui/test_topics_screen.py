"""The Topics screen (o): follow a topic from the app, see its timeline meeting by meeting in
order with statuses and notes, open an item from it, stop following it."""

from __future__ import annotations

import pytest
from conftest import flat, screen_text, settle
from fixture_store import ItemSpec, MeetingSpec, build_store
from textual.widgets import Input

from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.topics import add_topic, list_topics
from scrutiny_tui.ui.dialogs.confirm import Confirm
from scrutiny_tui.ui.dialogs.topic_form import TopicForm, read_subject
from scrutiny_tui.ui.screens.item import ItemScreen
from scrutiny_tui.ui.screens.topics import TopicsScreen

SIZES = [(80, 24), (160, 48)]


def _meeting(day: str, title: str, text: str, **records) -> MeetingSpec:
    item = ItemSpec(title=title, number=records.pop("number", "4"), text=text, **records)
    return MeetingSpec(f"/minutes/children-{day}.txt", [item], "Anyshire", "Children's Panel", day)


MEETINGS = [
    _meeting(
        "2025-11-20",
        "CAMHS waiting times",
        "Waits for CAMHS assessment had reached 40 weeks.\n"
        "Recommendation 1 – publish waits monthly.",
        recommendations=[("1", "publish waits monthly.")],
    ),
    _meeting(
        "2025-07-10",
        "Emotional wellbeing services",
        "Members asked about CAMHS referrals from schools.\n"
        "A report on school referrals to come to the panel in October 2025.",
        actions=[("A report on school referrals", "2025-10", "the panel")],
    ),
    _meeting(
        "2026-01-08",
        "CAMHS: update",
        "The CAMHS wait had fallen to 31 weeks.",
        number="7",
    ),
    _meeting("2025-09-04", "Libraries", "Opening hours were reviewed."),
]


@pytest.fixture
def topic_store(tmp_path):
    store = build_store(tmp_path / "topics.db", MEETINGS)
    november = "/minutes/children-2025-11-20.txt#i0"
    tracker.set_status(store, f"{november}#rec0", "On track (not yet due)")
    notes.add_note(store, "item", november, notes.NoteInput("Ask for waits by age", "question"))
    yield store
    store.close()


async def open_topics(pilot) -> None:
    await settle(pilot)
    await pilot.press("o")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TopicsScreen)


def test_a_hash_word_is_a_tag_and_anything_else_a_search() -> None:
    assert read_subject("#budget") == (None, "budget")
    assert read_subject(' "damp and mould" ') == ('"damp and mould"', None)
    assert read_subject("#budget cuts") == ("#budget cuts", None)
    assert read_subject("  ") == (None, None)


async def test_follow_a_topic_and_read_its_timeline_in_order(topic_store, make_app):
    app = make_app(topic_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_topics(pilot)
        assert "No topics yet. Press a to follow one" in flat(screen_text(pilot))
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TopicForm)
        form.query_one("#name", Input).value = "CAMHS"
        form.query_one("#subject", Input).value = "CAMHS"
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = flat(screen_text(pilot))
    assert [t.name for t in list_topics(topic_store)] == ["CAMHS"]
    assert "CAMHS (search: CAMHS): 3 items in 3 meetings" in shown
    july = shown.index("10 Jul 2025 · Children's Panel · Anyshire")
    november = shown.index("20 Nov 2025 · Children's Panel · Anyshire")
    january = shown.index("8 Jan 2026 · Children's Panel · Anyshire")
    assert july < november < january  # oldest first
    assert "Libraries" not in shown
    assert "Promised [overdue, due 2025-10]: A report on school referrals" in shown
    assert "Rec 1 [On track (not yet due)]: publish waits monthly." in shown
    assert "Your question (open): Ask for waits by age" in shown


async def test_enter_on_an_entry_opens_its_item(topic_store, make_app):
    add_topic(topic_store, "CAMHS", query="CAMHS")
    app = make_app(topic_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_topics(pilot)
        await pilot.press("enter")  # the topic: into its timeline
        await settle(pilot)
        await pilot.press("enter")  # the first entry: July's item
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "Emotional wellbeing services" in flat(screen_text(pilot))


async def test_a_name_taken_keeps_the_form_open_with_the_reason(topic_store, make_app):
    add_topic(topic_store, "CAMHS", query="CAMHS")
    app = make_app(topic_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_topics(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#name", Input).value = "camhs"
        app.screen.query_one("#subject", Input).value = "waits"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TopicForm)
        assert "Not saved: there is already a topic called 'camhs'." in flat(screen_text(pilot))
        assert app.screen.query_one("#subject", Input).value == "waits"  # nothing lost


async def test_stop_following_asks_first(topic_store, make_app):
    add_topic(topic_store, "CAMHS", query="CAMHS")
    app = make_app(topic_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_topics(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await settle(pilot)
        assert [t.name for t in list_topics(topic_store)] == ["CAMHS"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_topics_snapshot(topic_store, make_app, snap_compare, size):
    add_topic(topic_store, "CAMHS", query="CAMHS")
    add_topic(topic_store, "Budget", tag="budget")

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)

    assert snap_compare(make_app(topic_store), run_before=run_before, terminal_size=size)


async def test_x_writes_the_topics_pack(topic_store, make_app, tmp_path):
    from scrutiny_tui.config import Settings

    add_topic(topic_store, "CAMHS", query="CAMHS")
    app = make_app(topic_store, Settings(export_dir=tmp_path / "packs"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_topics(pilot)
        await pilot.press("x")
        await settle(pilot)
    (pack,) = (tmp_path / "packs").glob("*.md")
    text = pack.read_text()
    assert "CAMHS waiting times" in text and "Libraries" not in text
