"""Sync with a fake ModernGov site on 127.0.0.1: what is stored, idempotence, changes that
keep notes and tracking, failures reported and skipped, one meeting from file and site."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from scrutiny_tui.moderngov import NotModernGov
from scrutiny_tui.moderngov.client import ClientSettings
from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services import sync as sync_service
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.search import search
from scrutiny_tui.services.sync import SyncError
from scrutiny_tui.store.db import Store, open_store
from tests.moderngov.fake_site import CHILDREN, FakeSite

TODAY = date(2026, 5, 1)
FAST = ClientSettings(pause=0, timeout=1.0, retries=2, backoff=0, max_bytes=1024 * 1024)


@pytest.fixture
def site():
    fake = FakeSite("/democracy/", today=TODAY)
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def store(store_target):
    store = open_store(store_target)
    yield store
    store.close()


def add(store, site, **kwargs):
    return sync_service.add_source(store, site.base_url, name="demo", settings=FAST, **kwargs)


def run(store, **kwargs):
    return sync_service.sync(store, today=TODAY, settings=FAST, **kwargs)


def rows(store: Store, query: str, *params) -> list[tuple]:
    with store.read() as conn:
        return conn.execute(query, params).fetchall()


def test_adding_a_source_follows_its_scrutiny_committees_by_default(store, site):
    added = add(store, site)
    assert added.by_default
    assert [c.title for c in added.followed] == [
        CHILDREN,
        "Adult Social Care & Health Scrutiny Committee",
    ]
    assert len(added.committees) == 4  # the expired one is listed, not followed
    assert added.source.base_url == site.base_url


def test_committees_picked_by_words_or_id(store, site):
    added = add(store, site, committees=["planning", "101"])
    assert [c.id for c in added.followed] == [103, 101]
    with pytest.raises(SyncError, match=r"no committee on .* matches licensing"):
        sync_service.add_source(
            store, site.base_url, name="x", committees=["licensing"], settings=FAST
        )
    with pytest.raises(SyncError, match="a source named demo exists already"):
        add(store, site)


def test_an_address_that_is_not_moderngov_is_refused_with_the_reason(store, site):
    with pytest.raises(NotModernGov):
        sync_service.add_source(store, site.origin + "/nothing/", settings=FAST)
    assert sync_service.list_sources(store) == []


def test_sync_stores_committee_date_place_page_attendance_and_records(store, site):
    add(store, site)
    summary = run(store)
    assert (summary.total("new"), summary.total("cancelled"), summary.failed) == (3, 1, [])
    meetings = rows(
        store, "SELECT council, committee, date, location, url FROM meeting ORDER BY date"
    )
    assert meetings[0] == (
        "demo",
        CHILDREN,
        "2026-01-01",
        "Committee Room 1, Civic Centre",
        f"{site.base_url}ieListDocuments.aspx?CId=101&MId=5001",
    )
    items = rows(
        store,
        "SELECT number, title, external_id, restricted, unpacked(text) FROM agenda_item"
        " WHERE document_id = (SELECT id FROM document WHERE path = 'moderngov://demo/5001')"
        " ORDER BY ordinal",
    )
    assert [(n, t, e, r) for n, t, e, r, _ in items] == [
        ("41", "Apologies for Absence", "30011", 0),
        ("42", "Chair's Announcements", "30012", 0),
        ("43", "Child Exploitation and Missing Children", "30013", 0),
        ("44", "Home to School Transport", "30014", 0),
        ("45", "Residential Care Contract", "30015", 1),
    ]
    assert items[4][4] == ""  # restricted: recorded, no text
    resolutions = rows(
        store,
        "SELECT r.kind, r.text FROM resolution r JOIN agenda_item i ON i.id = r.item_id"
        " WHERE i.external_id = '30013' ORDER BY r.ordinal",
    )
    assert resolutions[0] == ("noted", "the report be noted")
    actions = rows(
        store,
        "SELECT a.due FROM action a JOIN agenda_item i ON i.id = a.item_id"
        " WHERE i.external_id = '30013'",
    )
    assert actions == [("2026-05",)]  # "report back ... in May 2026", dated by the parser
    people = rows(
        store,
        "SELECT a.kind, p.honorific, p.name, a.role FROM attendance a"
        " JOIN person p ON p.id = a.person_id JOIN meeting m ON m.id = a.meeting_id"
        " WHERE m.date = '2026-01-01' ORDER BY a.id",
    )
    assert people == [
        ("present", "Councillor", "Sarah Lowe", "Chair"),
        ("apologies", "Councillor", "Ruth Ames", "Committee Member"),
        ("substitute", "Councillor", "Dev Patel", "Committee Member"),
        ("attending", None, "Jo Brand", "Director of Children's Services"),
    ]
    assert search(store, "exploitation").hits


def test_a_meeting_with_only_printed_minutes_reads_the_pdf(store, site):
    add(store, site)
    run(store)
    found = rows(
        store,
        "SELECT d.format, i.number, i.title, i.external_id FROM agenda_item i"
        " JOIN document d ON d.id = i.document_id WHERE d.path = 'moderngov://demo/5003'"
        " ORDER BY i.ordinal",
    )
    assert found == [
        ("moderngov-pdf", "60", "Apologies for Absence", "30031"),
        ("moderngov-pdf", "61", "Youth Services Review", "30032"),
    ]
    assert rows(
        store,
        "SELECT r.text FROM resolution r JOIN agenda_item i ON i.id = r.item_id"
        " WHERE i.external_id = '30032'",
    ) == [("That the youth services review be endorsed.",)]
    assert any(s.path.endswith("Printed minutes.pdf") for s in site.requests)


def test_sync_twice_changes_nothing(store, site):
    add(store, site)
    run(store)
    before = rows(store, "SELECT id, sha256, ingested_at FROM document ORDER BY id")
    records = rows(store, "SELECT uid FROM resolution ORDER BY uid")
    second = run(store)
    assert (second.total("new"), second.total("changed"), second.total("unchanged")) == (0, 0, 3)
    assert rows(store, "SELECT id, sha256, ingested_at FROM document ORDER BY id") == before
    assert rows(store, "SELECT uid FROM resolution ORDER BY uid") == records
    assert "0 new, 0 changed, 3 unchanged, 1 cancelled, 0 failed" in second.describe()


def test_changed_minutes_replace_the_meeting_keeping_notes_and_tracking(store, site):
    add(store, site)
    run(store)
    uid = rows(store, "SELECT uid FROM resolution WHERE text = 'the report be noted'")[0][0]
    note = notes.add_note(store, "resolution", uid, notes.NoteInput("Ask about return interviews"))
    tracker.set_status(store, uid, "Achieved")
    item = site.meetings[5001].items[2]
    item.minutes_html = (item.minutes_html or "").replace(
        "which had risen", "which had risen sharply"
    )
    summary = run(store)
    assert (summary.total("changed"), summary.total("unchanged")) == (1, 2)
    kept = notes.get_note(store, note.uuid)
    assert kept is not None and kept.anchor_state == "attached"
    assert kept.item_title == "Child Exploitation and Missing Children"
    assert rows(store, "SELECT status FROM recommendation_tracking WHERE uid = ?", uid) == [
        ("Achieved",)
    ]
    text = rows(store, "SELECT unpacked(text) FROM document WHERE path = 'moderngov://demo/5001'")[
        0
    ][0]
    assert "risen sharply" in text


def test_a_failed_meeting_is_reported_and_skipped_and_the_next_sync_finishes(store, site):
    add(store, site)
    site.plan["GetMeeting:5001"].append("malformed")
    summary = run(store)
    assert summary.total("new") == 2
    [(name, problem)] = summary.failed
    assert name == "demo" and "meeting 5001" in problem.where
    assert "malformed XML" in problem.reason
    assert "failed: demo: " in summary.describe()
    again = run(store)
    assert (again.total("new"), again.total("unchanged"), again.failed) == (1, 2, [])


def test_500_then_success_during_a_sync(store, site):
    add(store, site)
    site.plan["GetMeeting:5101"] += [500, 503]
    summary = run(store)
    assert (summary.total("new"), summary.failed) == (3, [])


def test_a_slow_meeting_past_the_timeout_is_reported(store, site):
    add(store, site)
    site.slow_seconds = 0.6
    site.plan["GetMeeting:5101"].append("slow")
    summary = sync_service.sync(
        store, today=TODAY, settings=ClientSettings(pause=0, timeout=0.3, retries=0)
    )
    assert summary.total("new") == 2
    assert "did not answer within 0.3 s" in summary.failed[0][1].reason


def test_a_refusing_site_is_reported_and_nothing_changes(store, site):
    add(store, site)
    site.forbidden = True
    summary = run(store)
    [report] = summary.sources
    assert report.error and "refused this client (HTTP 403" in report.error
    assert rows(store, "SELECT count(*) FROM meeting") == [(0,)]


def test_service_off_syncs_from_the_pages(store, site):
    add(store, site)
    site.service_off = True
    summary = run(store)
    assert summary.total("new") == 3, summary.describe()
    assert "switched off" in summary.describe()
    assert rows(store, "SELECT count(*) FROM resolution")[0][0] >= 3
    again = run(store)  # the pages' view state changes on every visit; the meetings do not
    assert (again.total("unchanged"), again.total("changed")) == (3, 0)


def test_nothing_is_deleted_because_the_site_stopped_listing_it(store, site):
    add(store, site)
    run(store)
    del site.meetings[5101]
    run(store)
    assert rows(store, "SELECT count(*) FROM meeting") == [(3,)]


def test_cancel_stops_between_meetings(store, site):
    add(store, site)
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int, name: str) -> None:
        seen.append(done)
        cancel.set()

    summary = run(store, progress=progress, cancel=cancel)
    assert summary.cancelled_by_user and seen == [1]
    assert "cancelled" in summary.describe()


def test_sources_list_and_remove(store, site):
    add(store, site)
    run(store)
    [source] = sync_service.list_sources(store)
    assert (source.name, source.meetings, source.last_sync["new"]) == ("demo", 3, 3)
    assert source.last_sync_at is not None
    sync_service.remove_source(store, "demo")
    assert sync_service.list_sources(store) == []
    with pytest.raises(SyncError, match="no source named demo"):
        sync_service.remove_source(store, "demo")


FILE_MINUTES = """{committee}

