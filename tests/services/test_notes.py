"""Notes: adding, editing, filtering, soft delete and undo; finding their words again after a
re-ingest; W3C Web Annotation export and import."""

from __future__ import annotations

import copy
import json
import shutil

import pytest
from sqlmodel import select

from scrutiny_tui.services import notes
from scrutiny_tui.services.anchoring import locate
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.notes import NoteInput, NoteNotFound
from scrutiny_tui.services.notes_exchange import export_notes, import_notes
from scrutiny_tui.store.db import Store, open_store
from scrutiny_tui.store.models import Document, Meeting
from scrutiny_tui.store.records import index_items
from tests.orm import orm_session
from tests.ui.fixture_store import (
    ItemSpec,
    MeetingSpec,
    _add_item,
    build_store,
    care_meeting,
)

CARE = "/minutes/care-2016-06-29.txt"
ITEM = f"{CARE}#i0"
RES_B = f"{ITEM}#res1"
ACTION = f"{ITEM}#act0"
RES_B_WORDS = "Recommend that the paper on mental health services be requested."


@pytest.fixture
def store(store_target: str):
    store = build_store(store_target)
    yield store
    store.close()


def doc_text(store: Store, path: str = CARE) -> str:
    with store.read() as conn:
        sql = "SELECT unpacked(text) FROM document WHERE path = ?"
        return conn.execute(sql, (path,)).fetchone()[0]


def annotation_column(store: Store, uuid: str, columns: str) -> tuple:
    with store.read() as conn:
        return conn.execute(f"SELECT {columns} FROM annotation WHERE uuid = ?", (uuid,)).fetchone()


def passage(store: Store, words: str, path: str = CARE) -> tuple[int, int]:
    start = doc_text(store, path).index(words)
    return start, start + len(words)


def reingest(store: Store, spec: MeetingSpec) -> notes.ReanchorReport:
    """Replace a document's text and records as ingest does, then re-anchor its notes."""
    full_text = "\n\n".join(f"{item.title}\n\n{item.text}" for item in spec.items)
    with store.write() as conn:
        conn.execute(
            "DELETE FROM meeting WHERE document_id = (SELECT id FROM document WHERE path = ?)",
            (spec.path,),
        )
    with orm_session(store) as s:
        doc = s.exec(select(Document).where(Document.path == spec.path)).one()
        doc.text = full_text
        meeting = Meeting(
            uid=f"{spec.path}#m", document_id=doc.id, committee=spec.body, date=spec.date
        )
        s.add(meeting)
        s.flush()
        item_ids = [
            _add_item(s, doc, meeting, ordinal, item, full_text)
            for ordinal, item in enumerate(spec.items)
        ]
    with store.write() as conn:
        index_items(conn, min(item_ids), max(item_ids))  # as the store's writer does
        return notes.reanchor_document(conn, spec.path, full_text)


def with_item_in_front(spec: MeetingSpec) -> MeetingSpec:
    """The same minutes with a new first item: every record gets a new row and uid."""
    spec = copy.deepcopy(spec)
    spec.items.insert(0, ItemSpec(title="Apologies for absence", text="Apologies were received."))
    return spec


def edited(spec: MeetingSpec, old: str, new: str) -> MeetingSpec:
    spec = copy.deepcopy(spec)
    item = spec.items[0]
    item.text = item.text.replace(old, new)
    item.resolutions = [(a, b, words.replace(old, new)) for a, b, words in item.resolutions]
    return spec


# ---- input ------------------------------------------------------------------------------


def test_note_input_is_cleaned():
    note = NoteInput("  Why so late?  ", "Question", "HIGH", ("#budget", " Budget ", "", "care"))
    assert (note.body, note.kind, note.priority) == ("Why so late?", "question", "high")
    assert note.tags == ("budget", "care")
    assert NoteInput("x", ask_at="  ").ask_at is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"body": "  "}, "the note is empty"),
        ({"body": "x", "kind": "rant"}, "unknown kind 'rant': use one of question, concern"),
        ({"body": "x", "priority": "urgent"}, "unknown priority 'urgent'"),
    ],
)
def test_note_input_errors_are_one_line(kwargs, message):
    with pytest.raises(ValueError, match=message) as info:
        NoteInput(**kwargs)
    assert "\n" not in str(info.value)


