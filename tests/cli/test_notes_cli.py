"""`scrutiny notes` as a member runs it: add, list, resolve, delete, export and import."""

from __future__ import annotations

import json

import pytest

from scrutiny_tui.cli import main
from tests.ui.fixture_store import build_store

CARE_ITEM = "/minutes/care-2016-06-29.txt#i0"


@pytest.fixture
def db(db_path):
    build_store(db_path).close()
    return str(db_path)


def run(db, capsys, *argv):
    code = main(["--db", db, "notes", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def listed(db, capsys, *argv):
    code, out, _ = run(db, capsys, "list", "--json", *argv)
    assert code == 0
    return json.loads(out)


def test_add_on_an_item_by_number_or_uid_and_list(db, capsys):
    code, out, _ = run(
        db, capsys, "add", "--item", "1", "Why", "so", "late?", "--kind", "question",
        "--tag", "budget", "--tag", "care", "--priority", "high", "--ask-at", "July meeting",
    )  # fmt: skip
    assert code == 0 and out.startswith("Noted ")
    assert "Care Services Portfolio Plan Priorities (item 1)" in out
    assert run(db, capsys, "add", "--item", CARE_ITEM, "Second")[0] == 0

    notes = listed(db, capsys)
    assert [n["body"] for n in notes] == ["Why so late?", "Second"]
    first = notes[0]
    assert (first["kind"], first["priority"], first["tags"]) == (
        "question",
        "high",
        ["budget", "care"],
    )
    assert first["ask_at"] == "July meeting" and first["target_uid"] == CARE_ITEM
    assert first["anchor_state"] == "attached" and first["item_id"] == 1
    assert [n["body"] for n in listed(db, capsys, "--tag", "care")] == ["Why so late?"]
    assert [n["body"] for n in listed(db, capsys, "--kind", "concern")] == ["Second"]

    code, out, _ = run(db, capsys, "list")
    assert code == 0 and "question · high · open" in out and "#budget #care" in out
    assert "on item: Care Services PDS Committee · 2016-06-29" in out
    assert "“Care Services Portfolio Plan Priorities" in out and "ask at: July meeting" in out


def test_add_on_the_best_search_match(db, capsys):
    pytest.importorskip("scrutiny_tui.services.search")
    code, out, _ = run(db, capsys, "add", "--search", "mental health paper", "Which paper?")
    assert code == 0 and "on resolution:" in out
    (note,) = listed(db, capsys)
    assert note["target_kind"] == "resolution"
    assert note["quote"] == "Recommend that the paper on mental health services be requested."
    code, _, err = run(db, capsys, "add", "--search", "zebracrossingwords", "x")
    assert code == 1 and "nothing in the minutes matches" in err


def test_add_errors_are_one_line(db, capsys):
    code, _, err = run(db, capsys, "add", "--item", "99", "x")
    assert code == 1 and err.startswith("scrutiny: no agenda item 99")
    code, _, err = run(db, capsys, "add", "--item", "nope", "x")
    assert code == 1 and "no item with uid 'nope'" in err
    code, _, err = run(db, capsys, "add", "--item", "1", "x", "--kind", "rant")
    assert code == 1 and "unknown kind 'rant'" in err and err.count("\n") == 1
    code, _, err = run(db, capsys, "add", "--item", "1", "   ")
    assert code == 1 and "the note is empty" in err
    with pytest.raises(SystemExit):
        main(["--db", db, "notes", "add", "x"])  # neither --item nor --search


def test_resolve_and_delete_by_uuid_or_its_start(db, capsys):
    run(db, capsys, "add", "--item", "1", "First")
    uuid = listed(db, capsys)[0]["uuid"]
    code, out, _ = run(db, capsys, "resolve", uuid[:8])
    assert code == 0 and out.startswith(f"Resolved {uuid}")
    assert listed(db, capsys, "--status", "resolved")[0]["uuid"] == uuid
    assert listed(db, capsys, "--status", "open") == []
    code, out, _ = run(db, capsys, "delete", uuid)
    assert code == 0 and out.startswith(f"Deleted {uuid}")
    assert listed(db, capsys) == []
    code, _, err = run(db, capsys, "resolve", uuid)
    assert code == 1 and "no note" in err


def test_export_import_round_trip(db, capsys, tmp_path):
    run(db, capsys, "add", "--item", "1", "First", "--tag", "x")
    run(db, capsys, "add", "--item", "2", "Second", "--kind", "question")
    code, out, _ = run(db, capsys, "export")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 2 and {i["type"] for i in data["items"]} == {"Annotation"}

    out_file = tmp_path / "notes.json"
    code, out, _ = run(db, capsys, "export", "--out", str(out_file))
    assert code == 0 and "Exported 2 notes" in out
    assert json.loads(out_file.read_text(encoding="utf-8")) == data
    assert out_file.stat().st_mode & 0o077 == 0  # private to the user

    other = tmp_path / "other.db"
    build_store(other).close()
    code, out, _ = run(str(other), capsys, "import", str(out_file))
    assert code == 0 and "2 added, 0 updated, 0 unchanged" in out
    code, out, _ = run(str(other), capsys, "import", str(out_file))
    assert code == 0 and "0 added, 0 updated, 2 unchanged" in out
    assert {n["body"] for n in listed(str(other), capsys)} == {"First", "Second"}


def test_import_reports_bad_files_and_entries(db, capsys, tmp_path):
    missing = tmp_path / "missing.json"
    code, _, err = run(db, capsys, "import", str(missing))
    assert code == 1 and "cannot read" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = run(db, capsys, "import", str(broken))
    assert code == 1 and "is not JSON" in err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([1, {"id": "x"}]), encoding="utf-8")
    code, _, err = run(db, capsys, "import", str(bad))
    assert code == 1 and "entry 1 skipped" in err and "entry 2 skipped" in err


def test_terminal_output_never_carries_control_sequences(db, capsys):
    code, out, _ = run(db, capsys, "add", "--item", "2", "evil \x1b[2J \x9b31m note")
    assert code == 0
    code, text_out, _ = run(db, capsys, "list")
    code, json_out, _ = run(db, capsys, "list", "--json")
    code, export_out, _ = run(db, capsys, "export")
    for printed in (out, text_out, json_out, export_out):
        assert "\x1b" not in printed and "\x9b" not in printed and "\x07" not in printed
    assert "evil ␛[2J" in text_out
    assert json.loads(json_out)[0]["body"] == "evil \x1b[2J \x9b31m note"
