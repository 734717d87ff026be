"""Word (.docx) minutes to text with python-docx: paragraphs, numbering and tables in order.

Word keeps list numbers out of the text ("41." and "(a)" are drawn from the numbering
definitions), so they are rebuilt here from each paragraph's numbering properties, whether
set on the paragraph or inherited from its style ("List Number"). Tracked insertions are
kept and tracked deletions dropped, as Word shows the document with changes accepted.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import LxmlError

from scrutiny_tui.extract.numerals import MAX_ROMAN
from scrutiny_tui.extract.numerals import roman as to_roman
from scrutiny_tui.extract.result import ExtractError, Extraction, tidy_layout, too_large

_BULLET = "•"
_TEXT_TAGS = {
    qn("w:t"): None,
    qn("w:tab"): " ",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}
_SKIPPED_CONTAINERS = {qn("w:del"), qn("w:moveFrom"), qn("w:instrText")}
_MAX_LEVEL = 8  # Word's list levels are 0 to 8
_MAX_PARTS = 10_000  # a Word file of minutes has a few dozen
# A list number as Word stores it (ST_DecimalNumber); a longer run of digits starts at 1.
_LIST_NUMBER = re.compile(r"[0-9]{1,18}")
_MAX_LETTER_REPEAT = 10  # "a" … "z", "aa" … "zz", …: past ten letters, the number is shown


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str  # decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
    text: str  # lvlText, e.g. "%1." or "(%1)"
    start: int


@dataclass(slots=True)
class _Numbering:
    """Word list definitions and the running counters of each list."""

    levels: dict[tuple[str, int], _Level] = field(default_factory=dict)  # (numId, ilvl)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        level = self.levels.get((num_id, ilvl))
        if level is None or level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return _BULLET
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= ilvl:
            counts.append(0)
        del counts[ilvl + 1 :]  # a new item at this level restarts the deeper levels
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level.start
        return self._format(num_id, level.text, counts)

    def _format(self, num_id: str, text: str, counts: list[int]) -> str:
        for depth, count in enumerate(counts):
            level = self.levels.get((num_id, depth))
            rendered = _format_number(count or 1, level.fmt if level else "decimal")
            text = text.replace(f"%{depth + 1}", rendered)
        return text.strip()


def _format_number(number: int, fmt: str) -> str:
    """A list number as Word draws it; in figures where letters or numerals would run long
    (a list may start anywhere up to 10^17, and "M" a thousand times over helps no one)."""
    if fmt in ("lowerLetter", "upperLetter") and 0 < number <= 26 * _MAX_LETTER_REPEAT:
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < number <= MAX_ROMAN:
        roman = to_roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(number)


def _val(element: object, tag: str, default: str = "") -> str:
    child = element.find(qn(tag)) if element is not None else None  # type: ignore[attr-defined]
    if child is None:
        return default
    return str(child.get(qn("w:val"), default))


def _read_numbering(document: DocxDocument) -> _Numbering:
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return numbering  # a document without lists
    abstracts = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
    for num in root.findall(qn("w:num")):
        num_id = num.get(qn("w:numId"))
        abstract = abstracts.get(_val(num, "w:abstractNumId"))
        if num_id is None or abstract is None:
            continue
        overrides = {o.get(qn("w:ilvl")): o for o in num.findall(qn("w:lvlOverride"))}
        for lvl in abstract.findall(qn("w:lvl")):
            ilvl = lvl.get(qn("w:ilvl"), "0")
            level = _level_index(ilvl)
            if level is None:
                continue  # not a level Word has: its paragraphs are read without a number
            start = _val(overrides.get(ilvl), "w:startOverride") or _val(lvl, "w:start", "1")
            numbering.levels[(num_id, level)] = _Level(
                fmt=_val(lvl, "w:numFmt", "decimal"),
                text=_val(lvl, "w:lvlText", "%1."),
                start=int(start) if _LIST_NUMBER.fullmatch(start) else 1,
            )
    return numbering


def _level_index(value: object) -> int | None:
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 2:
        return None
    return int(text) if int(text) <= _MAX_LEVEL else None


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph, else from its style and the styles it is based on."""
    p_pr = paragraph._p.pPr
    # python-docx types numPr loosely (ZeroOrOne); its children are read as the XML has them.
    candidates: list[Any] = [p_pr.numPr if p_pr is not None else None]
    style = paragraph.style
    while style is not None:
        style_p_pr = style.element.pPr
        candidates.append(style_p_pr.numPr if style_p_pr is not None else None)
        style = style.base_style
    for num_pr in candidates:
        if num_pr is not None and num_pr.numId is not None:
            try:
                num_id = str(num_pr.numId.val)
                ilvl = _level_index(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
            except (ValueError, TypeError):
                return None  # a value python-docx cannot read as a number: no list number
            return None if num_id == "0" or ilvl is None else (num_id, ilvl)
    return None


def _element_text(element: object) -> str:
    parts: list[str] = []
    for node in element.iter():  # type: ignore[attr-defined]
        if node.tag not in _TEXT_TAGS or _inside_skipped(node):
            continue
        parts.append((node.text or "") if node.tag == qn("w:t") else (_TEXT_TAGS[node.tag] or ""))
    return "".join(parts)


def _inside_skipped(node: object) -> bool:
    parent = node.getparent()  # type: ignore[attr-defined]
    while parent is not None:
        if parent.tag in _SKIPPED_CONTAINERS:
            return True
        parent = parent.getparent()
    return False


def _is_heading(paragraph: Paragraph) -> bool:
    name = paragraph.style.name if paragraph.style is not None else ""
    return name.startswith(("Heading", "Title"))


@dataclass(slots=True)
class _Block:
    text: str
    in_list: bool = False


def _paragraph_block(paragraph: Paragraph, numbering: _Numbering) -> _Block | None:
    text = _element_text(paragraph._p).strip()
    if not text:
        return None
    num_pr = _num_pr(paragraph)
    label = numbering.label(*num_pr) if num_pr else ""
    if not label:
        return _Block(text)
    # A numbered heading is an agenda item ("41. Apologies"), not a list entry.
    return _Block(f"{label} {text}", in_list=not _is_heading(paragraph))


def _table_blocks(table: Table) -> Iterator[_Block]:
    # A merged cell is listed once per grid column and row it spans; Word shows its text
    # once. The cells are kept (by id) so no id is reused while the table is read.
    seen: dict[int, object] = {}
    for row in table.rows:
        texts: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen[id(cell._tc)] = cell._tc
            if text := " ".join(_element_text(p._p).strip() for p in cell.paragraphs).strip():
                texts.append(text)
        if texts:
            yield _Block(" | ".join(texts), in_list=True)
    yield _Block("")  # the table ends its run of lines


def _render(blocks: list[_Block]) -> str:
    parts: list[str] = []
    previous_in_list = False
    for block in blocks:
        if not block.text:
            previous_in_list = False
            continue
        if parts:
            parts.append("\n" if block.in_list and previous_in_list else "\n\n")
        parts.append(block.text)
        previous_in_list = block.in_list
    return tidy_layout("".join(parts))


def _check_unpacked(data: bytes, limit: int) -> None:
    """Refuse an archive whose parts unpack past ``limit`` before any of it is read.

    The sizes are those the archive declares; zipfile never reads past a declared size, so
    a part that lies about its size is cut short (and fails its checksum) rather than read.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        if len(entries) > _MAX_PARTS:
            raise ExtractError(f"too large once unpacked: {len(entries):,} parts in one file")
        total = 0
        for entry in entries:
            if entry.file_size > limit:
                raise too_large(entry.filename[:80], limit)
            total += entry.file_size
        if total > limit:
            raise too_large("its parts together", limit)


# What python-docx, zipfile and lxml raise on a damaged file: a part cut short or not
# deflated (zlib.error), a document part whose root is not <w:document> (AttributeError), a
# part missing or of the wrong type (KeyError, OpcError, TypeError), XML that is not.
_DOCX_FAILURES = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OpcError,
    LxmlError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    NotImplementedError,
    RecursionError,
)


def _corrupt(exc: BaseException) -> ExtractError:
    reason = " ".join(str(exc).split())[:160] or type(exc).__name__
    return ExtractError(f"corrupt Word document: {reason}")


def _blocks(document: DocxDocument, max_chars: int) -> list[_Block]:
    numbering = _read_numbering(document)
    blocks: list[_Block] = []
    length = 0
    for content in document.iter_inner_content():
        if isinstance(content, Paragraph):
            found = [block] if (block := _paragraph_block(content, numbering)) else []
        else:
            found = list(_table_blocks(content))
        blocks += found
        length += sum(len(block.text) + 2 for block in found)
        if length > max_chars:
            raise too_large("its text", max_chars)
    return blocks


def extract_docx(data: bytes, *, max_unpacked: int, max_chars: int) -> Extraction:
    # python-docx reads parts as they are first used, so a damaged part can fail anywhere
    # in the reading, not only when the file is opened.
    try:
        _check_unpacked(data, max_unpacked)
        blocks = _blocks(Document(io.BytesIO(data)), max_chars)
    except _DOCX_FAILURES as exc:
        raise _corrupt(exc) from exc
    text = _render(blocks)
    if not text.strip():
        raise ExtractError("empty Word document: no text")
    # Word's document properties are left alone: they hold the template's title far more
    # often than the meeting's.
    return Extraction(text=text)
