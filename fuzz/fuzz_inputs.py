"""Generated HTML pages, Word files, PDFs and minutes text for the fuzz target.

Each strategy builds a file the way a real one is structured (elements and attributes,
Word numbering and tables, PDF pages and content streams) from pieces of minutes and
pieces known to trouble readers (huge list numbers, deep nesting, shared streams, control
characters, damaged bytes), so a search reaches the readers' branches rather than their
first "not a PDF" check.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import zipfile
from typing import Any

from hypothesis import strategies as st

MINUTES_PIECES = [
    "Housing Scrutiny Panel - Monday, 3rd February, 2020 6.00 pm",
    "Minutes of a meeting of the Audit Committee held on 12 March 2019",
    "Meeting: 12/03/2019 - Scrutiny Board (Environment) (Item 41)",
    "Present: Cllr L Redman (Chair), Cllr J Thorne and Councillors A, B and C",
    "Apologies for absence were received from Councillors Dev Gill and Rachel Stone.",
    "Agenda item",
    "1. Apologies for absence",
    "2 Budget monitoring.",
    "2. budget monitoring",
    "[3] Work programme",
    "10000. Report number ten thousand",
    "35/20 Budget Monitoring",
    "*450 Call-in of Cabinet Decision",
    "63 Redesign of Children's Services PDF 85 KB",
    "Minutes:",
    "Decision:",
    "Supporting documents:",
    "RESOLVED – That the report be noted.",
    "RESOLVED: that",
    "(a) that the report be noted;",
    "(ii) asks the Director to report to the Committee in April 2017; and",
    "Recommendation 4 – That the Council maintains a register.",
    "The Panel notes the update and endorses the proposal.",
    "• point two",
    "Page 3 of 12",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b[2J",
    "\u202e",
    "\u00a0",
    "",
]
# Characters XML 1.0 cannot hold: python-docx refuses them, so Word files never have them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

PIECES = st.one_of(
    st.sampled_from(MINUTES_PIECES),
    st.sampled_from(MINUTES_PIECES),
    st.text(max_size=30),
)
SEPARATORS = st.sampled_from(["\n", "\n\n", " ", "\r\n", ""])
MINUTES_TEXT = st.lists(st.tuples(PIECES, SEPARATORS), max_size=40).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


# --- HTML -------------------------------------------------------------------------------

_TAGS = [
    "div", "p", "span", "ul", "ol", "menu", "li", "table", "thead", "tbody", "tr", "td", "th",
    "h1", "h2", "h3", "br", "a", "b", "font", "script", "style", "header", "footer", "nav",
    "main", "article", "section", "pre", "blockquote", "dl", "dt", "dd", "img", "form",
    "template", "svg", "math", "select", "option", "textarea", "title", "iframe", "noscript",
    "center", "caption", "hr", "button", "details", "summary", "x-custom", "plaintext", "xmp",
]  # fmt: skip
_ATTRIBUTE_NAMES = [
    "class", "id", "hidden", "style", "start", "type", "role", "aria-hidden", "href", "title",
    "data-x", "=", "\"", "<a",
]  # fmt: skip
_ATTRIBUTE_VALUES = [
    "mgItemNumberCell", "mgAiTitleTxt", "mgSubTitleTxt", "mgLabel", "mgItemTable",
    "mgItemTitle", "cookie-banner", "display:none", "i", "I", "a", "A", "1", "0", "-5", "²",
    "99999999999999", "9" * 5000, "navigation", "true", "documents/a1/report.pdf", ">", "'",
    '"',
]  # fmt: skip
_HTML_TEXT = st.one_of(
    st.sampled_from(MINUTES_PIECES).map(html.escape),
    st.text(max_size=40),
    st.sampled_from(
        ["&#x1b;]52;c;ZXZpbA==&#7;", "&amp;", "&nbsp;", "&#0;", "&#xD800;", "&NotANamedRef",
         "<", ">", '"', "'", "]]>", "<!--", "-->", "</", "<!", "<?x", "\ufeff"]
    ),
)  # fmt: skip


def _attribute(name: str, value: str, quote: str) -> str:
    if quote == "none":
        return f" {name}"
    if quote == "bare":
        return f" {name}={value}"
    return f" {name}={quote}{value.replace(quote, '')}{quote}"


_ATTRIBUTES = st.lists(
    st.builds(
        _attribute,
        st.sampled_from(_ATTRIBUTE_NAMES),
        st.one_of(st.sampled_from(_ATTRIBUTE_VALUES), st.text(max_size=8)),
        st.sampled_from(['"', "'", "bare", "none"]),
    ),
    max_size=4,
).map("".join)


def _element(tag: str, attributes: str, children: list[str], closed: bool) -> str:
    return f"<{tag}{attributes}>{''.join(children)}" + (f"</{tag}>" if closed else "")


_NODES = st.recursive(
    _HTML_TEXT,
    lambda children: st.builds(
        _element,
        st.sampled_from(_TAGS),
        _ATTRIBUTES,
        st.lists(children, max_size=5),
        st.booleans(),
    ),
    max_leaves=40,
)


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    body = "".join(draw(st.lists(_NODES, max_size=6)))
    depth = draw(st.sampled_from([0, 0, 0, 5, 150, 3_000]))
    if depth:
        opening, closing = draw(
            st.sampled_from(
                [
                    ("<div>", "</div>"),
                    ("<span>", "</span>"),
                    ("<b>", "</b>"),
                    ("<ul><li>", "</li></ul>"),
                    ("<table><tr><td>", "</td></tr></table>"),
                    ("<p><font>", ""),
                ]
            )
        )
        body = opening * depth + body + closing * draw(st.sampled_from([depth, 0, depth // 2]))
    attributes = draw(st.sampled_from([0, 0, 0, 200, 3_000]))
    if attributes:
        many = " ".join(f"data-a{n}=x" for n in range(attributes))
        body = f"<p {many}>{body}</p>"
    page = draw(
        st.sampled_from(
            [
                "{body}",
                "<!DOCTYPE html><html><head><title>Minutes | Westvale Council</title>"
                '<meta property="og:site_name" content="Westvale Borough Council"></head>'
                "<body>{body}</body></html>",
                '<html><body><div id="modgov">{body}</div></body></html>',
                "<html><body><main>{body}",
            ]
        )
    )
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1252"]))
    return page.replace("{body}", body).encode(encoding, errors="replace")


# --- Word ---------------------------------------------------------------------------------

_NUMBER_FORMATS = ["decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman",
                   "bullet", "none", "ordinal", "chicago", ""]  # fmt: skip
_LEVEL_TEXTS = ["%1.", "(%1)", "%1.%2", "%9", "", "%1%1%1", "%", "Item %1"]
_STARTS = st.one_of(
    st.integers(-5, 40).map(str),
    st.integers(10**9, 10**18).map(str),
    st.sampled_from(["", "x", "²", "1e5", "9" * 30]),
)
_LEVELS = st.one_of(st.integers(0, 9).map(str), st.sampled_from(["-1", "99999999", "x", ""]))


def _numbering(document: Any, levels: list[tuple[str, str, str, str]]) -> int:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    abstract_id = 800 + len(numbering.findall(qn("w:abstractNum")))
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    for ilvl, fmt, text, start in levels:
        level = OxmlElement("w:lvl")
        level.set(qn("w:ilvl"), ilvl)
        for tag, value in (("w:start", start), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            level.append(child)
        abstract.append(level)
    numbering.insert(0, abstract)
    return int(numbering.add_num(abstract_id).numId)


def _number(paragraph: Any, num_id: int, ilvl: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", ilvl), ("w:numId", str(num_id))):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    paragraph._p.get_or_add_pPr().append(num_pr)


def _tracked(paragraph: Any, text: str, kind: str) -> None:
    """A tracked insertion or deletion (w:ins / w:del) holding ``text``."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    tag, text_tag = ("w:ins", "w:t") if kind == "ins" else ("w:del", "w:delText")
    paragraph._p.append(
        parse_xml(
            f'<{tag} {nsdecls("w")} w:id="1" w:author="x"><w:r><{text_tag}>'
            f"{html.escape(text)}</{text_tag}><w:tab/><w:br/></w:r></{tag}>"
        )
    )