# ---- add, edit, resolve, delete, undo -----------------------------------------------


def test_add_note_on_a_resolution_quotes_its_words(store):
    view = notes.add_note(store, "resolution", RES_B, NoteInput("Which paper?", "question"))
    assert view.quote == RES_B_WORDS
    assert view.anchor_state == "attached" and view.status == "open"
    assert (view.committee, view.date) == ("Care Services PDS Committee", "2016-06-29")
    assert view.item_title == "Care Services Portfolio Plan Priorities"
    assert view.item_id is not None and view.document_key == CARE
    prefix, suffix = annotation_column(store, view.uuid, "quote_prefix, quote_suffix")
    text = doc_text(store)
    start = text.index(RES_B_WORDS)
    assert prefix == text[start - 32 : start]
    assert suffix == text[start + len(RES_B_WORDS) :][:32]


def test_a_note_on_a_recommendations_tracker_row_that_is_a_resolution(store):
    # the recommendations tracker lists resolutions that recommended beside numbered
    # recommendations; a note on such a row is kept on the resolution
    view = notes.add_note(store, "recommendation", RES_B, NoteInput("Chase the paper"))
    assert (view.target_kind, view.quote) == ("resolution", RES_B_WORDS)
    with pytest.raises(NoteNotFound, match="no recommendation with uid"):
        notes.add_note(store, "recommendation", "nope", NoteInput("x"))


def test_add_note_on_a_passage(store):
    words = "Members asked about CAMHS waiting times"
    start, end = passage(store, words)
    view = notes.add_note(store, "passage", ITEM, NoteInput("Follow up"), quote=(start - 1, end))
    assert view.quote == words  # spaces at the ends are not quoted
    assert view.target_kind == "passage"


def test_add_note_errors(store):
    with pytest.raises(NoteNotFound, match="no resolution with uid"):
        notes.add_note(store, "resolution", "nope", NoteInput("x"))
    with pytest.raises(ValueError, match="unknown target kind"):
        notes.add_note(store, "meeting", ITEM, NoteInput("x"))
    with pytest.raises(ValueError, match="outside its minutes"):
        notes.add_note(store, "passage", ITEM, NoteInput("x"), quote=(5, 10**6))


def test_edit_resolve_delete_and_undo(store):
    view = notes.add_note(store, "item", ITEM, NoteInput("First"))
    other = notes.add_note(store, "action", ACTION, NoteInput("Second"))
    changed = notes.edit_note(store, view.uuid, NoteInput("Changed", "praise", "low", ("a",)))
    assert (changed.body, changed.kind, changed.priority, changed.tags) == (
        "Changed",
        "praise",
        "low",
        ("a",),
    )
    assert changed.quote == view.quote and changed.updated_at >= view.updated_at
    assert notes.set_status(store, view.uuid, "resolved").status == "resolved"
    with pytest.raises(ValueError, match="unknown status"):
        notes.set_status(store, view.uuid, "closed")

    notes.delete_note(store, view.uuid)
    notes.delete_note(store, other.uuid)
    assert notes.get_note(store, view.uuid) is None
    assert notes.list_notes(store) == []
    with pytest.raises(NoteNotFound):
        notes.edit_note(store, view.uuid, NoteInput("x"))
    assert notes.undo_delete(store).uuid == other.uuid  # the most recently deleted first
    assert notes.undo_delete(store).uuid == view.uuid
    assert notes.undo_delete(store) is None
    assert {n.uuid for n in notes.list_notes(store)} == {view.uuid, other.uuid}


