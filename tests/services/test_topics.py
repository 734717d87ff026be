"""Topics: a saved search or a note tag followed across meetings, its timeline oldest
first with what was discussed, resolved, recommended and promised, the member's notes, and
what arrived since the member last looked."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from scrutiny_tui.cli import main
from scrutiny_tui.services import notes, tracker
from scrutiny_tui.services.topics import TopicError, add_topic, list_topics, remove_topic, timeline
from tests.ui.fixture_store import ItemSpec, MeetingSpec, add_meeting, build_store

TODAY = date(2026, 11, 26)


def _item(title: str, text: str, **records) -> ItemSpec:
    return ItemSpec(title=title, number=records.pop("number", "5"), text=text, **records)


def _meeting(day: str, *items: ItemSpec) -> MeetingSpec:
    return MeetingSpec(f"/minutes/housing-{day}.txt", list(items), "Anyshire", "Housing Panel", day)


MEETINGS = [
    _meeting(
        "2026-06-04",
        _item(
            "Damp and mould: the landlord's plan",
            "Members heard that damp and mould cases had doubled since the winter.\n"
            "RESOLVED – that the plan be noted.\n"
            "Recommendation 1 – every case inspected within ten days.",
            resolutions=[(None, "noted", "that the plan be noted.")],
            recommendations=[("1", "every case inspected within ten days.")],
        ),
        _item("Allotments", "The allotment waiting list was discussed.", number="6"),
    ),
    _meeting(
        "2026-02-12",
        _item(
            "Stock condition survey",
            "The survey found damp in one home in eight.\n"
            "A report on mould treatment to come to the panel in April 2026.",
            actions=[("A report on mould treatment", "2026-04", "the panel")],
        ),
    ),
    _meeting(
        "2026-09-17",
        _item(
            "Damp and mould: progress",
            "Officers reported that mould complaints now take 12 days to inspect.",
        ),
    ),
]


@pytest.fixture
def store(store_target):
    store = build_store(store_target, MEETINGS)
    june = "/minutes/housing-2026-06-04.txt#i0"
    tracker.set_status(store, f"{june}#rec0", "Slipped")
    notes.add_note(
        store, "item", june, notes.NoteInput("Ask for the ward figures", "question", tags=("damp",))
    )
    yield store
    store.close()


def test_a_search_topic_lists_its_meetings_oldest_first_with_what_happened(store) -> None:
    add_topic(store, "Damp and mould", query="damp OR mould")
    found = timeline(store, "damp and mould", today=TODAY)  # names match in any case
    assert [m.date for m in found.meetings] == ["2026-02-12", "2026-06-04", "2026-09-17"]
    assert found.item_count == 3 and not found.more  # allotments do not mention it
    february, june, september = found.meetings
    (survey,) = february.entries
    assert survey.title == "Stock condition survey"
    assert "damp in one home in eight" in survey.passage
    assert [(a.text, a.state, a.due) for a in survey.actions] == [
        ("A report on mould treatment", "overdue", "2026-04")
    ]
    (plan,) = june.entries
    assert [(r.text, r.state) for r in plan.resolutions] == [("that the plan be noted.", "noted")]
    assert [(r.label, r.state) for r in plan.recommendations] == [("1", "Slipped")]
    assert [(n.kind, n.body) for n in plan.notes] == [("question", "Ask for the ward figures")]
    assert september.entries[0].recommendations == ()


def test_a_tag_topic_follows_the_items_holding_notes_so_tagged(store) -> None:
    add_topic(store, "My damp questions", tag="#Damp")
    found = timeline(store, "My damp questions", today=TODAY)
    assert [(m.date, m.entries[0].title) for m in found.meetings] == [
        ("2026-06-04", "Damp and mould: the landlord's plan")
    ]


def test_items_that_arrive_after_the_member_looked_are_new(store, tmp_path) -> None:
    add_topic(store, "Mould", query="mould")
    first = timeline(store, "Mould", today=TODAY, mark_seen=True)
    assert first.new_count == 0  # never looked before: nothing is "new"
    later = MeetingSpec(
        "/minutes/housing-2026-11-05.txt",
        [_item("Mould in temporary accommodation", "Mould was found in two hostels.")],
        "Anyshire",
        "Housing Panel",
        "2026-11-05",
    )
    add_meeting(store, later)
    with store.write() as conn:  # it arrived after the member looked
        conn.execute(
            "UPDATE document SET ingested_at = ? WHERE path = ?",
            (datetime.now(UTC).isoformat(sep=" "), later.path),
        )
    again = timeline(store, "Mould", today=TODAY)
    assert again.new_count == 1
    assert [e.title for m in again.meetings for e in m.entries if e.new] == [
        "Mould in temporary accommodation"
    ]


def test_topics_are_named_once_and_are_a_search_or_a_tag(store) -> None:
    add_topic(store, "CAMHS", query="CAMHS")
    with pytest.raises(TopicError, match="already a topic called 'camhs'"):
        add_topic(store, "camhs", query="waiting")
    with pytest.raises(TopicError, match="a search or a tag"):
        add_topic(store, "Both", query="a", tag="b")
    with pytest.raises(TopicError, match="needs a name"):
        add_topic(store, "  ", query="a")
    with pytest.raises(TopicError, match="no topic called 'Nope'"):
        timeline(store, "Nope", today=TODAY)
    remove_topic(store, "CAMHS")
    assert list_topics(store) == []


def test_a_malformed_search_is_read_literally_and_said(store) -> None:
    add_topic(store, "Odd", query='damp "mould')
    found = timeline(store, "Odd", today=TODAY)
    assert found.notice and "literally" in found.notice


def test_the_command_adds_lists_and_shows_topics(store, store_target, capsys) -> None:
    db = ["--db", store_target]
    assert main([*db, "topics", "add", "Damp", "damp"]) == 0
    assert capsys.readouterr().out == "following Damp (search: damp)\n"
    assert main([*db, "topics", "show", "Damp"]) == 0
    shown = capsys.readouterr().out
    # The September item's title says "Damp and mould": titles are searched too.
    assert shown.startswith("Damp (search: damp): 3 items in 3 meetings\n")
    assert "2026-02-12 · Housing Panel · Anyshire" in shown
    assert "    Rec 1 [Slipped]: every case inspected within ten days." in shown
    assert "    your question [open]: Ask for the ward figures" in shown
    assert main([*db, "topics", "show", "Damp", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["date"] for m in data["meetings"]] == ["2026-02-12", "2026-06-04", "2026-09-17"]
    assert data["topic"]["query"] == "damp"
    assert main([*db, "topics", "add", "Damp", "x"]) == 1
    assert "already a topic" in capsys.readouterr().err
    assert main([*db, "topics", "list"]) == 0
    assert capsys.readouterr().out == "Damp  (search: damp)\n"


def test_a_topic_exports_as_a_briefing_pack(store, store_target, tmp_path, capsys) -> None:
    db = ["--db", store_target]
    add_topic(store, "Damp questions", tag="damp")
    out = tmp_path / "damp.md"
    assert main([*db, "export", "--topic", "Damp questions", "--out", str(out)]) == 0
    pack = out.read_text()
    assert "Damp and mould: the landlord's plan" in pack
    assert "Stock condition survey" not in pack  # no note tagged damp there
    assert main([*db, "export", "--topic", "Nope"]) == 1
    assert "no topic called 'Nope'" in capsys.readouterr().err
