"""Hostile documents: list numbers, shared PDF content, deep or attribute-laden HTML, Word
files that unpack to far more than they weigh, and search snippets over text without spaces.

Each input is small and is read in a forked child with a generous budget, so a reader that
hangs fails the test instead of hanging the run.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PageObject, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from scrutiny_tui.cli import main
from scrutiny_tui.extract import ExtractError, load_bytes, load_document
from scrutiny_tui.extract import base as extract_base
from scrutiny_tui.services.ingest import ingest_paths
from scrutiny_tui.services.search import make_snippet, word_patterns
from scrutiny_tui.store.db import open_store

BUDGET = 60.0  # seconds; each case takes well under one once fixed


def _run_child(connection: Any, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        connection.send(("ok", function(*args)))
    except BaseException as exc:  # the parent re-raises what the child met
        connection.send(("error", f"{type(exc).__name__}: {exc}"))


def within_budget(function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` in a forked child: its result, or a failure past the budget."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run_child, args=(sender, function, args))
    child.start()
    sender.close()
    try:
        if not receiver.poll(BUDGET):
            pytest.fail(f"still running after {BUDGET:.0f} s")
        status, value = receiver.recv()
    finally:
        child.kill()
        child.join()
    if status == "error":
        raise AssertionError(value)
    return value


def _read(path: Path) -> tuple[str, list[str]]:
    document = load_document(path)
    return document.text, document.warnings


def _text(path: Path) -> str:
    return load_document(path).text


def _refusal(path: Path) -> str:
    try:
        load_document(path)
    except ExtractError as exc:
        return str(exc)
    return ""


# --- 3. list numbers counted in O(1) ------------------------------------------------------


def test_an_html_list_starting_at_a_huge_roman_number_is_read_at_once(tmp_path: Path) -> None:
    page = tmp_path / "roman.html"
    page.write_text(
        '<html><body><ol type="i" start="99999999999999"><li>Budget</li><li>Plan</li></ol>'
        '<ol type="a" start="99999999999999"><li>Parks</li></ol>'
        '<ol start="²"><li>Housing</li></ol></body></html>',
        encoding="utf-8",
    )
    text = within_budget(_text, page)
    # past what Roman numerals can write, the number itself
    assert "(99999999999999) Budget" in text
    assert "(100000000000000) Plan" in text
    assert "Parks" in text
    assert "1. Housing" in text


def _numbered_docx(path: Path, start: str, fmt: str, level: str = "0") -> Path:
    document = Document()
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "917")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), level)
    for tag, value in (("w:start", start), ("w:numFmt", fmt), ("w:lvlText", f"%{int(level) + 1}.")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        lvl.append(child)
    abstract.append(lvl)
    numbering.insert(0, abstract)
    num_id = int(numbering.add_num(917).numId)
    for title in ("Budget monitoring", "Work programme"):
        paragraph = document.add_paragraph(title)
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", level), ("w:numId", str(num_id))):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            num_pr.append(child)
        paragraph._p.get_or_add_pPr().append(num_pr)
    document.save(str(path))
    return path


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperRoman", "decimal"])
@pytest.mark.parametrize("start", ["1000000000", "100000000000000000"])
def test_a_word_list_starting_at_a_huge_number_is_read_at_once(
    tmp_path: Path, fmt: str, start: str
) -> None:
    path = _numbered_docx(tmp_path / f"{fmt}-{len(start)}.docx", start, fmt)
    text = within_budget(_text, path)
    assert f"{start}. Budget monitoring" in text
    assert f"{int(start) + 1}. Work programme" in text


def test_a_word_list_level_far_past_nine_is_read_as_a_list(tmp_path: Path) -> None:
    path = _numbered_docx(tmp_path / "deep-level.docx", "1", "decimal", level="999999999")
    text = within_budget(_text, path)
    assert "Budget monitoring" in text
    assert "Work programme" in text


# --- 4. pages sharing one content stream ------------------------------------------------


def _shared_content_pdf(pages: int, lines: int) -> bytes:
    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    resources = writer._add_object(
        DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    )
    body = b"BT /F1 10 Tf 50 750 Td 12 TL\n" + b"(The Committee noted the report) '\n" * lines
    stream = DecodedStreamObject()
    stream.set_data(body + b"ET\n")
    content = writer._add_object(stream.flate_encode())
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = content
        page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pages_sharing_one_content_stream_are_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _shared_content_pdf(pages=20, lines=300)
    assert len(data) < 5_000
    calls: list[int] = []
    real_extract = PageObject.extract_text

    def counted(page: PageObject, *args: Any, **kwargs: Any) -> str:
        calls.append(1)
        return real_extract(page, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", counted)
    document = load_bytes(data, "shared.pdf")
    assert document.text.count("The Committee noted the report") >= 20 * 280
    assert len(calls) == 1


# --- 5. deep and attribute-laden HTML -------------------------------------------------------


def test_html_nested_a_hundred_thousand_deep_is_read_with_a_warning(tmp_path: Path) -> None:
    depth = 100_000
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body><h1>Audit Committee</h1><p>RESOLVED – That the report be noted.</p>"
        + "<div>" * depth
        + "Deepest words"
        + "</div>" * depth
        + "<p>After the nesting</p></body></html>",
        encoding="utf-8",
    )
    text, warnings = within_budget(_read, page)
    assert "Deepest words" in text
    assert "After the nesting" in text
    assert any("nested" in warning for warning in warnings)


def test_a_tag_with_three_hundred_thousand_attributes_is_read_with_a_warning(
    tmp_path: Path,
) -> None:
    attributes = " ".join(f"data-a{n}=x" for n in range(300_000))
    page = tmp_path / "attributes.html"
    page.write_text(
        f'<html><body><p class="lead" {attributes}>The Committee noted the report.</p>'
        "<p>Second paragraph</p></body></html>",
        encoding="utf-8",
    )
    text, warnings = within_budget(_read, page)
    assert "The Committee noted the report." in text
    assert "Second paragraph" in text
    assert any("attributes" in warning for warning in warnings)


def _parse_command(path: Path) -> tuple[int, str]:
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = main(["parse", str(path)])
    return status, output.getvalue()


def test_parse_reads_tables_nested_three_hundred_deep(tmp_path: Path) -> None:
    depth = 300
    page = tmp_path / "tables.html"
    page.write_text(
        "<html><body><p>Audit Committee - Tuesday, 4th March, 2025</p><p>1. Budget</p>"
        + "<table><tr><td>" * depth
        + "RESOLVED – That the report be noted."
        + "</td></tr></table>" * depth
        + "</body></html>",
        encoding="utf-8",
    )
    status, output = within_budget(_parse_command, page)
    assert status == 0
    assert "warning: HTML nested more than" in output


def test_an_ingested_page_keeps_the_readers_warning(tmp_path: Path, db_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body><p>Audit Committee - Tuesday, 4th March, 2025</p><p>1. Budget</p>"
        + "<div>" * 1_000
        + "RESOLVED – That the report be noted."
        + "</div>" * 1_000
        + "</body></html>",
        encoding="utf-8",
    )
    store = open_store(db_path)
    assert ingest_paths(store, [page]).new == 1
    store.close()
    with sqlite3.connect(db_path) as conn:
        (stored,) = conn.execute("SELECT warnings FROM document").fetchone()
    assert "HTML nested more than" in stored


# --- 6. Word files that unpack to far more than they weigh ------------------------------------


def _bomb_docx(path: Path, padding: int) -> Path:
    """A valid Word file whose document part holds ``padding`` bytes of XML comments: a few
    hundred KB on disk, ``padding`` bytes more once unpacked."""
    source = io.BytesIO()
    Document().save(source)
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for entry in original.infolist():
            data = original.read(entry.filename)
            if entry.filename == "word/document.xml":
                head, _, tail = data.partition(b"<w:body>")
                body = b"<w:p><w:r><w:t>The Committee noted the report.</w:t></w:r></w:p>"
                with bomb.open(entry.filename, "w", force_zip64=True) as part:
                    part.write(head + b"<w:body>" + body)
                    block = b"<!--" + b" " * ((1 << 20) - 7) + b"-->"
                    for _ in range(padding >> 20):
                        part.write(block)
                    part.write(tail)
                continue
            bomb.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_a_word_file_that_unpacks_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = _bomb_docx(tmp_path / "bomb.docx", padding=80 << 20)
    assert path.stat().st_size < 1_000_000
    reason = within_budget(_refusal, path)
    assert "too large once unpacked" in reason


def test_text_past_the_limit_is_refused_whatever_the_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_base, "MAX_TEXT_CHARS", 5_000)
    path = tmp_path / "long.txt"
    path.write_text("The Committee noted the report.\n" * 1_000, encoding="utf-8")
    with pytest.raises(ExtractError, match="too large once unpacked"):
        load_document(path)
    # a PDF stops reading pages once its text is past the limit
    with pytest.raises(ExtractError, match="too large once unpacked"):
        load_bytes(_shared_content_pdf(pages=20, lines=30), "long.pdf")


def test_a_vertically_merged_word_cell_is_read_once(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=40, cols=2)
    merged = table.cell(0, 0).merge(table.cell(39, 0))
    merged.text = "Councillor Ann Jones (Chair)"
    for row in range(40):
        table.cell(row, 1).text = f"Line {row}"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    text = load_document(path).text
    assert text.count("Councillor Ann Jones") == 1
    assert "Line 39" in text


# --- 8. search snippets over text without spaces -----------------------------------------------


def test_a_snippet_in_text_without_spaces_keeps_its_normal_length() -> None:
    # words without spaces between them, as in a table dumped with commas (9 MB)
    text = "x," * 2_000_000 + "overspend" + ",y" * 2_500_000
    snippet, highlights = make_snippet(text, word_patterns("overspend"))
    assert len(snippet) <= 300
    ((start, end),) = highlights
    assert snippet[start:end].lower().startswith("overspend")


def test_a_snippet_still_breaks_at_spaces_where_there_are_some() -> None:
    text = "The Committee " * 40 + "noted the overspend on placements " + "and more " * 60
    snippet, _ = make_snippet(text, word_patterns("overspend"))
    assert snippet.startswith("…") and snippet.endswith("…")
    words = snippet.strip("…").split()
    assert words[0] in {"The", "Committee"} and words[-1] in {"and", "more"}
    assert "overspend" in snippet
    assert len(snippet) <= 300
