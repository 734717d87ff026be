"""Documents made for the tests: printed-style PDF minutes, Word minutes, encoded text.

Each builder lays out the same plain-text minutes the way that format's authors do, so the
tests can check that every format parses to the same structure.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from fpdf import FPDF

# In the plain text given to the PDF builder, a soft hyphen marks where the printed line must
# break with a hyphen, so the tests control exactly which word is split across lines.
FORCED_HYPHEN = "\u00ad"
RUNNING_HEADER = "Children and Young People Scrutiny Committee – 8 December 2015"
_PDF_CHARS_PER_LINE = 90
_LABEL = re.compile(r"^\((?P<label>[a-z])\)\s+(?P<text>.*)$")
_ITEM_HEADING = re.compile(r"^\d+\.\s")


def split_reorganisation(text: str) -> str:
    """The minutes with "reorganisation" to be printed split across lines as "reorgan-"."""
    return text.replace("proposed reorganisation", f"proposed reorgan{FORCED_HYPHEN}isation", 1)


class _MinutesPdf(FPDF):
    def header(self) -> None:
        self.set_font("helvetica", "I", 9)
        self.cell(0, 6, RUNNING_HEADER, align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", "I", 9)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")


def _in_core_font(text: str) -> str:
    """The text as the PDF's built-in font can print it: a letter outside its code page
    ("Rāwiri", "Waimāhora") loses its macron or accent, as a PDF made with such a font
    would print it; the words and their places stay."""
    printable = []
    for char in text:
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            char = unicodedata.normalize("NFKD", char)[:1]
        printable.append(char)
    return "".join(printable)


def _pdf_lines(paragraph: str) -> list[str]:
    lines: list[str] = []
    for source_line in paragraph.split("\n"):
        pieces = source_line.replace(FORCED_HYPHEN, "-\n").split("\n")
        for piece in pieces:
            lines.extend(textwrap.wrap(piece, _PDF_CHARS_PER_LINE) or [""])
    return lines


def write_minutes_pdf(text: str, path: Path, *, page_height_mm: float = 150) -> Path:
    """Printed minutes: running header, "Page N of M" footer, hard-wrapped lines."""
    pdf = _MinutesPdf(format=(210, page_height_mm))
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    for paragraph in _in_core_font(text).strip().split("\n\n"):
        bold = bool(_ITEM_HEADING.match(paragraph))
        pdf.set_font("helvetica", "B" if bold else "", 11)
        for line in _pdf_lines(paragraph):
            pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))
    return path


def write_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """A "scanned" PDF: each page only a picture, no text layer."""
    from PIL import Image, ImageDraw

    pdf = FPDF()
    for number in range(pages):
        image = Image.new("L", (400, 560), color=255)
        draw = ImageDraw.Draw(image)
        for row in range(40, 520, 16):
            draw.line((30, row, 370 - (row * 7 + number * 13) % 90, row), fill=40, width=3)
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=190)
    pdf.output(str(path))
    return path


# --- Word ---------------------------------------------------------------------------------


def _add_numbering(document: Document, fmt: str, text: str, start: int = 1) -> int:
    """A Word list definition (numFmt/lvlText) and a num using it; returns the numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 90 + len(numbering.findall(qn("w:abstractNum")))
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", text)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    abstract.append(level)
    numbering.insert(0, abstract)  # abstractNum elements come before num elements
    num = numbering.add_num(abstract_id)
    return int(num.numId)


def _number_paragraph(paragraph: Paragraph, num_id: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", str(num_id))):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    properties.append(num_pr)


def _has_style(document: Document, name: str) -> bool:
    return any(s.name == name and s.type == WD_STYLE_TYPE.PARAGRAPH for s in document.styles)


def write_minutes_docx(text: str, path: Path) -> Path:
    """Word minutes: items as Word-numbered headings (the number is not in the text), (a)/(b)
    and bullets as Word lists, and an attendance table after the meeting heading."""
    document = Document()
    paragraphs = text.strip().split("\n\n")
    first_number = int(next(p for p in paragraphs if _ITEM_HEADING.match(p)).split(".")[0])
    item_numbers = _add_numbering(document, "decimal", "%1.", start=first_number)
    lettered = _add_numbering(document, "lowerLetter", "(%1)")
    bullet_style = "List Bullet" if _has_style(document, "List Bullet") else None
    for index, paragraph in enumerate(paragraphs):
        if _ITEM_HEADING.match(paragraph):
            title = paragraph.split(" ", 1)[1]
            _number_paragraph(document.add_heading(title, level=2), item_numbers)
            continue
        for line in paragraph.split("\n"):
            if (match := _LABEL.match(line)) is not None:
                _number_paragraph(document.add_paragraph(match["text"]), lettered)
            elif line.startswith("• "):
                document.add_paragraph(line[2:], style=bullet_style)
            else:
                document.add_paragraph(line)
        if index == 0:
            add_attendance_table(document)
    return _save(document, path)


def add_attendance_table(document: Document) -> None:
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Member"
    table.rows[0].cells[1].text = "Attendance"
    attendance = (("Councillor Ann Jones", "Present"), ("Councillor David Lee", "Apologies"))
    for name, status in attendance:
        row = table.add_row()
        row.cells[0].text = name
        row.cells[1].text = status


def _save(document: Document, path: Path) -> Path:
    document.save(str(path))
    return path


# --- encodings ------------------------------------------------------------------------------


def encoded_variants(text: str) -> dict[str, bytes]:
    """The same minutes as a council's PCs save them: UTF-8 with and without BOM, UTF-16 with
    and without BOM, Windows-1252, and with Windows line endings."""
    crlf = text.replace("\n", "\r\n")
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8-bom": text.encode("utf-8-sig"),
        "utf-16-bom": text.encode("utf-16"),
        "utf-16-le": text.encode("utf-16-le"),
        "utf-16-be": text.encode("utf-16-be"),
        "windows-1252": text.encode("cp1252"),
        "windows-1252-crlf": crlf.encode("cp1252"),
        "utf-8-crlf": crlf.encode("utf-8"),
    }
