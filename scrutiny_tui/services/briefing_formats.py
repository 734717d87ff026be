"""A briefing pack as a printable HTML page and as a Word document.

Both are written from the pack's document model (``services.briefing``), never by reading
the minutes' words as markup: the HTML comes from the pack's Markdown through markdown-it
with raw HTML off (so ``<script>`` in a note is shown, not run), and Word text is set run by
run as plain text. Every heading gets the same unique id its contents link points at (an
HTML ``id``; a Word bookmark), tables keep their header row on every printed page and no row
is split across pages.
"""

from __future__ import annotations

import re
from html import escape
from io import BytesIO
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrutiny_tui.services.briefing import Block, Briefing, Runs

PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; }
html { background: #fff; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 11pt; line-height: 1.4;
       max-width: 60em; margin: 1em auto; padding: 0 1em; color: #111; background: #fff; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; break-after: avoid;
             page-break-after: avoid; }
h1 { font-size: 18pt; }
h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.6em; }
h3 { font-size: 11.5pt; margin-top: 1.4em; }
a { color: #1a4d8f; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9pt;
        margin: 0.5em 0 1em; }
thead { display: table-header-group; }
th, td { border: 1px solid #888; padding: 3px 5px; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
th { background: #eee; font-family: Helvetica, Arial, sans-serif; }
table.summary thead { display: none; }
table.summary td:first-child { width: 20%; }
tr, li, blockquote { break-inside: avoid; page-break-inside: avoid; }
blockquote { border-left: 3px solid #bbb; margin-left: 0; padding-left: 0.8em; color: #333; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
}
"""


def render_html(briefing: Briefing) -> str:
    """The pack as a printable HTML page; raw HTML in it is shown, never run."""
    from markdown_it import MarkdownIt

    from scrutiny_tui.services.briefing import Heading, Table

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(briefing.markdown)
    headings = iter([b for b in briefing.blocks if isinstance(b, Heading)])
    tables = iter([b for b in briefing.blocks if isinstance(b, Table)])
    table: Table | None = None
    column = 0
    for token in tokens:
        if token.type == "heading_open":
            heading = next(headings, None)
            if heading is not None:
                token.attrSet("id", heading.anchor)
        elif token.type == "table_open":
            table = next(tables, None)
            if table is not None:
                token.attrSet("class", table.kind)
        elif token.type == "tr_open":
            column = 0
        elif token.type == "th_open" and table is not None:
            if column < len(table.widths):
                token.attrSet("style", f"width: {table.widths[column]}%")
            column += 1
    body = md.renderer.render(tokens, md.options, {})
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(f'Briefing pack: {briefing.title}')}</title>\n"
        f"<style>{PRINT_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


# ---- Word -----------------------------------------------------------------------------

# XML 1.0 cannot hold these at all; the pack's text has its controls pictured already, so
# only the two non-characters and anything else lxml refuses are left to replace.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _bookmark(paragraph: Any, name: str, number: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _link(paragraph: Any, words: str, bookmark: str) -> None:
    """An internal hyperlink to a bookmark: Word's own contents links."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "1A4D8F")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(color)
    props.append(underline)
    run.append(props)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = _xml_text(words)
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _runs(paragraph: Any, runs: Runs, bookmarks: dict[str, str], bold: bool = False) -> None:
    for n, part in enumerate(runs):
        words = ("" if n == 0 else " ") + part.text
        if part.link and part.link in bookmarks:
            if n:
                paragraph.add_run(" ")
            _link(paragraph, part.text, bookmarks[part.link])
            continue
        run = paragraph.add_run(_xml_text(words))
        run.bold = part.strong or bold or None
        run.italic = part.emph or None


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)


def _keep_row_whole(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mark = OxmlElement("w:cantSplit")
    mark.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(mark)


def render_docx(briefing: Briefing) -> bytes:
    """The pack as a Word document: Heading 1-3 styles, a contents list linking to each
    heading, real tables with a header row repeated on each page."""
    from docx import Document
    from docx.shared import Mm, Pt

    from scrutiny_tui.services.briefing import Bullets, Heading, Para, Table

    doc = Document()
    doc.core_properties.title = _xml_text(f"Briefing pack: {briefing.title}")
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    usable = Mm(210 - 36)
    doc.styles["Normal"].font.size = Pt(10.5)
    blocks: list[Block] = list(briefing.blocks)
    bookmarks = {
        b.anchor: f"h{n}" for n, b in enumerate(blocks, 1) if isinstance(b, Heading)
    }  # Word bookmark names: a letter first, letters, digits and _ only
    # Styles looked up by name once (python-docx searches them on every use).
    style_ids: dict[str, str] = {}

    def styled(name: str | None) -> Any:
        paragraph = doc.add_paragraph()
        if name:
            if name not in style_ids:
                style_ids[name] = doc.styles[name].style_id
            paragraph._p.style = style_ids[name]
        return paragraph

    for number, block in enumerate(blocks, 1):
        if isinstance(block, Heading):
            paragraph = styled(f"Heading {min(block.level, 9)}")
            paragraph.add_run(_xml_text(block.text))
            _bookmark(paragraph, bookmarks[block.anchor], number)
        elif isinstance(block, Para):
            paragraph = styled("Quote" if block.quote else None)
            _runs(paragraph, block.runs, bookmarks)
        elif isinstance(block, Bullets):
            for n, (depth, runs) in enumerate(block.items, 1):
                if block.ordered:
                    paragraph = styled(None)
                    paragraph.paragraph_format.left_indent = Mm(6)
                    paragraph.add_run(f"{n}. ")
                else:
                    paragraph = styled(
                        "List Bullet" if depth == 0 else f"List Bullet {min(depth + 1, 3)}"
                    )
                _runs(paragraph, runs, bookmarks)
        elif isinstance(block, Table):
            _table(doc, block, bookmarks, usable)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _table(doc: Any, block: Any, bookmarks: dict[str, str], usable: int) -> None:
    from docx.shared import Pt

    header = block.kind != "summary"
    table = doc.add_table(rows=0, cols=len(block.widths))
    table.style = "Table Grid"
    table.autofit = False
    rows = [tuple((_plain(h),) for h in block.header)] if header else []
    rows += list(block.rows)
    for n, cells in enumerate(rows):
        row = table.add_row()
        _keep_row_whole(row)
        if header and n == 0:
            _repeat_header(row)
        for column, (cell, runs) in enumerate(zip(row.cells, cells, strict=True)):
            cell.width = int(usable * block.widths[column] / 100)
            paragraph = cell.paragraphs[0]
            _runs(paragraph, runs or (_plain("—"),), bookmarks, bold=header and n == 0)
            for run in paragraph.runs:
                run.font.size = Pt(9)
    doc.add_paragraph()


def _plain(words: str) -> Any:
    from scrutiny_tui.services.briefing import Run

    return Run(words)
