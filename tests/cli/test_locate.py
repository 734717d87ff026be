"""``scrutiny locate`` tells a member where their data lives."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny_tui.cli import main


def test_locate_prints_config_database_and_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("database: store/minutes.db\nexport_dir: packs\n")
    monkeypatch.delenv("SCRUTINY_DB", raising=False)
    assert main(["--config", str(config), "locate"]) == 0
    lines = dict(line.split(None, 1) for line in capsys.readouterr().out.splitlines()[:3])
    assert lines["config"] == str(config)
    assert lines["database"] == str(tmp_path / "store" / "minutes.db")
    assert lines["exports"] == str(tmp_path / "packs")


def test_db_option_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chosen = tmp_path / "chosen.db"
    assert main(["--db", str(chosen), "locate"]) == 0
    assert f"database     {chosen}" in capsys.readouterr().out


def test_a_broken_config_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("database: [unclosed\n")
    assert main(["--config", str(config), "locate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("scrutiny: ") and len(err.strip().splitlines()) == 1
