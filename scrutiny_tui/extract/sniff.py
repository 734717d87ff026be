"""Which format a file is in, from its first bytes first and its suffix second.

Downloads are often misnamed (a ModernGov "minutes.pdf" link that saved an HTML error page,
a ".txt" that is really a Word file), so the content decides whenever it can.
"""

from __future__ import annotations

import io
import zipfile

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".htm", ".html"})
PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES
)

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, old Excel
_RTF_MAGIC = b"{\\rtf"
_HTML_OPENINGS = ("<!doctype html", "<html", "<head", "<body")
# What an Office zip holds, so a spreadsheet is named as such, not as a "corrupt Word file".
_OFFICE_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
}


class UnsupportedFormat(ValueError):
    """The file is in a format this app does not read; the message names the format."""


def sniff_format(data: bytes, suffix: str) -> str:
    """One of text, markdown, html, pdf or docx; UnsupportedFormat otherwise."""
    suffix = suffix.lower()
    if _PDF_MAGIC in data[:1024]:  # the PDF spec tolerates junk before the header
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _zip_format(data)
    if data.startswith(_OLE2_MAGIC):
        raise UnsupportedFormat("unsupported format: Word 97-2003 (.doc) file; save it as .docx")
    if data.startswith(_RTF_MAGIC):
        raise UnsupportedFormat("unsupported format: RTF; save it as .docx or plain text")
    if _looks_like_html(data) or suffix in HTML_SUFFIXES:
        return "html"
    if suffix in PDF_SUFFIXES:
        return "pdf"  # not a PDF inside: the PDF reader says so specifically
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _zip_format(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsupportedFormat(f"corrupt Word document: damaged zip archive ({exc})") from exc
    for part, kind in _OFFICE_PARTS.items():
        if part in names:
            if kind == "docx":
                return "docx"
            raise UnsupportedFormat(f"unsupported format: {kind}, not minutes")
    raise UnsupportedFormat("unsupported format: zip archive, not a Word document")


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(bom)
    if b"\x00" in head[:64]:
        head = head.replace(b"\x00", b"")  # UTF-16 HTML
    start = head.decode("latin-1").lstrip().lower()
    while start.startswith("<!--") and "-->" in start:
        start = start.split("-->", 1)[1].lstrip()
    if start.startswith("<?xml"):
        start = start.split("?>", 1)[-1].lstrip()
    return start.startswith(_HTML_OPENINGS)
