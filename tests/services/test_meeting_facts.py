"""A meeting's council, committee and date corrected by the member: shown at once, kept when
the same minutes are imported again (changed or not), and a date read the UK way."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_tui.services.browse import list_meetings
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.meeting_facts import MeetingFactsError, edit_meeting, meeting_facts
from scrutiny_tui.store.db import open_store

MINUTES = """Minutes

1. Apologies

None were received.

2. Bus services review

The panel considered the review of rural bus services.

RESOLVED – that the review be noted.
"""


@pytest.fixture
def ingested(tmp_path: Path, store_target: str):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "bus.txt").write_text(MINUTES)
    store = open_store(store_target)
    ingest_paths(store, [folder], workers=1)
    yield store, folder
    store.close()


def _only_meeting(store):
    (meeting,) = list_meetings(store)
    return meeting


def test_a_correction_shows_at_once_and_outlives_a_reimport(ingested) -> None:
    store, folder = ingested
    meeting = _only_meeting(store)
    assert (meeting.committee, meeting.date) == (None, None)  # the minutes do not say
    facts = edit_meeting(
        store, meeting.id, council="Anyshire", committee="Transport Scrutiny", date="12/03/2025"
    )
    assert (facts.committee, facts.date, facts.edited_date) == (
        "Transport Scrutiny",
        "2025-03-12",
        "2025-03-12",
    )
    shown = _only_meeting(store)
    assert (shown.council, shown.committee, shown.date) == (
        "Anyshire",
        "Transport Scrutiny",
        "2025-03-12",
    )
    # The minutes change and are imported again: the correction is kept.
    (folder / "bus.txt").write_text(MINUTES + "\n3. Any other business\n\nNone.\n")
    summary = ingest_paths(store, [folder], workers=1)
    assert summary.changed == 1
    again = _only_meeting(store)
    assert (again.council, again.committee, again.date) == (
        "Anyshire",
        "Transport Scrutiny",
        "2025-03-12",
    )


def test_a_blank_field_is_not_a_correction(ingested) -> None:
    store, _ = ingested
    meeting = _only_meeting(store)
    edit_meeting(store, meeting.id, committee="Transport Scrutiny")
    facts = edit_meeting(store, meeting.id, council="Anyshire")
    assert (facts.council, facts.committee) == ("Anyshire", "Transport Scrutiny")
    assert facts.edited_committee is None  # no longer a correction of its own ...
    assert meeting_facts(store, meeting.id).committee == "Transport Scrutiny"  # ... value kept


def test_a_date_that_is_not_one_is_refused_and_nothing_changes(ingested) -> None:
    store, _ = ingested
    meeting = _only_meeting(store)
    with pytest.raises(MeetingFactsError, match="Not a date"):
        edit_meeting(store, meeting.id, committee="Transport", date="next Tuesday")
    assert _only_meeting(store).committee is None
    with pytest.raises(MeetingFactsError, match="no such day"):
        edit_meeting(store, meeting.id, date="31/02/2025")
    with pytest.raises(MeetingFactsError, match="no longer in the store"):
        edit_meeting(store, 9999, committee="x")


def test_a_correction_to_a_synced_meeting_outlives_the_next_changed_sync(
    store_target,
) -> None:
    from scrutiny_tui.services import sync as sync_service
    from tests.moderngov.fake_site import FakeSite
    from tests.services.test_sync import FAST, TODAY

    site = FakeSite("/democracy/", today=TODAY)
    site.start()
    store = open_store(store_target)
    try:
        sync_service.add_source(store, site.base_url, name="demo", settings=FAST)
        sync_service.sync(store, today=TODAY, settings=FAST)
        synced = next(m for m in list_meetings(store) if "5001" in m.file_name)
        edit_meeting(store, synced.id, committee="Children's Scrutiny (renamed)")
        item = site.meetings[5001].items[2]
        item.minutes_html = (item.minutes_html or "").replace("which had risen", "which rose")
        summary = sync_service.sync(store, today=TODAY, settings=FAST)
        assert summary.total("changed") == 1
        again = next(m for m in list_meetings(store) if "5001" in m.file_name)
        assert again.committee == "Children's Scrutiny (renamed)"
    finally:
        store.close()
        site.stop()
