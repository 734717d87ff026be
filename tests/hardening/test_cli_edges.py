"""Smaller edges of the command line: each gets a one-line answer, never a traceback, and
nothing stored or printed can drive the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny_tui.cli import CLOSED_PIPE, main
from scrutiny_tui.config import ConfigError, load_settings
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.search import MAX_QUERY_WORDS, search
from scrutiny_tui.store.db import open_store

REPO = Path(__file__).resolve().parent.parent.parent
DATA = REPO / "data"


def run(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--db", str(db), *argv])
    except SystemExit as exc:  # argparse's own exit for a wrong command line
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    store = open_store(db_path)
    ingest_paths(store, [DATA], workers=0)
    store.close()
    return db_path


def test_a_huge_limit_is_a_usage_error(filled_db, capsys):
    code, _, err = run(filled_db, capsys, "search", "council", "--limit", "9" * 20)
    assert code == 2 and "Traceback" not in err
    assert "use a number from 1 to" in err


def test_a_query_of_ten_thousand_terms_is_refused_with_a_reason(filled_db):
    query = " OR ".join(["council", "committee", "report", "budget", "the"] * 2_000)
    store = open_store(filled_db)
    result = search(store, query)
    store.close()
    assert result.hits == ()
    assert result.notice is not None and f"up to {MAX_QUERY_WORDS} words" in result.notice
    store = open_store(filled_db)
    assert search(store, " OR ".join(["council"] * (MAX_QUERY_WORDS // 2))).hits
    store.close()


def aes_pdf(path: Path) -> Path:
    """A PDF locked only against editing, with AES-128 (V4, AESV2) encryption: fpdf2 writes
    its RC4 form, whose password check is the same, and the crypt filter says AES."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(text="1. Apologies for absence were received from Councillor Lee.")
    data = bytes(pdf.output())
    data = data.replace(b"/EncryptMetadata false\n", b"").replace(b"/V 2\n", b"/V 4\n")
    data = data.replace(
        b"/R 3\n", b"/R 4\n/CF <</StdCF <</AuthEvent /DocOpen /CFM /AESV2 /Length 16>>>>\n"
    )
    path.write_bytes(data)
    return path


def test_an_aes_encrypted_pdf_is_named_not_a_traceback(db_path, tmp_path, capsys):
    from importlib.util import find_spec

    path = aes_pdf(tmp_path / "locked.pdf")
    code, out, err = run(db_path, capsys, "parse", str(path))
    assert "Traceback" not in err
    if find_spec("cryptography") or find_spec("Crypto"):
        assert code == 0 and "Apologies" in out  # it can be decrypted here
    else:
        assert code == 1 and err.count("\n") == 1
        assert "encrypted PDF" in err and "AES" in err


def test_output_cut_short_by_its_reader_ends_quietly(tmp_path):
    path = tmp_path / "long.txt"
    parts = ["Overview and Scrutiny Committee - Tuesday, 4th March, 2025 7.00 pm\n\n"]
    parts += [f"{n}. Item {n}\n\nRESOLVED - That the report be noted.\n\n" for n in range(1, 3000)]
    path.write_text("".join(parts), encoding="utf-8")  # its outline is far over a pipe's buffer
    command = [sys.executable, "-m", "scrutiny_tui", "parse", str(path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as reading:
        assert reading.stdout is not None and reading.stderr is not None
        assert reading.stdout.readline()  # `| head -1`
        reading.stdout.close()
        err = reading.stderr.read().decode()
        code = reading.wait(60)
    assert err == ""
    assert code == CLOSED_PIPE


def test_a_config_nested_ten_thousand_deep_is_a_config_error(tmp_path, capsys):
    path = tmp_path / "config.yaml"
    path.write_text("sources: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_settings(path)
    code, _, err = run(tmp_path / "s.db", capsys, "--config", str(path), "locate")
    assert code == 1 and err.count("\n") == 1 and "nested too deeply" in err


def test_names_with_bidi_overrides_and_newlines_stay_on_their_line(db_path, tmp_path, capsys):
    folder = tmp_path / "minutes"
    folder.mkdir()
    good = folder / "minutes\u202etxt.exe\nfailed: forged.txt"
    good.write_bytes((DATA / sorted(p.name for p in DATA.glob("*.txt"))[0]).read_bytes())
    bad = folder / "shopping\u202e\n.txt"
    bad.write_text("Milk\nEggs\n", encoding="utf-8")
    code, out, _ = run(db_path, capsys, "ingest", str(folder))
    assert code == 0
    for line in out.splitlines():
        assert "\u202e" not in line
        if "shopping" in line:
            assert line.startswith("failed: ") and "<U+202E>␊.txt: not minutes" in line
    assert not [line for line in out.splitlines() if line.startswith("failed: forged")]
    for argv in (["meetings"], ["search", "council"], ["meetings", "--json"]):
        code, out, _ = run(db_path, capsys, *argv)
        assert code == 0 and "\u202e" not in out, argv
        assert "forged" not in out or all(
            not line.lstrip().startswith("failed: forged") for line in out.splitlines()
        )
        if argv[-1] == "--json":
            assert "\\u202e" in out and json.loads(out)
