"""Printed PDF minutes to text with pypdf.

Text comes out in layout mode, which keeps reading order within a line and turns the space
between paragraphs into blank lines (plain mode loses both). Then what the printer added is
taken away again: running headers and footers, page numbers, and hyphens that only split a
word at the end of a line.
"""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections import Counter
from collections.abc import Hashable
from importlib.util import find_spec

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import (
    DependencyError,
    DeprecationError,
    FileNotDecryptedError,
    LimitReachedError,
    PdfReadError,
    PyPdfError,
)
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from scrutiny_tui.extract.decode import normalise_text
from scrutiny_tui.extract.result import (
    TOO_LARGE_UNPACKED,
    ExtractError,
    Extraction,
    tidy_layout,
    too_large,
)

SCANNED_MESSAGE = "scanned PDF: no text layer"
_EDGE_LINES = 3  # how far from the top or bottom of a page running lines are looked for
_MIN_LETTERS = 20
# a numbered heading with no stop at its end: "3.4 Section 85 Agreement – Greenway"
_NUMBERED_HEADING = re.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?\s+[A-Z][^.;:,]*$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|[-–—]\s*\d+\s*[-–—])$", re.I)
# "3 of 12", "3/12": a page's count only where its first number is the page's own ("42/22"
# at a page's head is a minute's number)
_PAGE_COUNT = re.compile(r"^(?P<page>\d+)\s*(?:of|/)\s*\d+$", re.I)
_LINE_END_HYPHEN = re.compile(
    r"(?P<head>\b[A-Za-z]*[a-z])-\n(?P<tail>[a-z]+)(?P<trailing>\S*)(?P<rest>[^\n]*)"
)
_PARAGRAPH_END = re.compile(r"[.:;!?]['\"’”)]?$")
# Prefixes that keep their hyphen in British usage even when a line break falls there.
_HYPHENATED_PREFIXES = frozenset(
    {"self", "non", "cross", "ex", "multi", "half", "all", "well", "semi", "anti", "co"}
)
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
# What pypdf raises on damaged files besides its own errors.
_PYPDF_FAILURES = (
    PyPdfError,
    DependencyError,  # a stream's filter needs a package not installed
    DeprecationError,  # a filter's abbreviated name, no longer read ("/Fl")
    NotImplementedError,  # a filter pypdf does not know ("/lateDecode")
    zlib.error,
    EOFError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    AssertionError,
    ArithmeticError,
    OSError,
    RecursionError,
)

# pypdf logs every malformed object it works around; a reader only needs our one-line reason.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _open_reader(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader)
        _ = len(reader.pages)
    except _PYPDF_FAILURES as exc:
        raise ExtractError(f"corrupt PDF: {_reason(exc)}") from exc
    return reader


def _decrypt(reader: PdfReader) -> None:
    """Opens PDFs locked only against editing (an empty user password), as viewers do."""
    if _uses_aes(reader) and not any(find_spec(name) for name in ("cryptography", "Crypto")):
        # pypdf checks an AES-128 password without AES, then fails on the first page read
        raise ExtractError(
            "encrypted PDF: its encryption (AES) needs the 'cryptography' "
            "package; install it or save an unencrypted copy"
        )
    try:
        result = reader.decrypt("")
    except DependencyError as exc:
        raise ExtractError(
            "encrypted PDF: its encryption (AES) needs the 'cryptography' "
            "package; install it or save an unencrypted copy"
        ) from exc
    except (NotImplementedError, FileNotDecryptedError, PdfReadError) as exc:
        raise ExtractError(f"encrypted PDF: cannot decrypt ({_reason(exc)})") from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise ExtractError("encrypted PDF: a password is needed to open it")


