"""From the shell: a moved folder is recognised, a copy is a further source, a deleted file
is marked missing, and `scrutiny meetings` says so."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scrutiny_tui.cli import main

MINUTES = Path(__file__).resolve().parent.parent / "fixtures" / "minutes"


def test_move_copy_and_delete_as_the_shell_reports_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store.db")
    first = tmp_path / "minutes"
    first.mkdir()
    names = sorted(p.name for p in MINUTES.glob("*.txt"))[:3]
    for name in names:
        shutil.copy(MINUTES / name, first / name)
    assert main(["--db", db, "ingest", str(first)]) == 0
    capsys.readouterr()

    moved = tmp_path / "moved"
    first.rename(moved)
    assert main(["--db", db, "ingest", str(moved)]) == 0
    assert "3 files: 0 new, 0 changed, 0 unchanged, 3 moved, 0 failed" in capsys.readouterr().out

    shutil.copy(moved / names[0], moved / "copy.txt")
    (moved / names[1]).unlink()
    assert main(["--db", db, "ingest", str(moved)]) == 0
    out = capsys.readouterr().out
    assert "3 files: 0 new, 0 changed, 2 unchanged, 1 copy, 0 failed" in out
    assert "1 stored file has gone from the folders imported: marked missing" in out

    assert main(["--db", db, "meetings"]) == 0
    listed = capsys.readouterr().out
    assert f"{moved / names[1]} (file missing)" in listed
    assert f"also {moved / 'copy.txt'}" in listed
    assert main(["--db", db, "meetings", "--json"]) == 0
    meetings = json.loads(capsys.readouterr().out)
    assert len(meetings) == 3
    assert [m["source_missing"] for m in meetings].count(True) == 1
    assert [m["other_sources"] for m in meetings if m["other_sources"]] == [
        [str(moved / "copy.txt")]
    ]


def test_meetings_shows_the_latest_and_says_how_many_are_not_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store.db")
    folder = tmp_path / "minutes"
    folder.mkdir()
    for path in MINUTES.glob("*.txt"):  # four meetings, 2015 to 2020
        shutil.copy(path, folder / path.name)
    assert main(["--db", db, "ingest", str(folder)]) == 0
    capsys.readouterr()

    assert main(["--db", db, "meetings", "--limit", "2"]) == 0
    captured = capsys.readouterr()
    dates = [line[:10] for line in captured.out.splitlines() if line[:2] == "20"]
    assert dates == ["2019-03-12", "2020-02-03"]  # the latest two, oldest first
    assert "2 earlier meetings not shown (--limit 0 for all, or --since)" in captured.err

    assert main(["--db", db, "meetings", "--limit", "0", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4
    with pytest.raises(SystemExit):
        main(["--db", db, "meetings", "--limit", "99999999999999999999"])
    assert "use a number from 0 to" in capsys.readouterr().err
