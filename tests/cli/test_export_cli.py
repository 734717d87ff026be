"""`scrutiny export` as a member runs it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from scrutiny_tui.cli import main
from tests.ui.fixture_store import build_store


def test_export_writes_the_pack_to_the_export_folder(tmp_path, capsys, monkeypatch):
    db = tmp_path / "store.db"
    build_store(db).close()
    config = tmp_path / "config.yaml"
    config.write_text(f"database: {db}\nexport_dir: packs\n", encoding="utf-8")
    monkeypatch.delenv("SCRUTINY_DB")
    assert main(["--config", str(config), "export", "--committee", "care"]) == 0
    written = capsys.readouterr().out.strip()
    assert written.startswith(str(tmp_path / "packs" / "briefing-care-"))
    text = Path(written).read_text(encoding="utf-8")
    assert text.startswith("# Briefing pack: Care Services PDS Committee")
    assert any(t.type == "table_open" for t in MarkdownIt("commonmark").enable("table").parse(text))
    assert stat.S_IMODE((tmp_path / "packs").stat().st_mode) == 0o700


def test_export_refuses_to_replace_without_force(tmp_path, db_path, capsys):
    build_store(db_path).close()
    out = tmp_path / "pack.md"
    args = ["--db", str(db_path), "export", "--out", str(out)]
    assert main(args) == 0
    assert main(args) == 1
    assert "already exists" in capsys.readouterr().err
    assert main([*args, "--force", "--html"]) == 0
    assert out.with_suffix(".html").exists()


def test_export_explains_an_empty_scope_and_bad_dates(db_path, capsys):
    build_store(db_path).close()
    assert main(["--db", str(db_path), "export", "--committee", "planning"]) == 1
    assert "nothing in scope: committee matching “planning”" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db_path), "export", "--since", "31/12/2016"])
    assert exit_.value.code == 2
    assert "not a date as YYYY-MM-DD" in capsys.readouterr().err


def test_export_path_outside_the_export_folder_is_refused(db_path, capsys):
    build_store(db_path).close()
    assert main(["--db", str(db_path), "export", "--out", "../../escape.md"]) == 1
    assert "outside the export folder" in capsys.readouterr().err


def test_export_leaves_procedural_items_out_unless_asked(tmp_path, db_path, capsys):
    from tests.ui.fixture_store import ItemSpec, MeetingSpec, add_meeting

    store = build_store(db_path)
    add_meeting(
        store,
        MeetingSpec(
            path="/minutes/care-2016-09-14.txt",
            body="Care Services PDS Committee",
            date="2016-09-14",
            items=[
                ItemSpec("Declarations of interest", "None were declared.", "20"),
                ItemSpec("Winter pressures", "The report was noted.", "21"),
            ],
        ),
    )
    store.close()
    out = tmp_path / "pack.md"
    assert main(["--db", str(db_path), "export", "--committee", "care", "--out", str(out)]) == 0
    assert "Declarations of interest" not in out.read_text(encoding="utf-8")
    assert "Winter pressures" in out.read_text(encoding="utf-8")
    args = ["--db", str(db_path), "export", "--committee", "care", "--with-procedural"]
    assert main([*args, "--out", str(out), "--force"]) == 0
    assert "Declarations of interest" in out.read_text(encoding="utf-8")


def test_export_for_the_next_meeting(tmp_path, db_path, capsys):
    build_store(db_path).close()
    args = ["--db", str(db_path), "export", "--next-meeting", "care"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "no meeting of a committee matching “care”" in err and "--for-date" in err
    out = tmp_path / "next.md"
    assert main([*args, "--for-date", "2016-09-14", "--out", str(out), "--html", "--docx"]) == 0
    written = capsys.readouterr().out.split()
    assert written == [str(out), str(out.with_suffix(".html")), str(out.with_suffix(".docx"))]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Briefing pack: Care Services PDS Committee, meeting of 2016-09-14\n")
    assert "## Items of the last meeting (2016-06-29)" in text
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--since", "2016-01-01"])
    assert exit_.value.code == 2
    assert "leave out --since" in capsys.readouterr().err