def test_resolve_uuid_takes_a_unique_prefix(store):
    view = notes.add_note(store, "item", ITEM, NoteInput("x"))
    assert notes.resolve_uuid(store, view.uuid[:8]) == view.uuid
    assert notes.resolve_uuid(store, f"urn:uuid:{view.uuid}") == view.uuid
    with pytest.raises(NoteNotFound):
        notes.resolve_uuid(store, "zzzz")


def test_filters(store):
    a = notes.add_note(store, "item", ITEM, NoteInput("a", "question", "low", ("Budget",)))
    b = notes.add_note(store, "resolution", RES_B, NoteInput("b", "concern", "high", ("care",)))
    hostile = "/minutes/[bold]budget.txt#i0"
    c = notes.add_note(store, "item", hostile, NoteInput("c", "praise", tags=("budget",)))
    notes.set_status(store, c.uuid, "resolved")

    def uuids(**kw):
        return [n.uuid for n in notes.list_notes(store, **kw)]

    assert uuids() == [b.uuid, a.uuid, c.uuid]  # open first, then by priority
    assert set(uuids(tag="budget")) == {a.uuid, c.uuid}
    assert uuids(tag="#CARE") == [b.uuid]
    assert uuids(kind="question") == [a.uuid]
    assert uuids(status="resolved") == [c.uuid]
    assert set(uuids(committee="care services")) == {a.uuid, b.uuid}
    assert uuids(committee="100%_") == []


# ---- re-anchoring -------------------------------------------------------------------


def three_notes(store: Store) -> dict[str, str]:
    words = "Members asked about CAMHS waiting times"
    return {
        "item": notes.add_note(store, "item", ITEM, NoteInput("on item")).uuid,
        "res": notes.add_note(store, "resolution", RES_B, NoteInput("on res")).uuid,
        "passage": notes.add_note(
            store, "passage", ITEM, NoteInput("on words"), quote=passage(store, words)
        ).uuid,
    }


def test_unchanged_text_keeps_every_note_where_it_was(store):
    made = three_notes(store)
    before = {n.uuid: n for n in notes.list_notes(store)}
    report = reingest(store, care_meeting())
    assert report == notes.ReanchorReport(attached=3, moved=0, detached=0)
    after = {n.uuid: n for n in notes.list_notes(store)}
    assert set(after) == set(made.values())
    for uuid, note in after.items():
        assert (note.quote, note.target_uid) == (before[uuid].quote, before[uuid].target_uid)
        assert note.item_id != before[uuid].item_id  # the rows were replaced


def test_new_rows_and_uids_move_notes_to_the_records_now_holding_their_words(store):
    made = three_notes(store)
    report = reingest(store, with_item_in_front(care_meeting()))
    assert report == notes.ReanchorReport(attached=0, moved=3, detached=0)
    views = {n.uuid: n for n in notes.list_notes(store)}
    assert len(views) == 3
    assert views[made["res"]].target_uid == f"{CARE}#i1#res1"
    assert views[made["res"]].quote == RES_B_WORDS
    assert views[made["item"]].target_uid == f"{CARE}#i1"
    assert views[made["passage"]].target_uid == f"{CARE}#i1"
    assert {v.item_title for v in views.values()} == {"Care Services Portfolio Plan Priorities"}
    assert all(v.anchor_state == "attached" and v.item_id for v in views.values())
    text = doc_text(store)
    for view in views.values():
        start, end = annotation_column(store, view.uuid, "span_start, span_end")
        assert text[start:end] == view.quote


def test_changed_words_are_found_approximately(store):
    made = three_notes(store)
    spec = edited(care_meeting(), "the paper on mental health", "the papers on mental health")
    report = reingest(store, spec)
    assert report.detached == 0 and report.moved >= 1
    note = notes.get_note(store, made["res"])
    assert note.anchor_state == "attached"
    assert note.quote == "Recommend that the papers on mental health services be requested."
    assert note.target_uid == RES_B