@st.composite
def word_documents(draw: st.DrawFn) -> bytes:
    from docx import Document
    from docx.exceptions import InvalidSpanError

    document = Document()
    level_specs = draw(
        st.lists(
            st.tuples(
                _LEVELS,
                st.sampled_from(_NUMBER_FORMATS),
                st.sampled_from(_LEVEL_TEXTS),
                _STARTS,
            ),
            max_size=4,
        )
    )
    num_id = _numbering(document, level_specs) if level_specs else None
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["paragraph", "heading", "numbered", "table", "tracked"]))
        text = xml_safe(draw(PIECES))
        if kind == "heading":
            paragraph = document.add_heading(text, level=draw(st.integers(0, 3)))
        elif kind == "table":
            rows, columns = draw(st.integers(1, 5)), draw(st.integers(1, 4))
            table = document.add_table(rows=rows, cols=columns)
            for row in range(rows):
                for column in range(columns):
                    table.cell(row, column).text = xml_safe(draw(PIECES))
            if draw(st.booleans()):
                corners = [draw(st.integers(0, rows - 1)), draw(st.integers(0, columns - 1))]
                other = [draw(st.integers(0, rows - 1)), draw(st.integers(0, columns - 1))]
                with contextlib.suppress(InvalidSpanError):  # not a rectangle of cells
                    table.cell(*corners).merge(table.cell(*other))
            continue
        else:
            paragraph = document.add_paragraph(text)
        if kind == "numbered" and num_id is not None:
            _number(paragraph, num_id, draw(_LEVELS))
        if kind == "tracked":
            _tracked(paragraph, xml_safe(draw(PIECES)), draw(st.sampled_from(["ins", "del"])))
    out = io.BytesIO()
    document.save(out)
    return draw(_damaged(out.getvalue(), zip_file=True))


