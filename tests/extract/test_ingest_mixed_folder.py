"""`scrutiny ingest` on a folder of whatever a member downloaded: every format counted,
every failure named."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from source_builders import write_minutes_docx, write_minutes_pdf, write_scanned_pdf

from scrutiny_tui.cli import main

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
MINUTES = (SOURCES / "meeting_minutes.txt").read_text(encoding="utf-8")


def test_mixed_folder_reports_formats_and_specific_failures(tmp_path, db_path, capsys):
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    shutil.copy(SOURCES / "moderngov_meeting_minutes.html", folder / "meeting.html")
    write_minutes_pdf(MINUTES, folder / "printed.pdf")
    write_minutes_docx(MINUTES, folder / "circulated.docx")
    write_scanned_pdf(folder / "scanned.pdf")
    (folder / "agenda-notes.md").write_text("Bring a pen.\n\nAsk about parking.\n", "utf-8")

    assert main(["--db", str(db_path), "ingest", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "6 files: 4 new, 0 changed, 0 unchanged, 2 failed" in out
    assert "formats: 1 docx, 1 html, 1 pdf, 1 text" in out
    assert f"failed: {folder / 'scanned.pdf'}: scanned PDF: no text layer" in out
    assert f"failed: {folder / 'agenda-notes.md'}: not minutes: no agenda items found" in out

    with sqlite3.connect(db_path) as conn:
        stored = dict(conn.execute("SELECT format, count(*) FROM document GROUP BY format"))
        per_format = dict(
            conn.execute(
                "SELECT d.format, count(r.id) FROM document d JOIN agenda_item i"
                " ON i.document_id = d.id JOIN resolution r ON r.item_id = i.id GROUP BY d.format"
            )
        )
    assert stored == {"docx": 1, "html": 1, "pdf": 1, "text": 1}
    assert per_format["pdf"] == per_format["docx"] == per_format["text"] > 0