def test_words_that_are_gone_detach_the_note_but_keep_it(store):
    made = three_notes(store)
    spec = edited(care_meeting(), RES_B_WORDS, "Deferred to the next meeting.")
    report = reingest(store, spec)
    assert report.detached == 1
    note = notes.get_note(store, made["res"])
    assert note.anchor_state == "detached" and note.item_id is None
    assert note.quote == RES_B_WORDS and note.target_uid == RES_B
    assert note.committee == "Care Services PDS Committee"  # still known from the document
    assert len(notes.list_notes(store)) == 3
    assert made["res"] not in {n.uuid for n in notes.list_notes(store, include_detached=False)}

    report = reingest(store, care_meeting())  # the words come back
    assert report.detached == 0
    assert notes.get_note(store, made["res"]).anchor_state == "attached"


def test_repeated_words_keep_to_the_occurrence_with_the_same_surroundings(store_target):
    item = ItemSpec(
        title="Budget",
        text="Alpha said: Noted the response. Beta said: Noted the response. End.",
        resolutions=[(None, "noted", "Beta said: Noted the response.")],
    )
    spec = MeetingSpec(path="/m/repeat.txt", items=[item], body="Audit")
    store = build_store(store_target, [spec])
    text = doc_text(store, spec.path)
    second = text.rindex("Noted the response.")
    note = notes.add_note(
        store, "passage", "/m/repeat.txt#i0", NoteInput("x"), quote=(second, second + 19)
    )
    moved = copy.deepcopy(spec)
    moved.items[0].text = "Intro. " + item.text
    reingest(store, moved)
    new_text = doc_text(store, spec.path)
    (start,) = annotation_column(store, note.uuid, "span_start")
    assert start == new_text.rindex("Noted the response.")
    store.close()


def test_deleted_notes_are_reanchored_but_not_counted(store):
    made = three_notes(store)
    notes.delete_note(store, made["res"])
    report = reingest(store, with_item_in_front(care_meeting()))
    assert report.moved == 2
    restored = notes.undo_delete(store)
    assert restored.target_uid == f"{CARE}#i1#res1" and restored.item_id


def test_locate_prefers_exact_then_spacing_then_fuzzy():
    text = "The Board asked that cluster\n funding be made sustainable. Next item."
    assert locate(text, "cluster funding") == (21, 37)
    span = locate(text, "The Board askd that cluster funding")
    assert span is not None and text[span[0] : span[1]].startswith("The Board asked")
    assert locate(text, "Entirely different words here") is None
    assert locate(text, "") is None
    assert locate(text, "zzz") is None  # too short to guess at


def test_real_reingest_keeps_every_note(tmp_path, store_target, seed_paths):
    source = tmp_path / "minutes.txt"
    shutil.copy(seed_paths[0], source)
    store = open_store(store_target)
    ingest_paths(store, [source])
    with store.read() as conn:
        rows = conn.execute("SELECT kind, uid FROM record ORDER BY kind, uid").fetchall()
    made = [notes.add_note(store, kind, uid, NoteInput(f"on {uid}")).uuid for kind, uid in rows]
    original = source.read_text(encoding="utf-8")
    source.write_text("Agenda item\n\nApologies\n\nNone received.\n\n" + original, "utf-8")
    ingest_paths(store, [source])
    views = {n.uuid: n for n in notes.list_notes(store)}
    assert set(views) == set(made)
    assert all(v.anchor_state == "attached" for v in views.values())
    store.close()


# ---- export and import ----------------------------------------------------------------


