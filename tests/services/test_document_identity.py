"""Documents know who they are: by their bytes and by where they sit in their folder.

A moved folder is recognised, not imported twice; a file that has gone is marked missing
with its notes kept; the same minutes in several formats or under several names are one
meeting with several sources, each record once in the tracker, search and a pack.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from scrutiny_tui.services import briefing, browse, documents, notes, search, tracker
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.store.db import Store, open_store
from tests.extract.source_builders import write_minutes_docx, write_minutes_pdf

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
MINUTES = (SOURCES / "meeting_minutes.txt").read_text(encoding="utf-8")
OTHER = Path(__file__).resolve().parent.parent / "fixtures" / "minutes"


def as_html(text: str) -> str:
    """The minutes as a plain web page: a paragraph per block, one line each."""
    from html import escape

    blocks = [" ".join(b.split("\n")) for b in text.split("\n\n") if b.strip()]
    return (
        "<html><body>\n" + "\n".join(f"<p>{escape(b)}</p>" for b in blocks) + "\n</body></html>\n"
    )


def rows(store: Store, query: str, *params: object) -> list[tuple]:
    with store.read() as conn:
        return conn.execute(query, params).fetchall()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    minutes = tmp_path / "minutes"
    (minutes / "2015").mkdir(parents=True)
    (minutes / "2015" / "cyp-2015-12-08.txt").write_text(MINUTES, encoding="utf-8")
    for source in sorted(OTHER.glob("*.txt"))[:2]:
        shutil.copy(source, minutes / source.name)
    return minutes


def first_item_with_resolutions(store: Store) -> tuple[str, str]:
    page = tracker.resolutions_page(store, tracker.TrackerQuery())
    row = page.rows[0]
    detail = browse.item_detail(store, row.item_id)
    assert detail is not None
    return row.uid, detail.uid


def test_a_moved_folder_is_recognised_and_its_notes_stay_attached(
    folder: Path, tmp_path: Path, store_target: str
) -> None:
    store = open_store(store_target)
    first = ingest_paths(store, [folder], workers=0)
    assert first.new == 3
    res_uid, item_uid = first_item_with_resolutions(store)
    note = notes.add_note(store, "resolution", res_uid, notes.NoteInput("Chase this"))
    tracker.set_status(store, res_uid, "Accepted")

    moved = tmp_path / "elsewhere" / "minutes"
    moved.parent.mkdir()
    folder.rename(moved)
    second = ingest_paths(store, [moved], workers=0)

    assert (second.new, second.moved, second.changed, second.missing) == (0, 3, 0, 0)
    assert rows(store, "SELECT count(*), count(DISTINCT path) FROM document") == [(3, 3)]
    paths = {p for (p,) in rows(store, "SELECT path FROM document")}
    assert all(p.startswith(str(moved)) for p in paths)
    kept = notes.get_note(store, note.uuid)
    assert kept is not None and kept.anchor_state == "attached"
    assert kept.target_uid == res_uid
    assert tracker.status_history(store, res_uid)[0].status == "Accepted"
    assert kept.item_id is not None
    detail = browse.item_detail(store, kept.item_id)
    assert detail is not None and detail.uid == item_uid


def test_a_file_that_has_gone_is_marked_missing_and_keeps_its_notes(
    folder: Path, store_target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(store_target)
    ingest_paths(store, [folder], workers=0)
    res_uid, _ = first_item_with_resolutions(store)
    note = notes.add_note(store, "resolution", res_uid, notes.NoteInput("Still open"))
    path = next(p for (p,) in rows(store, "SELECT path FROM document") if "cyp-" in p)
    Path(path).unlink()

    summary = ingest_paths(store, [folder], workers=0)

    assert summary.missing == 1
    assert "1 stored file has gone from the folders imported: marked missing" in (
        summary.describe()
    )
    assert rows(store, "SELECT missing_since IS NOT NULL FROM document WHERE path = ?", path) == [
        (1,)
    ]
    kept = notes.get_note(store, note.uuid)
    assert kept is not None and kept.anchor_state == "attached"
    assert rows(store, "SELECT count(*) FROM meeting") == [(3,)]
    # Put back, it is found again and no longer missing.
    Path(path).write_text(MINUTES, encoding="utf-8")
    again = ingest_paths(store, [folder], workers=0)
    assert again.new == 0 and again.missing == 0
    assert rows(store, "SELECT count(*) FROM document WHERE missing_since IS NOT NULL") == [(0,)]


def test_the_same_minutes_in_four_formats_are_one_meeting_with_four_sources(
    tmp_path: Path, store_target: str
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "minutes.html").write_text(as_html(MINUTES), encoding="utf-8")
    write_minutes_pdf(MINUTES, folder / "minutes.pdf")
    write_minutes_docx(MINUTES, folder / "minutes.docx")
    store = open_store(store_target)

    summary = ingest_paths(store, [folder], workers=0)

    assert summary.new == 4 and not summary.failed
    assert summary.same_meeting == 3
    meetings = browse.list_meetings(store)
    assert len(meetings) == 1
    sources = documents.meeting_sources(store, meetings[0].id)
    assert sorted(s.format for s in sources) == ["docx", "html", "pdf", "text"]
    assert sources[0].primary and sources[0].format == "text"

    actions = tracker.actions_page(store, tracker.TrackerQuery(), today=date(2016, 1, 1)).rows
    texts = [a.text for a in actions]
    assert texts and len(texts) == len(set(texts))
    hits = search.search(store, "consultation").hits
    assert len({h.item_id for h in hits if h.kind == "item"}) == 1
    if store.engine == "sqlite":  # the merged files' records left the index as they went
        with store.read() as conn:
            conn.execute("INSERT INTO search_words (search_words) VALUES ('integrity-check')")
            indexed = conn.execute("SELECT count(*) FROM search_words").fetchone()[0]
            entries = conn.execute("SELECT count(*) FROM search_entry").fetchone()[0]
        assert indexed == entries
    pack = briefing.build_briefing(
        store,
        briefing.BriefingScope(with_procedural=True),  # apologies and minutes count here
        today=date(2016, 1, 1),
        generated_at=datetime.now(UTC),
    )
    assert pack.item_count == 4  # the meeting's four items, once each
    assert "minutes.pdf" not in pack.markdown and "minutes.docx" not in pack.markdown


def test_a_copy_under_another_name_is_a_further_source_not_a_second_meeting(
    folder: Path, store_target: str
) -> None:
    store = open_store(store_target)
    ingest_paths(store, [folder], workers=0)
    shutil.copy(folder / "2015" / "cyp-2015-12-08.txt", folder / "copy of minutes.txt")

    summary = ingest_paths(store, [folder], workers=0)

    assert (summary.new, summary.copies, summary.unchanged) == (0, 1, 3)
    assert rows(store, "SELECT count(*) FROM meeting") == [(3,)]
    assert rows(store, "SELECT count(*) FROM document WHERE same_as IS NOT NULL") == [(1,)]


def test_a_file_moved_and_edited_keeps_its_key_and_tracking(
    folder: Path, tmp_path: Path, store_target: str
) -> None:
    store = open_store(store_target)
    ingest_paths(store, [folder], workers=0)
    keys = dict(rows(store, "SELECT relpath, key FROM document"))
    res_uid, _ = first_item_with_resolutions(store)
    tracker.set_status(store, res_uid, "Accepted")

    moved = tmp_path / "moved"
    folder.rename(moved)
    edited = moved / "2015" / "cyp-2015-12-08.txt"
    edited.write_text(MINUTES.replace("Bring", "Take") + "\nSigned: Chair\n", encoding="utf-8")
    summary = ingest_paths(store, [moved], workers=0)

    assert (summary.new, summary.changed, summary.moved) == (0, 1, 2)
    assert dict(rows(store, "SELECT relpath, key FROM document")) == keys
    assert tracker.status_history(store, res_uid)[0].status == "Accepted"


def test_the_meetings_list_and_the_item_say_which_files_they_came_from(
    tmp_path: Path, store_target: str
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    write_minutes_pdf(MINUTES, folder / "minutes.pdf")
    store = open_store(store_target)
    ingest_paths(store, [folder], workers=0)
    (folder / "minutes.txt").unlink()
    ingest_paths(store, [folder], workers=0)

    (meeting,) = browse.list_meetings(store)
    assert (meeting.file_name, meeting.missing, meeting.other_sources) == (
        "minutes.txt",
        True,
        1,
    )
    first = browse.items_of_meeting(store, meeting.id)[0]
    detail = browse.item_detail(store, first.id)
    assert detail is not None
    assert detail.sources == ("minutes.txt (file missing)", "minutes.pdf")


def test_two_item_pages_of_one_meeting_stay_two_with_their_records(
    tmp_path: Path, store_target: str
) -> None:
    """Same date and committee, one item each, titles sharing a word: not the same minutes."""
    from scrutiny_tui.services.same_meeting import same_meeting

    first, second = "Care Home Quality Assurance - Progress Report", "Adult Social Care Precept"
    assert not same_meeting("Care PDS", (first,), "Care PDS", (second,), another_file=True)
    assert same_meeting("Care PDS", (first,), "Care PDS", (first, second))  # a site's meeting

    folder = tmp_path / "pages"
    folder.mkdir()
    for n, title in enumerate((first, second), 1):
        (folder / f"item{n}.txt").write_text(  # an agenda item's own page
            f"Agenda item\n\n{title}\n\n"
            f"Meeting: 11/12/2008 - Care Services PDS Committee (Item {120 + n})\n\n"
            f"Minutes:\n\nThe committee considered the report.\n\n"
            f"RESOLVED: That the report on {title.lower()} be noted.\n",
            encoding="utf-8",
        )
    store = open_store(store_target)
    summary = ingest_paths(store, [folder], workers=0)
    assert summary.same_meeting == 0
    assert rows(store, "SELECT count(*) FROM meeting") == [(2,)]
    assert rows(store, "SELECT count(*) FROM resolution") == [(2,)]


def test_two_items_of_one_meeting_with_one_title_stay_two(
    tmp_path: Path, store_target: str
) -> None:
    """Two item pages of a meeting may share a title ("Update"); their words differ."""
    folder = tmp_path / "pages"
    folder.mkdir()
    reports = {
        1: "The Director presented the quarterly figures on placements and caseloads, and "
        "members asked why agency staffing had risen in the east of the county since April.",
        2: "The Portfolio Holder described the new contract for home care, its procurement "
        "timetable and the savings expected in the next financial year across all providers.",
    }
    for n, report in reports.items():
        (folder / f"item{n}.txt").write_text(
            f"Agenda item\n\nUpdate\n\n"
            f"Meeting: 11/12/2008 - Care Services PDS Committee (Item {120 + n})\n\n"
            f"Minutes:\n\n{report}\n\nRESOLVED: That the update be noted.\n",
            encoding="utf-8",
        )
    # and a third item of the same meeting whose words are the first's: its number differs
    first = (folder / "item1.txt").read_text(encoding="utf-8")
    (folder / "item3.txt").write_text(first.replace("(Item 121)", "(Item 125)"), "utf-8")
    store = open_store(store_target)
    summary = ingest_paths(store, [folder], workers=0)
    assert summary.same_meeting == 0
    assert rows(store, "SELECT count(*) FROM meeting") == [(3,)]


def test_an_ingest_leaves_the_planner_statistics_fresh(folder: Path, db_path: Path) -> None:
    """A pack or a tracker page is planned from the tables' shape, not blind."""
    store = open_store(db_path)
    ingest_paths(store, [folder], workers=0)
    with sqlite3.connect(db_path) as conn:  # sqlite_stat1: SQLite's own planner statistics
        tables = {t for (t,) in conn.execute("SELECT DISTINCT tbl FROM sqlite_stat1")}
    assert {"agenda_item", "meeting", "document", "action", "resolution"} <= tables
