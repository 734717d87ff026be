"""The People screen: attendance counts and apology rates from parsed present lists and from
synced attendees, one person's meetings, asks and declarations (each opening its item),
merge picked in a dialog, split asked first, names shown literally, and snapshots at 80x24
and 160x48."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import flat, screen_text, settle
from fixture_store import ItemSpec, MeetingSpec, build_store

from scrutiny_tui.moderngov.client import ClientSettings
from scrutiny_tui.services import sync as sync_service
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import open_store
from scrutiny_tui.ui.dialogs.confirm import Confirm
from scrutiny_tui.ui.dialogs.pick_person import PickPerson
from scrutiny_tui.ui.screens.item import ItemScreen
from scrutiny_tui.ui.screens.people import PeopleScreen
from tests.moderngov.fake_site import FakeSite
from tests.people_minutes import write_minutes

SIZES = [(80, 24), (160, 48)]


@pytest.fixture
def minutes_store(tmp_path: Path):
    store = open_store(tmp_path / "people.db")
    ingest_paths(store, [write_minutes(tmp_path / "minutes")], workers=1)
    yield store
    store.close()


def left(text: str) -> str:
    """The list pane, read line by line apart from the detail beside it."""
    return flat("\n".join(line.split("▕")[0] for line in text.splitlines()))


def right(text: str) -> str:
    """The detail pane."""
    return flat("\n".join(line.partition("▕")[2] for line in text.splitlines()))


async def open_people(pilot, *keys: str) -> str:
    await settle(pilot)
    pilot.app.push_screen(PeopleScreen())
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
    return screen_text(pilot)


async def filtered(pilot, words: str) -> str:
    await pilot.press("f", *words)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return screen_text(pilot)


async def test_parsed_present_lists_give_counts_rates_and_roles(minutes_store, make_app):
    app = make_app(minutes_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_people(pilot)
        assert "9 people in 2 councils" in flat(screen)
        shown = left(screen)
        assert "Anyshire County Council Councillor John Blake 1 meeting · 1 apology (50%)" in shown
        assert "Councillor R Stone 2 meetings · 0 apologies" in shown
        assert "Nigel Richardson 1 meeting · 0 apologies · Director of Children's" in shown
        assert (
            "Borsetshire Council Councillor Judith Blake 1 meeting · 0 apologies · Chair" in shown
        )
        screen = await filtered(pilot, "moss")
        assert "9 people in 2 councils · 1 match 'moss'" in flat(screen)
        shown = right(screen)
        assert "Councillor T Moss · Anyshire County Council" in shown
        assert "Attended 1 meeting, sent apologies to 1 (50% of the 2 expected at)" in shown
        assert "Meetings (2)" in shown
        assert "10 Apr 2024 · Children's Scrutiny Committee · present" in shown
        assert "10 Jan 2024 · Children's Scrutiny Committee · apologies" in shown


async def test_a_persons_asks_and_declarations_open_their_items(minutes_store, make_app):
    app = make_app(minutes_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_people(pilot)
        shown = right(await filtered(pilot, "judith anyshire"))
        assert "Councillor Judith Blake · Anyshire County Council" in shown
        assert "Roles: Chair, Children's Scrutiny Committee (1 meeting)" in shown
        assert "Declarations of interest (1)" in shown
        assert "Councillor Judith Blake declared a personal interest as a governor of Hill" in shown
        assert "Asked for: no action or request names them" in shown
        await pilot.press("enter")  # to the detail: the newest meeting first
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "School Place Planning" in flat(screen_text(pilot))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("G", "enter")  # the declaration, last
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert "Declarations of interest" in flat(screen_text(pilot))


async def test_an_ask_naming_an_office_opens_at_the_ask(minutes_store, make_app):
    app = make_app(minutes_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_people(pilot)
        shown = right(await filtered(pilot, "richardson"))
        assert "Asked for (1)" in shown
        assert "that the Director of Children's Services report on school place planning" in shown
        await pilot.press("enter", "j", "enter")  # detail, past the one meeting, the ask
        await settle(pilot)
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.focus_uid is not None  # the ask's own words are shown
        assert "School Places" in flat(screen_text(pilot))


async def test_merge_picks_the_other_person_and_split_asks_first(minutes_store, make_app):
    app = make_app(minutes_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_people(pilot, "j", "j", "j")  # John, Judith, Moss, then Pat Quill
        assert "Councillor Pat Quill · Anyshire County Council" in right(screen_text(pilot))
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(app.screen, PickPerson)
        await pilot.press(*"patricia", "enter")
        await settle(pilot)
        screen = screen_text(pilot)
        assert "8 people in 2 councils" in flat(screen)
        assert "Councillor Patricia Quill 2 meetings · 0 apologies" in left(screen)
        assert "Councillor Pat Quill" not in left(screen)
        # the merged person stays highlighted, shown by the fuller name
        assert "Councillor Patricia Quill · Anyshire County Council" in right(screen)
        assert "Also written: Councillor Pat Quill" in right(screen)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        asked = screen_text(pilot)
        assert "Split Councillor Patricia Quill?" in asked
        assert "Written as:" in asked and "    Councillor Pat Quill" in asked
        assert "Each way becomes a person of its own." in asked
        await pilot.press("n")  # not yet: nothing changes
        await settle(pilot)
        assert "Also written: Councillor Pat Quill" in right(screen_text(pilot))
        await pilot.press("S", "y")
        await settle(pilot)
        screen = screen_text(pilot)
        assert "9 people in 2 councils" in flat(screen)
        assert "Councillor Pat Quill 1 meeting · 0 apologies" in left(screen)
        assert "Councillor Patricia Quill 1 meeting · 0 apologies" in left(screen)


TODAY = date(2026, 5, 1)
FAST = ClientSettings(pause=0, timeout=1.0, retries=2, backoff=0, max_bytes=1024 * 1024)


@pytest.fixture
def synced_store(tmp_path: Path):
    site = FakeSite("/democracy/", today=TODAY)
    site.meetings[5003].attendees = [
        ("Cllr S Lowe", "Chair", "Present"),
        ("Councillor Ruth Ames", "Committee Member", "Apologies"),
    ]
    site.start()
    store = open_store(tmp_path / "synced.db")
    try:
        sync_service.add_source(store, site.base_url, name="demo", settings=FAST)
        sync_service.sync(store, today=TODAY, settings=FAST)
    finally:
        site.stop()
    yield store
    store.close()


async def test_synced_attendees_give_counts_and_rates(synced_store, make_app):
    app = make_app(synced_store)
    async with app.run_test(size=(160, 48)) as pilot:
        shown = left(await open_people(pilot))
        assert "Councillor Ruth Ames 0 meetings · 2 apologies (100%)" in shown
        assert "Councillor Sarah Lowe 2 meetings · 0 apologies · Chair, Children" in shown
        assert "Jo Brand 1 meeting · 0 apologies · Director of Children's" in shown
        shown = right(await filtered(pilot, "lowe"))
        assert "Also written: Councillor S Lowe" in shown
        assert "Roles: Chair, Children and Young People Scrutiny Committee (2 meetings)" in shown


async def test_names_and_roles_from_minutes_are_shown_as_typed(tmp_path, make_app):
    item = ItemSpec(
        title="Budget",
        text="Minutes.",
        attendees=[("[bold]Judith[/] Blake", "[red]Chair[/red] \x1b[2J")],
    )
    store = build_store(tmp_path / "hostile.db", [MeetingSpec("/m/x.txt", [item], "[b]Shire")])
    try:
        app = make_app(store)
        async with app.run_test(size=(160, 48)) as pilot:
            shown = await open_people(pilot)
    finally:
        store.close()
    assert "[b]Shire" in shown
    assert "[bold]Judith[/] Blake" in shown
    assert "[red]Chair[/red] ␛[2J" in shown


async def test_an_empty_store_says_where_people_come_from(empty_store, make_app):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = flat(await open_people(pilot))
    assert "No people yet. They come from the attendance in minutes" in shown


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot(minutes_store, make_app, snap_compare, size):
    async def open_judith(pilot) -> None:
        await open_people(pilot)
        await filtered(pilot, "anyshire")
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(make_app(minutes_store), terminal_size=size, run_before=open_judith)


async def test_p_opens_people_from_the_app(tmp_path, make_app):
    from conftest import settle

    from scrutiny_tui.store.db import open_store
    from scrutiny_tui.ui.screens.people import PeopleScreen

    store = open_store(tmp_path / "p.db")
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
    store.close()