Minutes of the meeting held on 1 January 2026

41. Apologies for Absence

Apologies were received from Councillor Ruth Ames.

43. Child Exploitation and Missing Children

The Committee considered a report of the Director of Children's Services.

RESOLVED: That

(1) the report be noted; and
(2) the Director be requested to report back on return interview performance.

44. Home to School Transport

The Committee received a report on home to school transport.
"""


def test_file_then_sync_is_one_meeting_and_the_notes_move(store, site, tmp_path):
    minutes = tmp_path / "cyp-2026-01-01.txt"
    minutes.write_text(FILE_MINUTES.format(committee=CHILDREN), encoding="utf-8")
    ingest_paths(store, [minutes])
    assert rows(store, "SELECT committee, date FROM meeting") == [(CHILDREN, "2026-01-01")]
    uid = rows(store, "SELECT uid FROM resolution WHERE text LIKE 'the report be noted%'")[0][0]
    note = notes.add_note(store, "resolution", uid, notes.NoteInput("Noted, but what next?"))
    add(store, site)
    summary = run(store)
    assert summary.total("merged") == 1 and "kept as one" in summary.describe()
    on_the_day = rows(store, "SELECT url FROM meeting WHERE date = '2026-01-01'")
    assert on_the_day == [(f"{site.base_url}ieListDocuments.aspx?CId=101&MId=5001",)]
    moved = notes.get_note(store, note.uuid)
    assert moved is not None and moved.anchor_state == "attached"
    assert moved.document_key == "moderngov://demo/5001"
    assert moved.item_title == "Child Exploitation and Missing Children"
    again = ingest_paths(store, [minutes])  # the file is unchanged: not read in again
    assert again.unchanged == 1
    assert rows(store, "SELECT count(*) FROM meeting WHERE date = '2026-01-01'") == [(1,)]


def test_sync_then_file_is_one_meeting(store, site, tmp_path):
    add(store, site)
    run(store)
    minutes = tmp_path / "cyp-2026-01-01.txt"
    minutes.write_text(FILE_MINUTES.format(committee=CHILDREN), encoding="utf-8")
    summary = ingest_paths(store, [minutes])
    assert summary.merged == 1 and "kept as one meeting" in summary.describe()
    assert rows(store, "SELECT count(*) FROM meeting WHERE date = '2026-01-01'") == [(1,)]


def test_a_different_committee_on_the_same_day_stays_apart(store, site, tmp_path):
    minutes = tmp_path / "planning.txt"
    minutes.write_text(FILE_MINUTES.format(committee="Licensing Committee"), encoding="utf-8")
    ingest_paths(store, [minutes])
    add(store, site)
    run(store)
    assert rows(store, "SELECT count(*) FROM meeting WHERE date = '2026-01-01'") == [(2,)]


def test_a_moved_site_is_followed_and_reported(store, site):
    site.moved_from = "/old/"
    sync_service.add_source(
        store, site.origin + "/old/", name="demo", committees=["101"], settings=FAST
    )
    summary = run(store)
    assert summary.total("new") == 2
    assert f"demo: moved: {site.origin}/old/" in summary.describe()
