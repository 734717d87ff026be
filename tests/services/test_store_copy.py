"""Moving between a member's own store and the team store: a populated SQLite store copied
into a fresh team database on a real PostgreSQL server, field by field; copied again (nothing
new); copied back as another member (only the notes that member may read); and copies that
fail midway or are refused, leaving the destination as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.meeting_facts import edit_meeting
from scrutiny_tui.services.notes import NoteInput
from scrutiny_tui.services.store_copy import CopyError, copy_between
from scrutiny_tui.services.team import add_member
from scrutiny_tui.services.topics import add_topic
from scrutiny_tui.store.db import Store, member_name, open_store
from tests.conftest import DATA_DIR, FIXTURES

PRIVATE = "Privately: is the transport overspend being hidden?"
SHARED = "For the team: ask the Cabinet Member when the response is due"
PASSAGE = "These words need checking against the report"
LATER = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def _one(store: Store, sql: str) -> Any:
    with store.read() as conn:
        return conn.execute(sql).fetchone()[0]


def _all(store: Store, sql: str) -> list[tuple[Any, ...]]:
    with store.read() as conn:
        return [tuple(row) for row in conn.execute(sql).fetchall()]


@pytest.fixture
def local(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A member's own store: the seeds and the test minutes read, statuses set (with their
    history), actions done, notes (one on a passage, one for the team, one deleted), a
    meeting's facts corrected and a topic followed."""
    path = tmp_path / "mine.db"
    store = open_store(path)
    ingest_paths(store, [DATA_DIR, FIXTURES / "minutes"])
    recommendations = [r[0] for r in _all(store, "SELECT uid FROM recommendation ORDER BY id")]
    resolutions = [r[0] for r in _all(store, "SELECT uid FROM resolution ORDER BY id")]
    actions = [r[0] for r in _all(store, "SELECT uid FROM action ORDER BY id")]
    items = [r[0] for r in _all(store, "SELECT uid FROM agenda_item ORDER BY id")]
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    tracker.set_status(store, recommendations[0], "accepted", now=start)
    tracker.set_status(
        store, recommendations[0], "implemented", note="done", now=start + timedelta(1)
    )
    tracker.set_status(store, recommendations[1], "rejected", now=start + timedelta(2))
    tracker.set_status(store, resolutions[0], "in progress", now=start + timedelta(3))
    tracker.set_action_done(store, actions[0], True, now=start)
    tracker.set_action_done(store, actions[1], True, now=start + timedelta(1))
    tracker.set_action_done(store, actions[2], True, now=start)
    tracker.set_action_done(store, actions[2], False, now=start + timedelta(2))
    private = notes.add_note(store, "item", items[0], NoteInput(PRIVATE, tags=("transport",)))
    shared = notes.add_note(store, "item", items[1], NoteInput(SHARED, visibility="team"))
    text = _one(store, f"SELECT unpacked(text) FROM agenda_item WHERE uid = '{items[2]}'")
    offset = _one(store, f"SELECT span_start FROM agenda_item WHERE uid = '{items[2]}'")
    passage = notes.add_note(
        store, "passage", items[2], NoteInput(PASSAGE), quote=(offset, offset + min(20, len(text)))
    )
    gone = notes.add_note(store, "item", items[3], NoteInput("Deleted, kept for undo"))
    notes.delete_note(store, gone.uuid)
    meeting_id = _one(store, "SELECT min(id) FROM meeting")
    edit_meeting(store, meeting_id, council="Corrected Council", date="12/03/2015")
    add_topic(store, "Transport", query="transport")
    yield {
        "path": str(path),
        "store": store,
        "notes": {"private": private.uuid, "shared": shared.uuid, "passage": passage.uuid},
        "deleted": gone.uuid,
        "recommendations": recommendations,
        "actions": actions,
        "items": items,
    }
    store.close()


@pytest.fixture
def team(pg_server: Any) -> Iterator[dict[str, Any]]:
    """A fresh team database (nothing in it yet), with members alice and bob."""
    admin_url = pg_server.new_database()
    database = admin_url.split("/", 3)[3].split("?", 1)[0]
    admin = open_store(admin_url)
    add_member(admin, "alice")
    add_member(admin, "bob")
    yield {"admin": admin, "admin_url": admin_url, "url": lambda n: pg_server.url(database, user=n)}
    admin.close()


