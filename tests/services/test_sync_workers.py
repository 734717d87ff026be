"""Meetings built in worker processes are stored exactly as when built in the sync's own
process, in the order fetched, with failures reported the same way."""

from __future__ import annotations

from datetime import date

import pytest

from scrutiny_tui.moderngov.client import ClientSettings
from scrutiny_tui.services import notes
from scrutiny_tui.services import sync as sync_service
from scrutiny_tui.store.db import Store, open_store
from tests.moderngov.fake_site import FakeSite

TODAY = date(2026, 5, 1)
FAST = ClientSettings(pause=0, timeout=1.0, retries=2, backoff=0, max_bytes=1024 * 1024)
WHAT_IS_STORED = [
    "SELECT path, sha256, format FROM document ORDER BY path",
    "SELECT council, committee, date, location, url FROM meeting ORDER BY date",
    "SELECT d.path, i.ordinal, i.number, i.title, i.external_id, i.restricted, unpacked(i.text)"
    " FROM agenda_item i JOIN document d ON d.id = i.document_id ORDER BY d.path, i.ordinal",
    "SELECT uid, text, kind FROM resolution ORDER BY uid",
    "SELECT uid, text FROM recommendation ORDER BY uid",
    "SELECT uid, text, due FROM action ORDER BY uid",
]


@pytest.fixture
def site():
    fake = FakeSite("/democracy/", today=TODAY)
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def pool_for_any_size(monkeypatch):
    monkeypatch.setattr(sync_service, "POOL_THRESHOLD", 1)


def synced(path, site, workers: int) -> tuple[Store, sync_service.SyncSummary]:
    store = open_store(path)
    sync_service.add_source(store, site.base_url, name="demo", settings=FAST)
    return store, sync_service.sync(store, today=TODAY, settings=FAST, workers=workers)


def stored(store: Store) -> list[list[tuple]]:
    with store.read() as conn:
        return [conn.execute(query).fetchall() for query in WHAT_IS_STORED]


def test_built_in_workers_is_stored_as_built_here(tmp_path, site, pool_for_any_size):
    here, here_summary = synced(tmp_path / "here.db", site, workers=0)
    pooled, pooled_summary = synced(tmp_path / "pooled.db", site, workers=2)
    try:
        assert (
            pooled_summary.describe().splitlines()[:1] == here_summary.describe().splitlines()[:1]
        )
        assert (pooled_summary.total("new"), pooled_summary.failed) == (3, [])
        assert stored(pooled) == stored(here)
        assert any(row[2] == "moderngov-pdf" for row in stored(pooled)[0])  # built here
    finally:
        here.close()
        pooled.close()


def test_with_workers_a_failed_meeting_is_reported_and_changes_keep_notes(
    tmp_path, site, pool_for_any_size
):
    site.plan["GetMeeting:5001"].append("malformed")
    store, summary = synced(tmp_path / "store.db", site, workers=2)
    try:
        assert summary.total("new") == 2
        [(_, problem)] = summary.failed
        assert "meeting 5001" in problem.where and "malformed XML" in problem.reason
        summary = sync_service.sync(store, today=TODAY, settings=FAST, workers=2)
        assert (summary.total("new"), summary.total("unchanged")) == (1, 2)
        with store.read() as conn:
            uid = conn.execute(
                "SELECT uid FROM resolution WHERE text = 'the report be noted'"
            ).fetchone()[0]
        note = notes.add_note(store, "resolution", uid, notes.NoteInput("Ask about it"))
        item = site.meetings[5001].items[2]
        item.minutes_html = (item.minutes_html or "").replace(
            "which had risen", "which had risen sharply"
        )
        summary = sync_service.sync(store, today=TODAY, settings=FAST, workers=2)
        assert (summary.total("changed"), summary.failed) == (1, [])
        kept = notes.get_note(store, note.uuid)
        assert kept is not None and kept.anchor_state == "attached"
    finally:
        store.close()
