"""A search hit opens its item at the words it found: scrolled into view and marked, even
far down long minutes and when the words are an acronym's expansion."""

from __future__ import annotations

import asyncio

import pytest
from conftest import settle
from fixture_store import ItemSpec, MeetingSpec, build_store

from scrutiny_tui.services.search import first_match
from scrutiny_tui.ui.screens.item import ItemScreen
from scrutiny_tui.ui.screens.search import SEARCH_DELAY
from scrutiny_tui.ui.widgets.minutes import MinutesPane

FILLER = "\n\n".join(f"Paragraph {n} about the transport budget and its review." for n in range(80))
TEXT = (
    "RESOLVED – that the report be noted.\n\n"
    + FILLER
    + "\n\nMembers asked how many Education, Health and Care Plans were issued late."
)


@pytest.fixture
def long_store(tmp_path):
    item = ItemSpec(
        title="Services for children with additional needs",
        number="6",
        text=TEXT,
        resolutions=[(None, "noted", "that the report be noted.")],
    )
    store = build_store(tmp_path / "long.db", [MeetingSpec("/minutes/long.txt", [item])])
    yield store
    store.close()


def test_first_match_finds_words_or_an_expansion() -> None:
    text = "The EHCP figures. Later: Education, Health and Care Plans."
    assert first_match(text, "care plans") == (text.index("Care"), text.index("Care") + 4)
    start = text.index("Education")
    # EHCP is found as typed, and its expansion as printed (with its comma).
    assert first_match(text, "EHCP") == (text.index("EHCP"), text.index("EHCP") + 4)
    printed = "Education, Health and Care Plans"
    assert first_match(text[17:], "EHCP") == (start - 17, start - 17 + len(printed))
    assert first_match(text, "nothing here") is None


async def test_a_hit_opens_the_item_at_the_words_far_down(long_store, make_app):
    app = make_app(long_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"EHCP")
        await asyncio.sleep(SEARCH_DELAY + 0.1)
        await settle(pilot)
        await pilot.press("enter")  # to the results
        await pilot.press("enter")  # open the first hit
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        pane = app.screen.query_one("#minutes", MinutesPane)
        printed = "Education, Health and Care Plans"
        start = pane.minutes.text.index(printed)
        assert pane.marked == (start, start + len(printed))
        marked = [p for p in pane.lines() if p.has_class("-marked")]
        assert marked and "Care Plans were issued late" in marked[0].text
        # scrolled into view: the marked paragraph lies inside the pane's visible region
        region = pane.scrollable_content_region
        assert marked[0].region.y >= region.y and marked[0].region.bottom <= region.bottom


async def test_the_meetings_filter_says_what_it_reads_and_enter_searches_the_text(
    fixture_store, make_app
):
    from conftest import flat, screen_text

    from scrutiny_tui.ui.screens.search import SearchScreen

    app = make_app(fixture_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"CAMHS")
        await asyncio.sleep(0.4)
        await settle(pilot)
        shown = flat(screen_text(pilot))
        assert "No title holds “CAMHS”: enter searches the minutes' text." in shown
        await pilot.press("enter")
        await asyncio.sleep(SEARCH_DELAY + 0.1)
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert "Members asked about CAMHS waiting times" in flat(screen_text(pilot))
