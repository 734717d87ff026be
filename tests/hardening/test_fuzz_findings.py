"""What ``make fuzz`` found, each kept as a test: damaged Word and PDF files that escaped the
readers with an exception other than their one-line ``ExtractError``, and digits that
``str.isdigit`` accepts and ``int`` does not."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from scrutiny_tui.extract import ExtractError, load_bytes
from scrutiny_tui.extract.pdf import strip_running_lines


def _word_file() -> bytes:
    document = Document()
    document.add_paragraph("1. Budget monitoring")
    document.add_paragraph("RESOLVED – That the report be noted.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _with_part(data: bytes, name: str, body: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry.filename, body if entry.filename == name else source.read(entry))
    return out.getvalue()


def test_a_word_part_whose_deflated_bytes_are_damaged_is_refused_as_corrupt() -> None:
    data = bytearray(_word_file())
    entry = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    # the part's compressed bytes start after its local header (30 bytes, name, extra)
    name_length = int.from_bytes(
        data[entry.header_offset + 26 : entry.header_offset + 28], "little"
    )
    extra_length = int.from_bytes(
        data[entry.header_offset + 28 : entry.header_offset + 30], "little"
    )
    start = entry.header_offset + 30 + name_length + extra_length
    data[start] = 0xFF  # a deflate block of type 3, which does not exist: zlib.error
    with pytest.raises(ExtractError, match="corrupt Word document"):
        load_bytes(bytes(data), "minutes.docx")


def test_a_word_document_part_that_is_not_a_word_document_is_refused_as_corrupt() -> None:
    data = _with_part(
        _word_file(),
        "word/document.xml",
        b'<?xml version="1.0"?><w:document xmlns:w="urn:not-word"/>',
    )
    with pytest.raises(ExtractError, match="corrupt Word document"):
        load_bytes(data, "minutes.docx")


@pytest.mark.parametrize("filter_name", ["/lateDecode", "/Fl"])
def test_a_pdf_stream_with_an_unknown_or_retired_filter_is_refused_as_corrupt(
    filter_name: str,
) -> None:
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
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 10 Tf 50 700 Td (The Committee noted the report) Tj ET")
    encoded = stream.flate_encode()
    encoded[NameObject("/Filter")] = NameObject(filter_name)
    page = writer.add_blank_page(612, 792)
    page[NameObject("/Contents")] = writer._add_object(encoded)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ExtractError, match="corrupt PDF"):
        load_bytes(out.getvalue(), "minutes.pdf")


def test_a_superscript_digit_at_a_page_edge_is_not_taken_for_a_page_number() -> None:
    pages = [["¹", "The Committee noted the report."], ["²", "RESOLVED – That it be noted."]]
    assert strip_running_lines(pages) == pages