def test_export_is_w3c_web_annotation(store):
    view = notes.add_note(
        store, "resolution", RES_B, NoteInput("**Why?**", "question", "high", ("mh",), "June")
    )
    data = export_notes(store)
    assert data["type"] == "AnnotationCollection" and data["total"] == 1
    item = data["items"][0]
    assert item["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert item["id"] == f"urn:uuid:{view.uuid}" and item["type"] == "Annotation"
    assert item["motivation"] == "questioning"
    assert item["body"][0] == {
        "type": "TextualBody",
        "value": "**Why?**",
        "format": "text/markdown",
        "purpose": "commenting",
    }
    assert item["body"][1] == {"type": "TextualBody", "purpose": "tagging", "value": "mh"}
    quote, position = item["target"]["selector"]
    assert item["target"]["source"] == CARE
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == RES_B_WORDS
    assert doc_text(store)[position["start"] : position["end"]] == RES_B_WORDS
    assert item["scrutiny"] == {
        "kind": "question",
        "priority": "high",
        "status": "open",
        "ask_at": "June",
        "target_kind": "resolution",
        "target_uid": RES_B,
        "anchor_state": "attached",
        "document": {"key": CARE, "sha256": CARE, "relpath": None, "path": CARE},
    }
    assert item["created"].endswith("Z")
    json.dumps(data)  # plain JSON


def test_export_import_round_trip(store, another_target):
    three_notes(store)
    notes.set_status(store, notes.list_notes(store)[0].uuid, "resolved")
    data = json.loads(json.dumps(export_notes(store)))
    other = build_store(another_target("other.db"))
    report = import_notes(other, data)
    assert (report.added, report.updated, report.skipped, report.problems) == (3, 0, 0, [])

    def essence(store):
        return sorted(
            (n.uuid, n.body, n.kind, n.priority, n.tags, n.status, n.quote, n.target_uid,
             n.anchor_state, n.created_at)
            for n in notes.list_notes(store)
        )  # fmt: skip

    assert essence(other) == essence(store)
    again = import_notes(other, data)
    assert (again.added, again.updated, again.skipped) == (0, 0, 3)

    data["items"][0]["body"][0]["value"] = "Changed elsewhere"
    changed = import_notes(other, data)
    assert (changed.added, changed.updated, changed.skipped) == (0, 1, 2)
    assert notes.get_note(other, data["items"][0]["id"][9:]).body == "Changed elsewhere"
    other.close()


def notes_on_every_record(store: Store) -> list[str]:
    with store.read() as conn:
        rows = conn.execute("SELECT kind, uid FROM record ORDER BY kind, uid").fetchall()
    return [notes.add_note(store, kind, uid, NoteInput(f"on {uid}")).uuid for kind, uid in rows]


def test_notes_follow_their_minutes_to_a_store_built_from_another_folder(
    tmp_path, seed_paths, store_target, another_target
):
    folder_a, folder_b = tmp_path / "a" / "minutes", tmp_path / "elsewhere" / "b"
    for folder in (folder_a, folder_b):
        (folder / "2016").mkdir(parents=True)
        for path in seed_paths[:3]:
            shutil.copy(path, folder / "2016" / path.name)
    mine = open_store(store_target)
    ingest_paths(mine, [folder_a])
    made = notes_on_every_record(mine)
    data = json.loads(json.dumps(export_notes(mine)))
    for item in data["items"]:
        document = item["scrutiny"]["document"]
        assert document["key"] == item["target"]["source"]
        assert document["path"].startswith(str(folder_a)) and len(document["sha256"]) == 64

    theirs = open_store(another_target("b.db"))
    ingest_paths(theirs, [folder_b])
    report = import_notes(theirs, data)
    assert (report.added, report.problems) == (len(made), [])
    imported = {n.uuid: n for n in notes.list_notes(theirs)}
    assert set(imported) == set(made)
    assert all(n.anchor_state == "attached" and n.item_id for n in imported.values())
    with theirs.read() as conn:
        keys = {key for (key,) in conn.execute("SELECT key FROM document")}
    assert {n.document_key for n in imported.values()} <= keys
    originals = {n.uuid: n for n in notes.list_notes(mine)}
    for uuid, note in imported.items():
        assert (note.quote, note.item_title) == (originals[uuid].quote, originals[uuid].item_title)
    again = import_notes(theirs, data)
    assert (again.added, again.updated, again.skipped) == (0, 0, len(made))
    mine.close()
    theirs.close()


@pytest.mark.parametrize("clue", ["sha256", "relpath", "path"])
def test_import_finds_the_document_by_content_then_relpath_then_file_name(
    store, another_target, clue
):
    view = notes.add_note(store, "resolution", RES_B, NoteInput("x"))
    data = export_notes(store)
    item = data["items"][0]
    item["target"]["source"] = "/gone/elsewhere.txt"
    known = {"key": "/gone/elsewhere.txt", "sha256": None, "relpath": None, "path": None}
    known[clue] = {
        "sha256": CARE,  # the fixture store's documents use their path as their hash
        "relpath": "committees/care-2016-06-29.txt",
        "path": "C:\\Minutes\\care-2016-06-29.txt",
    }[clue]
    item["scrutiny"]["document"] = known
    other = build_store(another_target("other.db"))
    with other.write() as conn:
        conn.execute(
            "UPDATE document SET relpath = 'committees/care-2016-06-29.txt' WHERE key = ?",
            (CARE,),
        )
    assert import_notes(other, data).added == 1
    note = notes.get_note(other, view.uuid)
    assert note.anchor_state == "attached" and note.document_key == CARE
    assert note.target_uid == RES_B
    other.close()


def test_import_without_the_document_keeps_the_note_detached(store, another_target):
    notes.add_note(store, "resolution", RES_B, NoteInput("x"))
    data = export_notes(store)
    empty = build_store(another_target("empty.db"), [])
    report = import_notes(empty, data)
    assert report.added == 1
    (note,) = notes.list_notes(empty)
    assert note.anchor_state == "detached" and note.quote == RES_B_WORDS
    empty.close()


def test_import_reports_malformed_entries_and_keeps_the_rest(store):
    good = {
        "id": "urn:uuid:12345678-1234-5678-1234-567812345678",
        "type": "Annotation",
        "body": "Plain string body",
        "target": {"source": CARE, "selector": {"type": "TextQuoteSelector", "exact": "CAMHS"}},
    }
    bad = [
        "not an object",
        {"type": "Annotation"},
        {**good, "id": "urn:uuid:not-a-uuid"},
        {**good, "id": "urn:uuid:22345678-1234-5678-1234-567812345678", "body": []},
        {**good, "id": "urn:uuid:32345678-1234-5678-1234-567812345678", "scrutiny": {"kind": 5}},
        {
            **good,
            "id": "urn:uuid:42345678-1234-5678-1234-567812345678",
            "scrutiny": {"priority": "urgent"},
        },
        {**good, "target": None},  # repeats the good id
        None,
    ]
    report = import_notes(store, {"items": [good, *bad]})
    assert report.added == 1 and len(report.problems) == len(bad)
    assert all(p.startswith("entry ") and "\n" not in p for p in report.problems)
    (note,) = notes.list_notes(store)
    assert note.quote == "CAMHS" and note.anchor_state == "attached" and note.kind == "concern"
    assert note.target_kind == "passage" and note.item_id is not None

    for data in (None, 5, "x", {"items": "no"}):
        report = import_notes(store, data)
        assert report.added == 0 and report.problems[0].startswith("nothing imported")


def test_import_keeps_a_note_edited_here_after_the_export(store):
    view = notes.add_note(store, "item", ITEM, NoteInput("Original"))
    data = json.loads(json.dumps(export_notes(store)))
    notes.edit_note(store, view.uuid, NoteInput("Edited here later"))
    data["items"][0]["body"][0]["value"] = "Old copy elsewhere"
    report = import_notes(store, data)
    assert (report.added, report.updated, report.skipped) == (0, 0, 1)
    assert report.problems == ["entry 1 skipped: the note here was edited after it was exported"]
    assert notes.get_note(store, view.uuid).body == "Edited here later"


def test_import_brings_back_a_deleted_note(store):
    view = notes.add_note(store, "item", ITEM, NoteInput("Original"))
    data = export_notes(store)
    notes.delete_note(store, view.uuid)
    report = import_notes(store, data)
    assert report.updated == 1
    assert notes.get_note(store, view.uuid).body == "Original"