# Every table's rows by what identifies them across stores (row ids differ between stores).
MINUTES = {
    "document": "SELECT key, path, sha256, format, size, mtime_ns, unpacked(text), warnings,"
    " ingested_at, relpath, missing_since FROM document",
    "meeting": "SELECT m.uid, d.key, m.council, m.committee, m.date, m.title, m.location, m.url"
    " FROM meeting m JOIN document d ON d.id = m.document_id",
    "agenda_item": "SELECT i.uid, m.uid, i.ordinal, i.number, i.title, unpacked(i.text),"
    " i.report_refs, i.span_start, i.span_end, i.external_id, i.restricted FROM agenda_item i"
    " JOIN meeting m ON m.id = i.meeting_id",
    "resolution": "SELECT r.uid, i.uid, r.ordinal, r.label, r.kind, r.text,"
    " r.span_start, r.span_end FROM resolution r JOIN agenda_item i ON i.id = r.item_id",
    "recommendation": "SELECT r.uid, i.uid, r.ordinal, r.ref, r.text, r.span_start,"
    " r.span_end FROM recommendation r JOIN agenda_item i ON i.id = r.item_id",
    "action": "SELECT a.uid, i.uid, a.ordinal, a.text, a.due, a.due_to, a.span_start,"
    " a.span_end FROM action a JOIN agenda_item i ON i.id = a.item_id",
    "attendance": "SELECT m.uid, i.uid, p.name, p.honorific, a.kind, a.role FROM attendance a"
    " JOIN person p ON p.id = a.person_id JOIN meeting m ON m.id = a.meeting_id"
    " LEFT JOIN agenda_item i ON i.id = a.item_id",
    "meeting_edit": "SELECT meeting_uid, council, committee, date, edited_at FROM meeting_edit",
    "topic": "SELECT name, query, tag, created_at, last_seen_at FROM topic",
    "recommendation_tracking": "SELECT uid, status, area, executive_response_date, lead,"
    " action_taken, updated_at FROM recommendation_tracking",
}
HISTORY = "SELECT uid, status, changed_at, note, changed_by FROM status_change"
ACTIONS = "SELECT uid, done, done_at, note, done_by FROM action_state"
NOTES = (
    "SELECT uuid, target_kind, target_uid, document_key, quote_exact, quote_prefix, quote_suffix,"
    " span_start, span_end, anchor_state, body, kind, priority, tags, status, ask_at,"
    " created_at, updated_at, deleted_at, conflict_of, owner, visibility FROM annotation"
)


def _rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    return sorted(_all(store, sql), key=repr)


def _as(rows: list[tuple[Any, ...]], column: int, who: str, member: str) -> list[tuple[Any, ...]]:
    """``rows`` with the name ``who`` in ``column`` read as ``member``."""
    return sorted(
        (
            tuple(member if i == column and v == who else v for i, v in enumerate(row))
            for row in rows
        ),
        key=repr,
    )


def test_a_member_s_store_copied_to_the_team_store_arrives_whole_and_once(local, team) -> None:
    mine: Store = local["store"]
    me = member_name(mine.connection())
    report = copy_between(local["path"], team["url"]("alice"))

    meetings, items = (
        _one(mine, "SELECT count(*) FROM meeting"),
        _one(mine, "SELECT count(*) FROM agenda_item"),
    )
    assert (report.copied.meetings, report.copied.items) == (meetings, items) and meetings >= 9
    assert report.copied.tracking == 3 and report.copied.status_changes == 4
    assert report.copied.actions_done == 2 and report.copied.action_states == 3
    assert report.copied.notes == 4  # the deleted one too (kept for undo)
    assert (report.copied.meeting_edits, report.copied.topics) == (1, 1)
    assert report.already.total() == 0 and report.others_notes == 0
    assert report.lines()[0].startswith(
        f"copied {meetings} meetings ({items} items), 3 tracking statuses, 4 status changes,"
        " 2 actions done, 1 action marked not done, 4 notes"
    )

    alice = open_store(team["url"]("alice"))
    try:
        for table, sql in MINUTES.items():
            assert _rows(alice, sql) == _rows(mine, sql), table
        assert _rows(alice, HISTORY) == _as(_rows(mine, HISTORY), 4, me, "alice")
        assert _rows(alice, ACTIONS) == _as(_rows(mine, ACTIONS), 4, me, "alice")
        assert _rows(alice, NOTES) == _as(_rows(mine, NOTES), 20, me, "alice")
        history = tracker.status_history(alice, local["recommendations"][0])
        assert [(c.status, c.changed_by) for c in history] == [
            ("accepted", "alice"),
            ("implemented", "alice"),
        ]
        # Search finds the copied minutes and the member's note, through the team's triggers.
        from scrutiny_tui.services.search import search

        assert any(
            h.uid == local["notes"]["private"] for h in search(alice, "overspend hidden").hits
        )

        again = copy_between(local["path"], team["url"]("alice"))
        assert again.copied.total() == 0, again.lines()
        assert again.already.meetings == meetings and again.already.notes == 4
        assert again.already.status_changes == 4 and again.already.tracking == 3
        assert again.lines()[0].startswith(
            f"copied nothing new; already there: {meetings} meetings"
        )
        for table, sql in MINUTES.items():
            assert _rows(alice, sql) == _rows(mine, sql), table
        assert len(_rows(alice, HISTORY)) == 4 and len(_rows(alice, NOTES)) == 4
    finally:
        alice.close()

    # Bob takes the team store home: the team's note comes (as alice's), her private ones
    # do not; the minutes and the tracker do.
    bob_file = str(Path(local["path"]).with_name("bob.db"))
    report = copy_between(team["url"]("bob"), bob_file)
    assert report.copied.notes == 1 and report.copied.meetings == meetings
    bob = open_store(bob_file)
    try:
        assert _all(bob, "SELECT uuid, body, owner, visibility FROM annotation") == [
            (local["notes"]["shared"], SHARED, "alice", "team")
        ]
        for table, sql in MINUTES.items():
            assert _rows(bob, sql) == _rows(mine, sql), table
        assert _rows(bob, HISTORY) == _as(_rows(mine, HISTORY), 4, me, "alice")
        assert [n.owner for n in notes.list_notes(bob)] == ["alice"]
        # ... and bob's copy back adds nothing, nor takes alice's team note as his.
        back = copy_between(bob_file, team["url"]("bob"))
        assert back.copied.total() == 0 and back.others_notes == 0, back.lines()
    finally:
        bob.close()


