"""Printed PDF minutes: reading order, running lines, page numbers, hyphens, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from source_builders import (
    RUNNING_HEADER,
    split_reorganisation,
    write_minutes_pdf,
    write_scanned_pdf,
)

from scrutiny_tui.extract import ExtractError, load_document
from scrutiny_tui.extract.pdf import repair_hyphenation, strip_running_lines
from scrutiny_tui.parser import parse_text

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
MINUTES = (SOURCES / "meeting_minutes.txt").read_text(encoding="utf-8")
HYPHENATED = split_reorganisation(MINUTES)


@pytest.fixture(scope="module")
def minutes_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "minutes.pdf"
    return write_minutes_pdf(HYPHENATED, path, page_height_mm=110)


def test_the_fixture_really_spans_pages_with_a_running_header(minutes_pdf: Path) -> None:
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(minutes_pdf).pages]
    assert len(pages) >= 2
    assert all(RUNNING_HEADER in page and "Page" in page for page in pages)
    assert "reorgan-\n" in "".join(pages)


def test_running_header_and_page_numbers_are_removed(minutes_pdf: Path) -> None:
    text = load_document(minutes_pdf).text
    assert RUNNING_HEADER not in text
    assert "Page " not in text
    assert text.startswith("Children and Young People Scrutiny Committee - Tuesday, 8th December")


def test_reading_order_and_paragraphs_are_kept(minutes_pdf: Path) -> None:
    text = load_document(minutes_pdf).text
    headings = [line for line in text.splitlines() if line[:2].isdigit() and line[2:4] == ". "]
    assert headings == [
        "41. Apologies for absence",
        "42. Minutes of the previous meeting",
        "43. Reorganisation of Early Help Services",
        "44. Work Programme",
    ]
    assert "\n\n41. Apologies for absence\n\n" in text
    assert "RESOLVED – That\n(a) the report be noted; and\n(b) a report" in text
    assert "Children’s Services" in text and "“£1.2m”" in text


def test_a_word_split_at_the_line_end_is_joined(minutes_pdf: Path) -> None:
    text = load_document(minutes_pdf).text
    assert "proposed reorganisation\nof early help" in text
    assert "reorgan-" not in text


def test_document_keeps_the_pdf_hash(minutes_pdf: Path) -> None:
    import hashlib

    document = load_document(minutes_pdf)
    assert document.format == "pdf"
    assert document.sha256 == hashlib.sha256(minutes_pdf.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the re-\norganisation of", "the reorganisation\nof"),
        ("the re-\norganisation\nand re-organisation", "the re-organisation\nand re-organisation"),
        ("a self-\nassessment", "a self-assessment"),
        ("Scrutiny Board -\nEnvironment", "Scrutiny Board -\nEnvironment"),
        ("the 2015-\n16 budget", "the 2015-\n16 budget"),
        ("North-\nEast Lincolnshire", "North-\nEast Lincolnshire"),
        ("consulta-\ntion.", "consultation."),
    ],
)
def test_repair_hyphenation(text: str, expected: str) -> None:
    assert repair_hyphenation(text) == expected


def test_running_lines_need_to_repeat_at_the_page_edge() -> None:
    pages = [
        ["Audit Committee 4 March 2021", "5. Internal audit", "Body text", "1"],
        ["Audit Committee 4 March 2021", "More text", "Audit Committee 4 March 2021 was", "2"],
        ["Audit Committee 4 March 2021", "6. Risk register", "Page 3 of 3"],
    ]
    assert strip_running_lines(pages) == [
        ["5. Internal audit", "Body text"],
        ["More text", "Audit Committee 4 March 2021 was"],
        ["6. Risk register"],
    ]


def test_a_minute_number_at_a_page_head_is_not_a_page_count() -> None:
    pages = [
        ["Audit Committee 4 March 2021", "41/26", "Apologies", "1/3"],
        ["Audit Committee 4 March 2021", "42/26", "Declarations of interest", "2/3"],
        ["Audit Committee 4 March 2021", "43/26", "Internal audit plan", "3 of 3"],
    ]
    assert strip_running_lines(pages) == [
        ["41/26", "Apologies"],
        ["42/26", "Declarations of interest"],
        ["43/26", "Internal audit plan"],
    ]


def test_a_printed_row_wrapped_over_lines_in_a_pdf_stays_one_row(tmp_path: Path) -> None:
    text = (
        "Minutes of the Housing Panel held on 14 January 2026\n\n4. Temporary accommodation\n\n"
        "The Panel noted the update.\n\nThe meeting closed at 4.05pm.\n\nAction log\n\n"
        "Action | Owner | Due\n"
        "Circulate temporary accommodation figures broken down by ward, household type and length "
        "of stay (item 4) | Temporary Accommodation Lead | 6 March 2026\n"
    )
    pdf = write_minutes_pdf(text, tmp_path / "log.pdf")
    items = parse_text(load_document(pdf).text).items
    assert [action.due for action in items[0].actions] == ["2026-03-06"]


def test_a_numbered_heading_at_a_page_foot_keeps_its_own_line(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("helvetica", "", 11)
    pdf.add_page()
    for line in (
        "Minutes of the Monthly Meeting of Carrowbeg County Council held on 9th November 2026",
        "",
        "2.1 Minutes",
        "The minutes of the meeting held on 12th October 2026 were adopted.",
        "",
        "3.1 Library Opening Hours",
        "The Council approved the revised opening hours for the county's branch libraries.",
        "",
        "3.2 Section 85 Agreement with Dunmaine County Council for the Greenway Extension",
    ):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.cell(0, 6, "The Council approved the agreement with Dunmaine County Council.")
    path = tmp_path / "foot.pdf"
    pdf.output(str(path))
    items = parse_text(load_document(path).text).items
    assert [item.number for item in items] == ["2.1", "3.1", "3.2"]
    assert len(items[2].resolutions) == 1


def test_a_planning_table_broken_by_the_page_and_its_wrapped_cells_reads_every_row(
    tmp_path: Path,
) -> None:
    text = (
        "Minutes of the Meeting of Hazelmere Town Council held on 9 February 2026\n\n"
        "Min 25/145 – Planning\nApplication | Address | Proposal | Comments\n"
        "26/00094/FUL | Land rear of 14-18 Mill Street | Erection of four dwellings with parking"
        " and access | Objection – overdevelopment of the site\n"
        "26/00103/HOU | 7 Orchard Close | Single storey rear extension | No objection\n"
        "26/00121/ADV | Unit 3, Station Road Retail Park | Illuminated fascia signage to the front"
        " | Objection – harm to the character of the conservation area\n\n"
        "Min 25/146 – Finance\nThe schedule of payments was approved.\n"
    )
    pdf = write_minutes_pdf(text, tmp_path / "planning.pdf")
    planning = parse_text(load_document(pdf).text).items[0]
    assert [r.label for r in planning.resolutions] == [
        "26/00094/FUL",
        "26/00103/HOU",
        "26/00121/ADV",
    ]
    assert planning.resolutions[2].text.endswith("character of the conservation area")


def test_scanned_pdf_is_reported_not_ingested_empty(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"^scanned PDF: no text layer$"):
        load_document(write_scanned_pdf(tmp_path / "scan.pdf"))


def test_password_protected_pdf(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(text="41. Apologies for absence")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(ExtractError, match=r"^encrypted PDF: a password is needed to open it$"):
        load_document(path)


def test_pdf_locked_only_against_editing_opens(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(text="41. Apologies for absence were received from Councillor Lee.")
    path = tmp_path / "no-edit.pdf"
    pdf.output(str(path))
    expected = "41. Apologies for absence were received from Councillor Lee.\n"
    assert load_document(path).text == expected


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", b"%PDF-1.7\n" + bytes(range(256)) * 8],
)
def test_corrupt_pdf(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ExtractError, match=r"^corrupt PDF: "):
        load_document(path)


def test_a_pdf_name_on_something_else(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(ExtractError, match=r"^corrupt PDF: no %PDF header"):
        load_document(path)


def test_truncated_download(tmp_path: Path, minutes_pdf: Path) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes(minutes_pdf.read_bytes()[:400])
    with pytest.raises(ExtractError, match=r"^(corrupt PDF|scanned PDF)"):
        load_document(path)


def test_a_table_printed_in_columns_keeps_its_column_gap(tmp_path: Path) -> None:
    """A two-column table (name, post) placed at column positions, as a Word table prints:
    the columns stay apart (a tab) while the words of each cell keep single spaces."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.cell(0, 6, "Present", new_x="LMARGIN", new_y="NEXT")
    for name, post in (
        ("Morven Beaton", "Chair"),
        ("Neil Brodie", "Director of Finance"),
        ("Dr Anna Sutherland", "Non-Executive Director"),
    ):
        pdf.cell(70, 6, name)
        pdf.cell(0, 6, post, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "The Chair welcomed everyone to the meeting of the Board.")
    path = tmp_path / "table.pdf"
    pdf.output(str(path))
    text = load_document(path).text
    assert "Neil Brodie\tDirector of Finance" in text
    assert "Dr Anna Sutherland\tNon-Executive Director" in text
    assert "The Chair welcomed everyone to the meeting of the Board." in text
