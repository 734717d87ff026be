"""`scrutiny parse`, `ingest` and `search` as a user runs them: output, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scrutiny_tui.cli import main

CONTRACT_KEYS = {"source", "sha256", "format", "meeting", "items", "warnings"}
ITEM_KEYS = {
    "number", "title", "report_refs", "attendees", "points", "recommendations",
    "resolutions", "actions",
}  # fmt: skip
KINDS = {
    "noted",
    "approved",
    "agreed",
    "recommended",
    "requested",
    "delegated",
    "deferred",
    "other",
}


def parse_json(path, capsys) -> dict:
    assert main(["parse", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_parse_json_keeps_the_contract_for_every_seed(seed_paths, capsys):
    for path in seed_paths:
        doc = parse_json(path, capsys)
        assert set(doc) == CONTRACT_KEYS
        assert doc["format"] == "text" and len(doc["sha256"]) == 64
        assert set(doc["meeting"]) >= {"council", "body", "date", "title", "present", "apologies"}
        assert doc["items"], path.name
        for item in doc["items"]:
            assert set(item) == ITEM_KEYS
            assert all(r["kind"] in KINDS for r in item["resolutions"])
            assert all(set(a) == {"text", "due", "body"} for a in item["actions"])


def test_parse_json_of_seed_003(seed_paths, capsys):
    doc = parse_json(next(p for p in seed_paths if p.name.startswith("003_")), capsys)
    (item,) = doc["items"]
    assert item["title"] == "Care Services Portfolio Plan Priorities June 2016-May 2017"
    assert item["report_refs"] == ["CS17037"]
    assert [r["kind"] for r in item["resolutions"]] == ["recommended"]
    assert {"2016-01-10", "2017-04"} <= {a["due"] for a in item["actions"]}


def test_parse_prints_a_readable_outline(seed_paths, capsys):
    assert main(["parse", str(seed_paths[3])]) == 0
    out = capsys.readouterr().out
    assert "Care Services Portfolio Plan Priorities" in out
    assert "action (due 2016-01-10, to Care Services PDS Committee)" in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "binary")],
)
def test_parse_refuses_unreadable_files_in_one_line(tmp_path, capsys, content, reason):
    path = tmp_path / "minutes.txt"
    path.write_bytes(content)
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err
    assert reason in err and err.count("\n") == 1


def test_parse_of_a_missing_file(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_parse_escapes_terminal_sequences(tmp_path, capsys):
    path = tmp_path / "hostile.txt"
    path.write_text("1. Budget \x1b[2J[bold]x[/]\n\nRESOLVED that it be noted.\n", "utf-8")
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "[bold]x[/]" in out


def test_ingest_then_search(seed_paths, db_path, capsys):
    assert main(["--db", str(db_path), "ingest", str(seed_paths[0].parent)]) == 0
    out = capsys.readouterr().out
    assert f"{len(seed_paths)} new" in out and "0 failed" in out
    assert main(["--db", str(db_path), "ingest", str(seed_paths[0].parent)]) == 0
    assert f"{len(seed_paths)} unchanged" in capsys.readouterr().out
    assert main(["--db", str(db_path), "search", "CAMHS"]) == 0
    out = capsys.readouterr().out
    assert "Integrated Children's Services" in out and "«CAMHS»" in out


def test_search_with_a_malformed_query_explains(seed_paths, db_path, capsys):
    main(["--db", str(db_path), "ingest", *map(str, seed_paths)])
    capsys.readouterr()
    assert main(["--db", str(db_path), "search", '"AND (']) == 0
    captured = capsys.readouterr()
    assert "searched for the words literally" in captured.err
    assert "Traceback" not in captured.err


def test_search_json(seed_paths, db_path, capsys):
    main(["--db", str(db_path), "ingest", *map(str, seed_paths)])
    capsys.readouterr()
    assert main(["--db", str(db_path), "search", "Ofsted", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    keys = {"kind", "item_uid", "item_number", "snippet", "highlights"}
    assert hits and all(keys <= set(h) for h in hits)


def test_ingest_reports_bad_files_and_exits_1_only_when_nothing_read(tmp_path, db_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["--db", str(db_path), "ingest", str(empty)]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().out


def test_ingest_with_no_path_reads_the_configured_sources(
    tmp_path, seed_paths, capsys, monkeypatch
):
    monkeypatch.delenv("SCRUTINY_DB")
    config = tmp_path / "config.yaml"
    config.write_text(f"database: store.db\nsources:\n  - {seed_paths[0].parent}\n", "utf-8")
    assert main(["--config", str(config), "ingest"]) == 0
    assert f"{len(seed_paths)} new" in capsys.readouterr().out
    assert (tmp_path / "store.db").exists()


def test_every_command_has_help():
    for command in ("parse", "ingest", "search", "locate", "open"):
        run = subprocess.run(
            [sys.executable, "-m", "scrutiny_tui", command, "--help"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert run.returncode == 0 and "usage: scrutiny" in run.stdout, command
