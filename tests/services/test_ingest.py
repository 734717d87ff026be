"""Ingest: seeds in, idempotent re-runs, changed files replaced, bad files skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scrutiny_tui.services import tracker
from scrutiny_tui.services.ingest import NOT_MINUTES, ingest_paths
from scrutiny_tui.services.search import search
from scrutiny_tui.store.db import Store, open_store

MEETING = """Housing Scrutiny Panel - Monday, 3rd February, 2020 6.00 pm

PRESENT: Councillor Ann Smith (Chair), Councillor Raj Patel

1. Apologies for absence

Apologies were received from Councillor Tom Hughes.

2. Housing repairs performance

The Panel considered report HS20011 on responsive repairs.

RESOLVED –

(a) That the report be noted.
(b) That a report on damp and mould be provided to the Panel in April 2020.
"""


def count(store: Store, table: str) -> int:
    with store.read() as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def uid_of(store: Store, resolution_text: str) -> str:
    with store.read() as conn:
        row = conn.execute("SELECT uid FROM resolution WHERE text = ?", (resolution_text,))
        return row.fetchone()[0]


@pytest.fixture
def store(store_target):
    store = open_store(store_target)
    yield store
    store.close()


def test_a_forward_plan_is_not_stored_and_the_member_is_told_why(store, tmp_path):
    plan = tmp_path / "forward_plan.txt"
    plan.write_text(
        "WESTBY BOROUGH COUNCIL\n\nFORWARD PLAN\n\nNotice of Key Decisions\n\n"
        "Published: Tuesday 1 December 2026\n\n1. ABOUT THIS NOTICE\n\n1.1 This notice lists "
        "the key decisions the Cabinet expects to take.\n\n2. SCHEDULE\n\nFP 27-01 Waste "
        "collection contract, Cabinet, 14 January 2027\n",
        encoding="utf-8",
    )
    summary = ingest_paths(store, [plan])
    assert summary.new == 0
    assert [p.reason for p in summary.failed] == [
        "not minutes: this reads as a forward plan (decisions still to be taken), "
        "not a record of a meeting"
    ]
    assert count(store, "document") == 0


def test_an_officer_s_report_is_stored_with_a_warning_the_member_sees(store, tmp_path):
    report = tmp_path / "parks_report.txt"
    report.write_text(
        "Report to: Overview and Scrutiny Committee\nReport of: Director of Place\n"
        "Date: 4 March 2026\n\n1. Purpose of Report\n\n1.1 To update Members on the parks"
        " strategy.\n\n2. Recommendations\n\n2.1 That the Committee notes the update.\n\n"
        "3. Background\n\n3.1 The strategy was adopted in 2024.\n",
        encoding="utf-8",
    )
    summary = ingest_paths(store, [report])
    assert (summary.new, summary.failed) == (1, [])
    assert [problem.path for problem in summary.doubtful] == [str(report)]
    assert summary.doubtful[0].reason.startswith("not minutes: this reads as an officer's report")
    assert "stored, but not minutes: this reads as an officer's report" in summary.describe()
    assert count(store, "resolution") == 0


def test_seeds_are_stored_with_their_records(store, seed_paths):
    summary = ingest_paths(store, seed_paths)
    assert (summary.new, summary.changed, summary.failed) == (len(seed_paths), 0, [])
    assert summary.counts.items == count(store, "agenda_item") == len(seed_paths)
    assert summary.counts.resolutions == count(store, "resolution") > 0
    assert summary.counts.actions == count(store, "action") > 0
    assert summary.formats == {"text": len(seed_paths)}
    assert f"{len(seed_paths)} new" in summary.describe()


def test_a_second_run_changes_nothing(store, seed_paths):
    ingest_paths(store, seed_paths)
    rows = count(store, "resolution")
    again = ingest_paths(store, [seed_paths[0].parent])
    assert (again.new, again.changed, again.unchanged) == (0, 0, len(seed_paths))
    assert count(store, "resolution") == rows
    assert count(store, "document") == len(seed_paths)


def test_a_changed_file_is_replaced_and_its_tracking_follows(store, tmp_path):
    minutes = tmp_path / "housing.txt"
    minutes.write_text(MEETING, encoding="utf-8")
    ingest_paths(store, [minutes])
    noted = uid_of(store, "That the report be noted.")
    tracker.set_status(store, noted, "Achieved")
    minutes.write_text(
        MEETING.replace("That the report be noted.", "That the report be noted, with thanks.")
        + "\n3. Any other business\n\nNone.\n",
        encoding="utf-8",
    )
    summary = ingest_paths(store, [minutes])
    assert (summary.new, summary.changed) == (0, 1)
    assert count(store, "document") == 1
    assert count(store, "agenda_item") == 3
    edited = uid_of(store, "That the report be noted, with thanks.")
    assert edited != noted
    with store.read() as conn:
        tracked = conn.execute("SELECT uid, status FROM recommendation_tracking").fetchall()
        history = conn.execute("SELECT uid FROM status_change").fetchall()
    assert tracked == [(edited, "Achieved")]
    assert history == [(edited,)]


def test_bad_files_are_reported_and_the_rest_ingested(store, tmp_path, seed_paths):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "good.txt").write_text(MEETING, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "shopping.txt").write_text("Milk\nEggs\n", encoding="utf-8")
    summary = ingest_paths(store, [folder, tmp_path / "missing"])
    reasons = {Path(p.path).name: p.reason for p in summary.failed}
    assert summary.new == 1
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["image.txt"]
    assert reasons["shopping.txt"] == NOT_MINUTES
    assert reasons["missing"] == "no such file or folder"


def test_many_files_parse_in_worker_processes(store, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for n in range(30):
        month = ("February", "March")[n // 28]  # each a different meeting, by its date
        text = MEETING.replace("Monday, 3rd February", f"Monday, {n % 28 + 1} {month}")
        (folder / f"meeting-{n:02}.txt").write_text(text, encoding="utf-8")
    summary = ingest_paths(store, [folder], workers=2)
    assert summary.new == 30 and not summary.failed
    assert count(store, "meeting") == 30
    assert count(store, "agenda_item") == 60


def test_progress_reaches_the_total(store, seed_paths):
    seen: list[tuple[int, int]] = []
    ingest_paths(store, seed_paths, progress=lambda done, total, name: seen.append((done, total)))
    assert seen[-1] == (len(seed_paths), len(seed_paths))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_touched_but_identical_file_is_unchanged(store, tmp_path):
    minutes = tmp_path / "housing.txt"
    minutes.write_text(MEETING, encoding="utf-8")
    ingest_paths(store, [minutes])
    stat = minutes.stat()
    os.utime(minutes, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert ingest_paths(store, [minutes]).unchanged == 1
    with store.read() as conn:
        stored = conn.execute("SELECT mtime_ns FROM document").fetchone()[0]
    assert stored == minutes.stat().st_mtime_ns
    same_size = MEETING.replace("damp and mould", "mould and damp")
    minutes.write_text(same_size, encoding="utf-8")
    os.utime(minutes, ns=(stat.st_atime_ns, stat.st_mtime_ns + 9_000_000_000))
    assert ingest_paths(store, [minutes]).changed == 1


def test_every_note_survives_a_changed_file_reattached_or_detached(store, tmp_path):
    from scrutiny_tui.services.notes import NoteInput, add_note, list_notes

    minutes = tmp_path / "housing.txt"
    minutes.write_text(MEETING, encoding="utf-8")
    ingest_paths(store, [minutes])
    damp = uid_of(store, "That a report on damp and mould be provided to the Panel in April 2020.")
    add_note(store, "resolution", damp, NoteInput("Chase the damp report", kind="follow-up"))
    with store.read() as conn:
        item_uid, doc = conn.execute(
            "SELECT i.uid, unpacked(d.text) FROM agenda_item i"
            " JOIN document d ON d.id = i.document_id"
            " WHERE i.title = 'Housing repairs performance'"
        ).fetchone()
    start = doc.index("report HS20011 on responsive repairs")
    add_note(store, "passage", item_uid, NoteInput("Which repairs?"), quote=(start, start + 36))

    edited = MEETING.replace("The Panel considered", "At the start, the Panel considered")
    edited = edited.replace("report HS20011 on responsive repairs", "the repairs dashboard")
    minutes.write_text(edited, encoding="utf-8")
    summary = ingest_paths(store, [minutes])

    notes = {n.body: n for n in list_notes(store)}
    assert set(notes) == {"Chase the damp report", "Which repairs?"}
    assert notes["Chase the damp report"].anchor_state == "attached"
    assert notes["Chase the damp report"].item_title == "Housing repairs performance"
    assert notes["Which repairs?"].anchor_state == "detached"
    assert notes["Which repairs?"].quote == "report HS20011 on responsive repairs"
    assert summary.notes_detached == 1
    assert "1 note could not be placed in the changed minutes; it is kept" in summary.describe()


def test_a_file_that_cannot_be_stored_is_left_out_and_the_rest_of_its_batch_kept(
    tmp_path, seed_paths
):
    folder = tmp_path / "minutes"
    folder.mkdir()
    for seed in seed_paths:
        (folder / seed.name).write_text(seed.read_text("utf-8"), "utf-8")
    store = open_store(tmp_path / "store.db")
    with store.write() as conn:  # the store refuses one file's items, as a constraint would
        conn.execute(
            "CREATE TRIGGER refuse_one BEFORE INSERT ON agenda_item"
            " WHEN new.title LIKE '%Integrated Children%'"
            " BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
        )
    summary = ingest_paths(store, [folder], workers=1)
    assert [p.reason for p in summary.failed] == ["could not store: refused for the test"]
    refused = Path(summary.failed[0].path).name
    assert refused.startswith("002_")  # the minutes with that item
    assert summary.new == len(seed_paths) - 1
    with store.read() as conn:
        stored = conn.execute("SELECT count(*) FROM document").fetchone()[0]
        dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
    assert stored == len(seed_paths) - 1 and dangling == []
    hits = search(store, "safeguarding", limit=100).hits
    assert hits and refused not in {h.file_name for h in hits}  # nothing of it half-stored
    store.close()