def _uses_aes(reader: PdfReader) -> bool:
    """Whether the file is encrypted with AES (V5, or a V4 crypt filter of AESV2/AESV3)."""
    try:
        encrypt = reader.trailer["/Encrypt"].get_object()
        if not isinstance(encrypt, DictionaryObject):
            return False
        if int(encrypt.get("/V", 0)) >= 5:
            return True
        filters = encrypt.get("/CF")
        filters = filters.get_object() if filters is not None else None
        if not isinstance(filters, DictionaryObject):
            return False
        methods = [f.get_object() for f in filters.values()]
        return any(
            isinstance(m, DictionaryObject) and str(m.get("/CFM")) in ("/AESV2", "/AESV3")
            for m in methods
        )
    except _PYPDF_FAILURES:
        return False  # decrypt() says what is wrong with the dictionary


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:160] or type(exc).__name__


def _object_key(value: object) -> Hashable:
    """What identifies a page's content or resources: the objects it refers to, so pages
    drawn from the same stream (or the same inherited dictionary) share a key."""
    if isinstance(value, IndirectObject):
        return (value.idnum, value.generation)
    if isinstance(value, ArrayObject):
        return tuple(_object_key(element) for element in value)
    if isinstance(value, (int, float, str)):  # a number or name written in place
        return ("value", type(value).__name__, value)
    return ("direct", id(value))


def _page_key(page: PageObject) -> Hashable:
    """Pages with the same content stream, resources and geometry have the same text."""
    return tuple(
        _object_key(page.raw_get(name)) if name in page else None
        for name in ("/Contents", "/Resources", "/MediaBox", "/CropBox", "/Rotate")
    )


def _page_text(page: PageObject, index: int) -> str:
    try:
        return page.extract_text(extraction_mode="layout")
    except LimitReachedError as exc:
        raise _unpacked_too_large(exc) from exc
    except _PYPDF_FAILURES:
        pass  # layout mode trips on some fonts where plain mode copes
    try:
        return page.extract_text()
    except LimitReachedError as exc:
        raise _unpacked_too_large(exc) from exc
    except _PYPDF_FAILURES as exc:
        raise ExtractError(f"corrupt PDF: page {index + 1}: {_reason(exc)}") from exc


def _unpacked_too_large(exc: LimitReachedError) -> ExtractError:
    """pypdf stops decompressing a stream past its limit: a small file that unpacks huge."""
    return ExtractError(f"{TOO_LARGE_UNPACKED}: {_reason(exc)}")


# Layout mode sets words apart by one space (two where a line is justified); a wider gap
# parts a table's columns ("Neil Brodie        Director of Finance"), kept as a tab
_COLUMN_GAP = re.compile(r"[ \t\u00a0]{3,}")


def _page_lines(text: str) -> list[str]:
    text = normalise_text(text).translate(_LIGATURES)
    lines = [
        "\t".join(" ".join(cell.split()) for cell in _COLUMN_GAP.split(line.strip()))
        for line in text.split("\n")
    ]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _shape(line: str) -> str:
    """A line with its numbers blanked, so "Page 3" and "Page 4" count as the same line."""
    return re.sub(r"\d+", "#", line.lower())