def test_the_newer_note_and_status_win_and_nothing_is_deleted(local, team) -> None:
    mine: Store = local["store"]
    url = team["url"]("alice")
    copy_between(local["path"], url)
    alice = open_store(url)
    try:
        # On the team store, alice changes her shared note; at home, the private one and
        # a status.
        shared, private = local["notes"]["shared"], local["notes"]["private"]
        notes.edit_note(alice, shared, NoteInput("Changed on the team store", visibility="team"))
        notes.edit_note(mine, private, NoteInput("Changed at home"))
        uid = local["recommendations"][1]
        tracker.set_status(mine, uid, "accepted", now=LATER)
        # A note only the team store has, and one only the local store has.
        team_only = notes.add_note(alice, "item", local["items"][4], NoteInput("Team only"))

        to_team = copy_between(local["path"], url)
        assert (to_team.copied.notes, to_team.copied.tracking, to_team.copied.status_changes) == (
            1, 1, 1,
        )  # fmt: skip
        assert notes.get_note(alice, private).body == "Changed at home"
        assert notes.get_note(alice, shared).body == "Changed on the team store"
        assert notes.get_note(alice, team_only.uuid) is not None
        assert [c.status for c in tracker.status_history(alice, uid)] == ["rejected", "accepted"]

        # A document the team store holds under the same key with another text stays theirs.
        with psycopg.connect(team["admin_url"], autocommit=True) as admin:
            admin.execute(
                "UPDATE document SET sha256 = 'theirs' WHERE id = (SELECT min(id) FROM document)"
            )
        kept = copy_between(local["path"], url)
        assert kept.kept_documents == 1 and kept.copied.total() == 0, kept.lines()
        assert _one(alice, "SELECT count(*) FROM document WHERE sha256 = 'theirs'") == 1

        home = copy_between(url, local["path"])
        assert home.copied.notes == 2  # the shared note changed there, and the team-only one
        assert notes.get_note(mine, shared).body == "Changed on the team store"
        assert notes.get_note(mine, team_only.uuid).owner == member_name(mine.connection())
        assert _one(mine, "SELECT count(*) FROM annotation") == 5
    finally:
        alice.close()


def test_a_copy_the_team_store_refuses_midway_writes_nothing(local, team) -> None:
    with psycopg.connect(team["admin_url"], autocommit=True) as admin:
        admin.execute(
            f"ALTER TABLE annotation ADD CONSTRAINT refuse_one CHECK (body <> '{PASSAGE}')"
        )
    with pytest.raises(CopyError) as refused:
        copy_between(local["path"], team["url"]("alice"))
    assert "nothing was copied" in str(refused.value)
    for table in ("document", "meeting", "agenda_item", "person", "search_index",
                  "recommendation_tracking", "status_change", "action_state", "annotation",
                  "topic", "meeting_edit"):  # fmt: skip
        assert _one(team["admin"], f"SELECT count(*) FROM {table}") == 0, table


