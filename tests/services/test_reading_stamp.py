"""Minutes stored by an older reading are read again by the next ingest, so a release that
reads minutes better reaches the member's store, with notes and tracking kept."""

from __future__ import annotations

from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.notes import NoteInput
from scrutiny_tui.services.reading_stamp import reading_stamp
from scrutiny_tui.services.tracker import TrackerQuery
from scrutiny_tui.store.db import open_store
from tests.conftest import DATA_DIR


def test_minutes_read_by_an_older_reading_are_read_again_keeping_notes_and_tracking(
    store_target: str,
) -> None:
    store = open_store(store_target)
    try:
        first = ingest_paths(store, [DATA_DIR])
        seeds = first.new
        assert seeds == len(list(DATA_DIR.glob("*.txt")))
        rec = tracker.recommendations_page(store, TrackerQuery(limit=1)).rows[0]
        tracker.set_status(store, rec.uid, "Slipped")
        note = notes.add_note(store, "recommendation", rec.uid, NoteInput("Still worried"))
        # As an earlier release left it: another stamp, and a committee it could not read.
        with store.write() as conn:
            conn.execute("UPDATE document SET parsed_with = 'an-older-reading'")
            conn.execute("UPDATE meeting SET committee = NULL")
        again = ingest_paths(store, [DATA_DIR])
        assert (again.new, again.changed, again.unchanged, again.failed) == (0, seeds, 0, [])
        with store.read() as conn:
            stamps = {row[0] for row in conn.execute("SELECT parsed_with FROM document")}
            committees = {row[0] for row in conn.execute("SELECT committee FROM meeting")}
        assert stamps == {reading_stamp()}
        assert "Scrutiny Board (Children and Families)" in committees
        assert tracker.recommendation(store, rec.uid).status == "Slipped"
        kept = notes.get_note(store, note.uuid)
        assert kept is not None and kept.anchor_state == "attached"
        assert ingest_paths(store, [DATA_DIR]).unchanged == seeds  # once is enough
    finally:
        store.close()