def _edge_indices(lines: list[str]) -> list[int]:
    """Indices of the first and last few non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line]
    return filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]


def _running_shapes(pages: list[list[str]]) -> set[str]:
    """Line shapes at a page edge on most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_shape(lines[i]) for i in _edge_indices(lines)})
    needed = max(2, (len(pages) * 3 + 4) // 5)  # at least 60% of pages
    # (a line of numbers alone, "#/#", is a page's number only where it is the page's own)
    return {
        shape
        for shape, count in counts.items()
        if count >= needed and any(c.isalpha() for c in shape)
    }


def _is_furniture(line: str, page_number: int, running: set[str]) -> bool:
    if not line:
        return True
    if _PAGE_NUMBER.match(line) or _shape(line) in running:
        return True
    count = _PAGE_COUNT.match(line)
    if count is not None:
        return int(count["page"]) == page_number
    # ASCII digits only: "¹" is a digit to isdigit() but not to int()
    return line.isascii() and line.isdigit() and len(line) < 7 and int(line) == page_number


def _strip_page(lines: list[str], page_number: int, running: set[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < min(end, _EDGE_LINES * 2) and _is_furniture(lines[start], page_number, running):
        start += 1
    while (
        end > start
        and len(lines) - end < _EDGE_LINES * 2
        and _is_furniture(lines[end - 1], page_number, running)
    ):
        end -= 1
    return lines[start:end]


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their running headers, footers and page numbers."""
    running = _running_shapes(pages)
    return [_strip_page(lines, number, running) for number, lines in enumerate(pages, start=1)]


def _full_line_length(pages: list[list[str]]) -> int:
    lengths = sorted(len(line) for lines in pages for line in lines if line)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _ends_paragraph(last_line: str, next_line: str, full_length: int) -> bool:
    """Whether a page break falls between paragraphs rather than inside one.

    A line stopping well short of the margin ends its paragraph; so does a full line ending a
    sentence when the next page starts with a capital, a bullet or a number.
    """
    if len(last_line) < full_length * 0.7:
        return True
    starts_anew = next_line[:1].isupper() or next_line[:1] in "•·-*(0123456789"
    if _NUMBERED_HEADING.match(last_line) and next_line[:1].isupper():
        return True  # "3.4 Section 85 Agreement – …" at a page's foot, its minutes overleaf
    return bool(_PARAGRAPH_END.search(last_line)) and starts_anew


def _join_pages(pages: list[list[str]]) -> str:
    """Pages joined so a paragraph running over a page break stays one paragraph."""
    full_length = _full_line_length(pages)
    joined: list[str] = []
    for lines in pages:
        if not lines:
            continue
        if joined and _ends_paragraph(joined[-1], lines[0], full_length):
            joined.append("")
        joined.extend(lines)
    return "\n".join(joined)


def repair_hyphenation(text: str) -> str:
    """Join words split by a hyphen at the end of a line ("re-\\norganisation").

    Only a hyphen right after a letter, with a lower-case word starting the next line, is a
    split; the hyphen is kept where the document spells the word with one elsewhere
    ("re-organisation") or the first half is a prefix British English hyphenates ("self-").
    """
    vocabulary = Counter(re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text.lower()))

    def join(match: re.Match[str]) -> str:
        head, tail = match["head"], match["tail"]
        hyphenated = f"{head}-{tail}".lower()
        keep_hyphen = vocabulary[hyphenated] > 0 and vocabulary[(head + tail).lower()] == 0
        keep_hyphen = keep_hyphen or head.lower() in _HYPHENATED_PREFIXES
        word = (f"{head}-{tail}" if keep_hyphen else head + tail) + match["trailing"]
        rest = match["rest"].lstrip()
        return f"{word}\n{rest}" if rest else word

    return _LINE_END_HYPHEN.sub(join, text)


def _letters(pages: list[list[str]]) -> int:
    return sum(ch.isalpha() for lines in pages for line in lines for ch in line)


def _pages_text(reader: PdfReader, max_chars: int) -> list[str]:
    """Each page's text, a content stream that pages share read once (a few KB of PDF can
    point every page at one costly stream), stopping once the text passes ``max_chars``."""
    texts: list[str] = []
    by_content: dict[Hashable, str] = {}
    length = 0
    for index in range(len(reader.pages)):
        try:
            page = reader.pages[index]
        except _PYPDF_FAILURES as exc:
            raise ExtractError(f"corrupt PDF: page {index + 1}: {_reason(exc)}") from exc
        try:
            key: Hashable | None = _page_key(page)
        except _PYPDF_FAILURES:
            key = None  # a page too damaged to identify is read on its own
        text = by_content.get(key) if key is not None else None
        if text is None:
            text = _page_text(page, index)
            if key is not None:
                by_content[key] = text
        texts.append(text)
        length += len(text)
        if length > max_chars:
            raise too_large("its text", max_chars)
    return texts


def extract_pdf(data: bytes, *, max_chars: int) -> Extraction:
    reader = _open_reader(data)
    raw_pages = [_page_lines(text) for text in _pages_text(reader, max_chars)]
    if _letters(raw_pages) < _MIN_LETTERS:
        raise ExtractError(SCANNED_MESSAGE)
    pages = strip_running_lines(raw_pages)
    text = repair_hyphenation(_join_pages(pages))
    return Extraction(text=tidy_layout(text, columns=True))