# --- PDF ----------------------------------------------------------------------------------

_OPERATORS = ["BT", "ET", "Tf", "Td", "TD", "Tm", "T*", "Tj", "TJ", "'", '"', "Tc", "Tw",
              "Tz", "TL", "Tr", "Ts", "q", "Q", "cm", "re", "f", "Do", "gs", "BDC",
              "EMC"]  # fmt: skip
_OPERANDS = st.one_of(
    st.integers(-2000, 2000).map(str),
    st.sampled_from(["1e999", "-0", ".5", "99999999999", "NaN", "/F1", "/F2", "/Nope", "[", "]"]),
    PIECES.map(
        lambda text: "(" + xml_safe(text).replace("\\", "").replace("(", "").replace(")", "") + ")"
    ),
    st.binary(max_size=12).map(lambda data: "<" + data.hex() + ">"),
    st.lists(st.one_of(st.integers(-500, 500).map(str), PIECES.map(lambda t: f"({t[:8]})")),
             max_size=4).map(lambda parts: "[" + " ".join(parts).replace("\\", "") + "]"),
)  # fmt: skip
_CONTENT = st.lists(
    st.tuples(st.lists(_OPERANDS, max_size=3), st.sampled_from(_OPERATORS)), max_size=40
).map(lambda ops: "\n".join(" ".join([*operands, op]) for operands, op in ops))


@st.composite
def _raw_pdf(draw: st.DrawFn) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )

    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject(draw(st.sampled_from(["/Type1", "/Type0"]))),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    resources = writer._add_object(
        DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    )
    streams = []
    for _ in range(draw(st.integers(1, 3))):
        stream = DecodedStreamObject()
        body = "BT /F1 10 Tf 50 700 Td 12 TL\n" + draw(_CONTENT) + "\nET"
        stream.set_data(body.encode("latin-1", errors="replace"))
        compressed = stream.flate_encode() if draw(st.booleans()) else stream
        streams.append(writer._add_object(compressed))
    for _ in range(draw(st.integers(1, 8))):
        page = writer.add_blank_page(draw(st.sampled_from([612, 1, 14400])), 792)
        shared = draw(st.sampled_from(streams))
        page[NameObject("/Contents")] = (
            ArrayObject([shared] * draw(st.integers(2, 4))) if draw(st.booleans()) else shared
        )
        page[NameObject("/Resources")] = resources
        if draw(st.booleans()):
            page[NameObject("/Rotate")] = NumberObject(draw(st.sampled_from([90, 180, 45, -90])))
    if draw(st.booleans()):
        # RC4 only: pypdf writes AES only with the cryptography package
        algorithm = draw(st.sampled_from(["RC4-40", "RC4-128"]))
        writer.encrypt(draw(st.sampled_from(["", "", "secret"])), "owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@st.composite
def _printed_pdf(draw: st.DrawFn) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format=(150, draw(st.sampled_from([60, 150, 300]))))
    pdf.set_auto_page_break(True, margin=10)
    pdf.set_font("helvetica", size=10)
    pages = draw(st.lists(st.lists(PIECES, max_size=12), min_size=1, max_size=4))
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.cell(0, 5, "Audit Committee 4 March 2025", new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            printable = line.encode("latin-1", errors="ignore").decode("latin-1")
            printable = "".join(ch for ch in printable if ch.isprintable())
            pdf.multi_cell(0, 5, printable or " ", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 5, f"Page {number}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@st.composite
def pdf_files(draw: st.DrawFn) -> bytes:
    data = draw(st.one_of(_raw_pdf(), _printed_pdf()))
    return draw(_damaged(data, zip_file=False))


# --- damage -------------------------------------------------------------------------------


@st.composite
def _damaged(draw: st.DrawFn, data: bytes, *, zip_file: bool) -> bytes:
    """``data`` as written, or with bytes changed, cut short, or (a zip) a part replaced."""
    how = draw(st.sampled_from(["none", "none", "none", "flip", "cut", "part"]))
    if how == "flip" and data:
        damaged = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            position = draw(st.integers(0, len(damaged) - 1))
            damaged[position] = draw(st.integers(0, 255))
        return bytes(damaged)
    if how == "cut" and data:
        return data[: draw(st.integers(1, len(data)))]
    if how == "part" and zip_file:
        return _replace_part(data, draw(st.sampled_from(_BROKEN_PARTS)))
    return data


_BROKEN_PARTS = [
    b"",
    b"<not xml",
    b'<?xml version="1.0"?><w:document xmlns:w="urn:x"/>',
    b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><d>&b;</d>',
    b"\xff\xfe<\x00w\x00",
]


def _replace_part(data: bytes, replacement: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            body = replacement if entry.filename == "word/document.xml" else source.read(entry)
            target.writestr(entry.filename, body)
    return out.getvalue()