def test_a_copy_a_member_s_file_refuses_midway_leaves_it_as_it_was(local, tmp_path) -> None:
    target = tmp_path / "other.db"
    other = open_store(target)
    ingest_paths(other, [DATA_DIR])
    before = {t: _rows(other, f"SELECT * FROM {t}") for t in ("document", "meeting", "annotation")}
    other.close()
    conn = sqlite3.connect(target)
    conn.execute(
        "CREATE TRIGGER refuse_one BEFORE INSERT ON status_change WHEN new.status = 'rejected'"
        " BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    conn.commit()
    conn.close()
    with pytest.raises(CopyError, match="refused"):
        copy_between(local["path"], str(target))
    other = open_store(target)
    try:
        assert {t: _rows(other, f"SELECT * FROM {t}") for t in before} == before
        assert _one(other, "SELECT count(*) FROM status_change") == 0
    finally:
        other.close()


def test_a_store_is_not_copied_onto_itself(local, team, tmp_path) -> None:
    link = tmp_path / "same.db"
    link.symlink_to(local["path"])
    with pytest.raises(CopyError, match="onto itself"):
        copy_between(local["path"], str(link))
    copy_between(local["path"], team["url"]("alice"))
    with pytest.raises(CopyError, match="onto itself"):
        copy_between(team["url"]("bob"), team["admin_url"])


def test_an_unreachable_or_foreign_target_is_refused_and_left_alone(
    local, pg_server, tmp_path
) -> None:
    with pytest.raises(CopyError, match=r"cannot reach the team database at 127\.0\.0\.1:9"):
        copy_between(local["path"], "postgresql://alice@127.0.0.1:9/team?connect_timeout=2")
    foreign = pg_server.url("postgres")
    with psycopg.connect(foreign, autocommit=True) as admin:
        admin.execute("CREATE DATABASE someone_elses")
    url = pg_server.url("someone_elses")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE ledger (id int)")
    with pytest.raises(CopyError, match="not a scrutiny-tui database"):
        copy_between(local["path"], url)
    with psycopg.connect(url, autocommit=True) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    assert tables == [("ledger",)]
    with psycopg.connect(foreign, autocommit=True) as admin:
        admin.execute("DROP DATABASE someone_elses")
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE ledger (id int)")
    conn.commit()
    conn.close()
    with pytest.raises(CopyError, match="not a scrutiny-tui database"):
        copy_between(local["path"], str(other))
    with pytest.raises(CopyError, match="no store at"):
        copy_between(str(tmp_path / "missing.db"), str(tmp_path / "new.db"))
    assert not (tmp_path / "new.db").exists()


def test_a_report_names_what_it_left_out() -> None:
    from scrutiny_tui.services.store_copy import CopyReport, Counts

    report = CopyReport(
        copied=Counts(meetings=1, items=1, notes=1), kept_documents=2, others_notes=1
    )
    assert report.lines() == [
        "copied 1 meeting (1 item), 1 note",
        "kept the destination's own version of 2 documents that differ from this store's (the"
        " same minutes or file, another text)",
        "left out 1 note of other members: a team store takes notes only from the member who"
        " owns them",
    ]
    assert replace(report, copied=Counts()).lines()[0] == "copied nothing new"


def test_a_copy_killed_midway_leaves_the_team_store_as_it_was(local, team) -> None:
    """The copy is killed (-9) while it writes: the minutes and tracker it had written in
    its transaction never show, and the store takes a whole copy afterwards."""
    import subprocess
    import sys
    import time

    url = team["url"]("alice")

    def waiting(admin: psycopg.Connection[Any], state: str) -> int:
        sql = (
            "SELECT count(*) FROM pg_stat_activity WHERE usename = 'alice'"
            " AND datname = current_database()"
        )
        if state == "blocked":
            sql += " AND wait_event_type = 'Lock'"
        return int(admin.execute(sql).fetchone()[0])

    with (
        psycopg.connect(team["admin_url"], autocommit=True) as admin,
        psycopg.connect(team["admin_url"]) as holder,
    ):
        # The notes come last: holding their table makes the copy wait there, its minutes
        # and tracker written but not committed.
        holder.execute("LOCK TABLE annotation IN EXCLUSIVE MODE")
        argv = ["--db", local["path"], "db", "copy", "--to", url]
        copying = subprocess.Popen(
            [sys.executable, "-m", "scrutiny_tui", *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while not waiting(admin, "blocked") and time.monotonic() < deadline:
                assert copying.poll() is None, "the copy ended before it reached the notes"
                time.sleep(0.05)
            assert waiting(admin, "blocked"), "the copy never reached the notes"
            assert _one_native(admin, "SELECT count(*) FROM document") == 0  # not committed
        finally:
            copying.kill()
            copying.wait(timeout=30)
        holder.rollback()
        deadline = time.monotonic() + 30
        while waiting(admin, "any") and time.monotonic() < deadline:
            time.sleep(0.05)
        for table in ("document", "meeting", "agenda_item", "recommendation_tracking",
                      "status_change", "action_state", "annotation", "search_index"):  # fmt: skip
            assert _one_native(admin, f"SELECT count(*) FROM {table}") == 0, table
    report = copy_between(local["path"], url)
    assert report.already.total() == 0 and report.copied.notes == 4


def _one_native(conn: psycopg.Connection[Any], sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])
