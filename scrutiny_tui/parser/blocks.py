"""Lines and blocks: the minutes text cut into paragraphs, bullets and list items.

Nothing is copied out of the text without its offsets: every :class:`Block` knows where it
starts and ends in the original string, so records built from blocks can point back at the
exact words. Hard-wrapped lines are joined into one block; a blank line (spaces and
non-breaking spaces count as blank), a bullet, a list label or a heading starts a new one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

BULLET = re.compile(r"^(?P<marker>[·•▪◦●‣∙\-*–—]|\uf0b7)(?:[\s\u00a0]+|$)")
LIST_LABEL = re.compile(
    r"^(?P<marker>\((?P<p>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)"
    r"|(?P<b>[a-z]|[ivxlc]{1,6}|\d{1,2})[.)])(?:[\s\u00a0]+|$)",
    re.IGNORECASE,
)


def squash(text: str) -> str:
    """Whitespace (including non-breaking spaces and line breaks) collapsed to single spaces."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # Nothing to collapse (the space is the one printable whitespace character, over all
        # of Unicode): most lines, kept without splitting them into words and joining again
        return text
    return " ".join(text.split())


# Lines and blocks are made for every line of every document: their __init__ is written out
# (squashing inline) rather than generated to call __post_init__ and squash in turn.


@dataclass(slots=True, init=False)
class Line:
    start: int  # offset of the first character of the line in the document
    raw: str  # the line without its newline
    text: str  # the line's words, whitespace collapsed

    def __init__(self, start: int, raw: str) -> None:
        self.start = start
        self.raw = raw
        self.text = squash(raw)

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def content_start(self) -> int:
        return self.start + (len(self.raw) - len(self.raw.lstrip(" \t\u00a0\ufeff")))

    @property
    def content_end(self) -> int:
        return max(self.content_start, self.start + len(self.raw.rstrip(" \t\u00a0\r\ufeff")))


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``text[start:end]`` with their offsets."""
    end = len(text) if end is None else end
    raws = text[start:end].split("\n")
    if not raws[-1]:
        raws.pop()  # the text ends with a newline (or is empty): no line after it
    lines: list[Line] = []
    position = start
    for raw in raws:
        lines.append(Line(position, raw))
        position += len(raw) + 1
    return lines


@dataclass(slots=True, init=False)
class Block:
    """A paragraph, bullet or list item: one or more joined lines."""

    start: int
    end: int
    raw: str  # text[start:end], exactly
    marker: str | None  # "·", "-", "(a)", "b)", "1." ... when the block is a list entry
    label: str | None  # "a", "ii", "3": a list entry's label without brackets
    after_blank: bool  # a blank line (or the start) comes before it
    text: str  # the block's words on one line, its marker removed
    gapped: bool  # lines left out between its lines (a page's foot and head): raw holds them

    def __init__(
        self,
        start: int,
        end: int,
        raw: str,
        marker: str | None = None,
        label: str | None = None,
        after_blank: bool = True,
        text: str | None = None,
        gapped: bool = False,
    ) -> None:
        """``text``, when given, is the block's words as :func:`squash` gives them, known
        already from its lines."""
        self.start = start
        self.end = end
        self.raw = raw
        self.marker = marker
        self.label = label
        self.after_blank = after_blank
        self.gapped = gapped
        if text is None:
            body = raw if marker is None else raw.lstrip(" \t\u00a0\ufeff")[len(marker) :]
            text = squash(body)
        self.text = text

    @property
    def is_bullet(self) -> bool:
        return self.marker is not None and self.label is None

    @property
    def is_labelled(self) -> bool:
        return self.label is not None


_BULLET_MARKS = "·•▪◦●‣∙-*–—\uf0b7"  # BULLET's first character


def list_marker(line_text: str) -> tuple[str, str | None] | None:
    """(marker, label) when the line opens a bullet or a labelled list entry."""
    # Asked of every line: each pattern is tried only where the line can open as it needs,
    # with "(" or with a "." or ")" among its first seven characters ("viii)"), or a bullet
    head = line_text[:7]
    if head[:1] == "(" or "." in head or ")" in head:
        labelled = LIST_LABEL.match(line_text)
        if labelled:
            return labelled["marker"], labelled["p"] or labelled["b"]
    if head[:1] in _BULLET_MARKS:
        bullet = BULLET.match(line_text)
        if bullet:
            return bullet["marker"], None
    return None


def _words(lines: list[Line], raw: str, marker: str | None) -> str | None:
    """A block's words, joined from its lines' words (already squashed) rather than squashed
    again from its raw text: lines left out between its lines (a "Meeting:" line, a page's
    foot and head where a sentence runs over the page) are no words of it, though the raw
    text spans them. None where the two could differ otherwise: a byte-order mark (not
    whitespace, but trimmed from the block's ends) on its first or last line, or a first
    character that is whitespace of another kind (a list marker would then not open it)."""
    first, last = lines[0].raw, lines[-1].raw
    if "\ufeff" in first or "\ufeff" in last or raw[:1].isspace():
        return None
    texts = [line.text for line in lines]
    if marker is not None:
        # the marker is the first line's first word (a space or the end follows it)
        texts[0] = texts[0][len(marker) + 1 :]
        if not texts[0]:
            del texts[0]
    return " ".join(texts)


_ENDS_SENTENCE = re.compile(r"[.;:!?]['’”\")]*$")

LineTest = Callable[[Line], bool]


def blocks_of(
    text: str,
    lines: list[Line],
    *,
    dense: bool,
    alone: LineTest | None = None,
    opens: LineTest | None = None,
) -> list[Block]:
    """Join lines into blocks.

    ``dense`` text has few blank lines, so there a line that ends a sentence also ends its
    block. ``alone(line)`` marks lines that are blocks by themselves (headings, "Minutes:");
    ``opens(line)`` marks lines that always start a block ("RESOLVED –").
    """
    blocks: list[Block] = []
    current: list[Line] = []
    marker: tuple[str, str | None] | None = None
    after_blank = True

    def close() -> None:
        nonlocal current, marker, after_blank
        if current:
            start, end = current[0].content_start, current[-1].content_end
            raw = text[start:end]
            label = marker[1] if marker else None
            words = _words(current, raw, marker[0] if marker else None)
            gapped = any(
                after.start != before.start + len(before.raw) + 1
                for before, after in pairwise(current)
            )
            opener = marker[0] if marker else None
            blocks.append(Block(start, end, raw, opener, label, after_blank, words, gapped))
        current, marker, after_blank = [], None, False

    for line in lines:
        if line.blank:
            close()
            after_blank = True
            continue
        if alone is not None and alone(line):
            close()
            current = [line]
            close()
            continue
        entry = list_marker(line.text)
        starts = entry is not None or (opens is not None and opens(line))
        ended = dense and bool(current) and _ENDS_SENTENCE.search(current[-1].text) is not None
        if current and (starts or ended):
            close()
        if not current:
            marker = entry
        current.append(line)
    close()
    return blocks
