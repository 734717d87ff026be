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
    # The site's page, the printed PDF and the Word copy hold the text file's meeting: one
    # meeting, four sources.
    assert "3 files held a meeting stored from another file" in out

    with sqlite3.connect(db_path) as conn:
        stored = dict(conn.execute("SELECT format, count(*) FROM document GROUP BY format"))
        holders = dict(
            conn.execute("SELECT d.format, count(m.id) FROM document d JOIN meeting m"
                         " ON m.document_id = d.id GROUP BY d.format")
        )  # fmt: skip
        same_as = dict(
            conn.execute("SELECT d.format, h.format FROM document d JOIN document h"
                         " ON h.id = d.same_as")
        )  # fmt: skip
    assert stored == {"docx": 1, "html": 1, "pdf": 1, "text": 1}
    assert holders == {"text": 1}
    assert same_as == {"docx": "text", "html": "text", "pdf": "text"}
