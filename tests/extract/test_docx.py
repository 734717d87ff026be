"""Word minutes: paragraphs, Word numbering, tables and tracked changes, in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from source_builders import write_minutes_docx

from scrutiny_tui.extract import ExtractError, load_document

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
MINUTES = (SOURCES / "meeting_minutes.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def minutes_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_minutes_docx(MINUTES, tmp_path_factory.mktemp("docx") / "minutes.docx")


def test_word_numbered_headings_get_their_numbers_back(minutes_docx: Path) -> None:
    text = load_document(minutes_docx).text
    assert "\n\n41. Apologies for absence\n\n" in text
    assert "\n\n44. Work Programme\n\n" in text


def test_lettered_list_and_bullets(minutes_docx: Path) -> None:
    text = load_document(minutes_docx).text
    assert "(a) the report be noted; and\n(b) a report on the outcome" in text
    assert (
        "• Caseloads in the locality teams had risen by 15% since April.\n"
        "• Recruitment of experienced social workers remained difficult."
    ) in text


def test_table_rows_in_document_order(minutes_docx: Path) -> None:
    text = load_document(minutes_docx).text
    table = "Member | Attendance\nCouncillor Ann Jones | Present\nCouncillor David Lee | Apologies"
    assert table in text
    assert text.index("7.00 pm") < text.index(table) < text.index("41. Apologies")


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    document = Document()
    paragraph = document.add_paragraph("RESOLVED – That the report be ")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="Clerk" w:date="2016-01-01T00:00:00Z">'
            "<w:r><w:delText>rejected</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="Clerk" w:date="2016-01-01T00:00:00Z">'
            "<w:r><w:t>noted</w:t></w:r></w:ins>"
        )
    )
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert load_document(path).text == "RESOLVED – That the report be noted\n"


def test_decimal_sub_levels_and_restarts(tmp_path: Path) -> None:
    document = Document()
    for style, text in (
        ("List Number", "Apologies"),
        ("List Number", "Minutes"),
        ("List Number 2", "Matters arising"),
        ("List Number", "Work programme"),
    ):
        document.add_paragraph(text, style=style)
    path = tmp_path / "numbers.docx"
    document.save(str(path))
    lines = load_document(path).text.splitlines()
    assert [line.split(" ", 1)[1] for line in lines] == [
        "Apologies",
        "Minutes",
        "Matters arising",
        "Work programme",
    ]
    assert lines[0].startswith("1") and lines[1].startswith("2") and lines[3].startswith("3")


def test_corrupt_word_document(tmp_path: Path, minutes_docx: Path) -> None:
    path = tmp_path / "truncated.docx"
    path.write_bytes(minutes_docx.read_bytes()[:2000])
    with pytest.raises(ExtractError, match=r"^corrupt Word document: "):
        load_document(path)


def test_word_document_with_broken_xml(tmp_path: Path, minutes_docx: Path) -> None:
    broken = io.BytesIO()
    with zipfile.ZipFile(minutes_docx) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[:300] if item.filename == "word/document.xml" else data)
    path = tmp_path / "broken.docx"
    path.write_bytes(broken.getvalue())
    with pytest.raises(ExtractError, match=r"^corrupt Word document: "):
        load_document(path)


def test_docx_suffix_on_plain_text_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_text("41. Apologies for absence\n", encoding="utf-8")
    with pytest.raises(ExtractError, match=r"^corrupt Word document: not a zip archive$"):
        load_document(path)


def test_empty_word_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    Document().save(str(path))
    with pytest.raises(ExtractError, match=r"^empty Word document: no text$"):
        load_document(path)
