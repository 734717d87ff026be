"""Dispatch on content then suffix; the original file's hash; one-line failure reasons."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from source_builders import write_minutes_docx, write_minutes_pdf

from scrutiny_tui.extract import ExtractError, load_document, supported_suffixes

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
MINUTES = (SOURCES / "meeting_minutes.txt").read_text(encoding="utf-8")


def test_supported_suffixes() -> None:
    assert supported_suffixes() == {
        ".txt",
        ".text",
        ".md",
        ".markdown",
        ".htm",
        ".html",
        ".pdf",
        ".docx",
    }


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("minutes.txt", "text"), ("minutes.md", "markdown"), ("minutes", "text")],
)
def test_text_formats_by_suffix(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text(MINUTES, encoding="utf-8")
    document = load_document(path)
    assert (document.format, document.text) == (fmt, MINUTES)


def test_content_wins_over_a_misleading_suffix(tmp_path: Path) -> None:
    pdf = write_minutes_pdf(MINUTES, tmp_path / "a.pdf")
    docx = write_minutes_docx(MINUTES, tmp_path / "b.docx")
    renamed_pdf = tmp_path / "minutes.txt"
    renamed_pdf.write_bytes(pdf.read_bytes())
    renamed_docx = tmp_path / "minutes.html"
    renamed_docx.write_bytes(docx.read_bytes())
    assert load_document(renamed_pdf).format == "pdf"
    assert load_document(renamed_docx).format == "docx"


def test_hash_is_of_the_original_bytes_and_text_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(MINUTES.replace("\n", "\r\n").encode("cp1252"))
    document = load_document(path)
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.size == path.stat().st_size
    assert document.text == MINUTES


def test_sidecar_metadata_wins_over_the_page(tmp_path: Path) -> None:
    page = tmp_path / "item.html"
    page.write_bytes((SOURCES / "moderngov_agenda_item.html").read_bytes())
    (tmp_path / "item.html.yaml").write_text("council: Northbridge Council\n", encoding="utf-8")
    metadata = load_document(page).metadata
    assert metadata["council"] == "Northbridge Council"
    assert metadata["date"] == "2015-12-08"


def _zip_with(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "<xml/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("minutes.txt", bytes(range(256)) * 16, "binary file, not text: minutes.txt"),
        (
            "minutes.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "unsupported format: Word 97-2003 (.doc) file; save it as .docx",
        ),
        (
            "minutes.rtf",
            b"{\\rtf1\\ansi minutes}",
            "unsupported format: RTF; save it as .docx or plain text",
        ),
        (
            "budget.xlsx",
            _zip_with("xl/workbook.xml"),
            "unsupported format: an Excel workbook, not minutes",
        ),
        (
            "papers.zip",
            _zip_with("papers/report.pdf"),
            "unsupported format: zip archive, not a Word document",
        ),
        (
            "blank.html",
            b"<html><body><nav>Home</nav><p>&nbsp;</p></body></html>",
            "empty HTML page: no text in its content",
        ),
    ],
)
def test_failures_are_specific(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ExtractError) as raised:
        load_document(path)
    assert str(raised.value) == message


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="is a folder, not a file"):
        load_document(tmp_path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"^cannot read .*No such file"):
        load_document(tmp_path / "gone.pdf")


def test_extract_never_imports_the_ui_or_the_store() -> None:
    import subprocess
    import sys

    code = (
        "import sys, scrutiny_tui.extract as e, scrutiny_tui.extract.html, "
        "scrutiny_tui.extract.pdf, scrutiny_tui.extract.docx\n"
        "bad = [m for m in sys.modules if m.startswith(('textual', 'sqlmodel', 'sqlalchemy', "
        "'scrutiny_tui.store', 'scrutiny_tui.ui'))]\n"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
