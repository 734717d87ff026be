"""The Sources screen driven by keys against a fake ModernGov site on 127.0.0.1: add a site,
pick committees, sync, then browse the synced meeting; and its SVG snapshot."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import TODAY, flat, screen_text, settle
from textual.widgets import Input, SelectionList, Tree

from scrutiny_tui.config import Settings, SyncSettings
from scrutiny_tui.services.browse import item_detail
from scrutiny_tui.store.sources import add_source, record_sync
from scrutiny_tui.ui.refs import ItemRef
from tests.moderngov.fake_site import CHILDREN, FakeSite

FAST = Settings(sync=SyncSettings(pause=0, timeout=1, retries=1))


@pytest.fixture
def site():
    fake = FakeSite("/democracy/", today=TODAY)
    fake.start()
    yield fake
    fake.stop()


async def test_add_a_site_pick_committees_sync_and_browse(empty_store, make_app, site):
    app = make_app(empty_store, FAST)
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert "No council sites yet" in screen_text(pilot)
        assert site.requests == []  # nothing is fetched until asked

        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#url", Input).value = site.base_url
        app.screen.query_one("#name", Input).value = "demo"
        app.screen.query_one("#url", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        picker = app.screen.query_one(SelectionList)
        assert sorted(picker.selected) == [101, 102]  # the scrutiny committees, ticked
        assert "4 committees" in flat(screen_text(pilot))
        await pilot.press("down", "space")  # untick adult social care
        assert picker.selected == [101]
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = flat(screen_text(pilot))
        assert "demo" in text and site.base_url in text and "never" in text
        assert f"Following: {CHILDREN}" in text

        await pilot.press("s")
        await settle(pilot)
        text = flat(screen_text(pilot))
        assert "2 new, 0 changed, 0 unchanged, 1 cancelled, 0 failed" in text
        assert "never" not in text

        await pilot.press("m")
        await settle(pilot)
        text = flat(screen_text(pilot))
        assert CHILDREN in text and "demo" in text
        assert "ieListDocuments.aspx?CId=101&MId=5003" in text  # the public page
        tree = app.screen.query_one(Tree)
        for _ in range(40):  # the cursor lands on the first item after a refresh
            node = tree.cursor_node
            if app.focused is tree and node is not None and isinstance(node.data, ItemRef):
                break
            await pilot.pause(0.05)
        await pilot.press("enter")
        await settle(pilot)
        text = flat(screen_text(pilot))
        assert f"demo › {CHILDREN} › 2025-12-16" in text
        assert "Apologies for Absence" in text


async def test_sync_can_be_cancelled_and_errors_are_shown(empty_store, make_app, site):
    app = make_app(empty_store, FAST)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.press("w")
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#url", Input).value = site.origin + "/nowhere/"
        await pilot.press("enter")
        await settle(pilot)
        assert "is not a ModernGov site" in flat(screen_text(pilot))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert "Add a site first" in flat(screen_text(pilot))


async def test_a_synced_restricted_item_says_so(empty_store, make_app, site):
    app = make_app(empty_store, FAST)
    async with app.run_test(size=(110, 34)) as pilot:
        from scrutiny_tui.services import sync as sync_service

        sync_service.add_source(
            empty_store,
            site.base_url,
            name="demo",
            committees=["101"],
            settings=sync_service.client_settings(0, 1, 1),
        )
        sync_service.sync(empty_store, today=TODAY, settings=sync_service.client_settings(0, 1, 1))
        with empty_store.read() as conn:
            (item_id,) = conn.execute("SELECT id FROM agenda_item WHERE restricted").fetchone()
        detail = item_detail(empty_store, item_id)
        assert detail is not None and detail.restricted
        assert detail.minutes.endswith("does not publish the minutes of this item.)")
        app.open_item(item_id)
        await settle(pilot)
        assert "Restricted: the council does not publish" in flat(screen_text(pilot))


def test_sources_snapshot(empty_store, make_app, snap_compare):
    with empty_store.write() as conn:
        when = datetime(2026, 1, 14, 9, 30, tzinfo=UTC)
        source = add_source(
            conn,
            "camden",
            "https://democracy.example.gov.uk/",
            [(101, CHILDREN), (102, "Adult Social Care & Health Scrutiny Committee")],
            when,
        )
        record_sync(conn, source, when, {"new": 3, "changed": 1, "failed": 0})

    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)

    assert snap_compare(make_app(empty_store), terminal_size=(100, 30), run_before=run_before)


async def test_text_from_a_site_is_shown_literally(empty_store, make_app, site):
    from scrutiny_tui.services import sync as sync_service

    fast = sync_service.client_settings(0, 1, 1)
    site.committees[101] = ("[bold red]Children[/] [@click=app.quit]Scrutiny", False)
    site.meetings[5001].items[0].title = "[link=https://evil.example]Apologies[/link]"
    sync_service.add_source(empty_store, site.base_url, name="[b]demo", settings=fast)
    sync_service.sync(empty_store, today=TODAY, settings=fast)
    app = make_app(empty_store, FAST)
    async with app.run_test(size=(140, 34)) as pilot:
        await settle(pilot)
        text = flat(screen_text(pilot))
        assert "[bold red]Children[/] [@click=app.quit]Scrutiny" in text
        assert "[link=https://evil.example]Apologies[/link]" in text
        assert "[b]demo" in text
        await pilot.press("w")
        await settle(pilot)
        assert "[b]demo" in flat(screen_text(pilot))
        assert app.is_running
