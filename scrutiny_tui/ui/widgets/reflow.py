"""Joining the lines of a paragraph that the minutes' own file broke, before the pane wraps
them again: pure text work, no Textual.

Minutes printed to PDF or typed into a fixed-width file come with a line break every 70 to
90 characters. Shown in a pane narrower than that, each such line is wrapped once more and
leaves a word or two on a line of its own. :func:`reflow` turns a line break *inside* a
paragraph into a space and keeps every other break: blank lines, list items (bullets,
``1.``, ``(a)``, ``ii)``), headings, short label lines (``Present:``) and table-like lines
(columns of spaces, tabs or ``|``).

It only ever replaces ``"\\n"`` by ``" "``, so the result has the same length as its input
and every offset in it (a record's span, a note's quoted words, a search hit) still points
at the same words.
"""

from __future__ import annotations

import re
from itertools import pairwise

# A line that starts a list item: a bullet, "1." "1.2" "12)" "a)" "(a)" "(iv)" "ii." ...
_LIST_ITEM = re.compile(
    r"""^\s*(?:
        [-–—*•·▪◦●○■□➢►‣⁃]\s                               # a bullet
      | \(?(?:\d{1,3}(?:\.\d{1,3})*                          # 1. 1.2 12)
          |[a-zA-Z]                                         # a) B.
          |(?i:i{1,3}|iv|vi{0,3}|ix|xi{0,3})                # iv. xii)
        )[.)](?:\s|$)
      | \(\w{1,6}\)\s                                        # (a) (12) (iv)
    )""",
    re.VERBOSE,
)
_MARKER = re.compile(r"^\s*(?:[-–—*•·▪◦●○■□➢►‣⁃]|\(?\w{1,6}[.)])\s+")  # to strip before
_GAP = re.compile(r"\S( {2,}|\t)\S")  # a run of spaces (or a tab) between words
_WIDE_GAP = re.compile(r"\S {3,}\S")
# A line ending in one of these words or honorifics (or a comma, an open bracket, "&")
# goes on.
_GOES_ON = re.compile(
    r"(?:[,(&/]|\b(?:a|an|and|as|at|be|been|by|for|from|in|into|is|of|on|or|that|the|"
    r"their|this|to|was|were|which|who|with|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Councillors)\b)$"
)
_ENDS_SENTENCE = re.compile(r"""[.!?;]["'”’)\]]*$""")
_ENDS_LABEL = re.compile(r"(?::-?|\s[-–—])$")  # "Present:", "The Board resolved:-", "RESOLVED –"
_LONG = 0.75  # a line this share of the text's line length or more was broken by the file
_TITLE_SHARE = 0.6  # this share of capitalised words (and no comma or full stop): a heading
_LABEL_CHARS = 40  # a line ending ":" no longer than this stands alone ("Present:")


def line_width(lines: list[str]) -> int:
    """The width the file broke its lines at: the length most of its lines stay within
    (the 90th percentile, so one long line does not set it)."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def is_structure(line: str) -> bool:
    """A line that starts something of its own: a list item, or a row of a table."""
    return bool(_LIST_ITEM.match(line)) or is_table_row(line)


def is_table_row(line: str) -> bool:
    if "|" in line or "\t" in line.strip():
        return True
    body = _MARKER.sub("", line, count=1).strip()
    return bool(_WIDE_GAP.search(body)) or len(_GAP.findall(body)) >= 2


def is_heading(line: str) -> bool:
    """Mostly capitalised words, with no comma or full stop: "231 Apologies for Absence"."""
    if "," in line or ". " in line:
        return False
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    if not words:
        return True
    capitalised = sum(1 for w in words if w.lstrip("(\"'“‘*")[:1].isupper())
    return capitalised / len(words) >= _TITLE_SHARE


def goes_on(line: str, following: str, width: int) -> bool:
    """Whether the break between ``line`` and ``following`` (both with words) is inside a
    paragraph, so the two read as one."""
    this, that = line.strip(), following.strip()
    if is_structure(following) or is_table_row(line):
        return False
    if not any(c.isalnum() for c in this) or not any(c.isalnum() for c in that):
        return False  # a rule of dashes or underscores
    if that.endswith((":", ":-")) and len(that) <= _LABEL_CHARS:
        return False  # "Present:" on a line of its own
    if _ENDS_LABEL.search(this):
        return False
    if _GOES_ON.search(this) or that[0].islower():
        return True
    if _ENDS_SENTENCE.search(this):
        return False
    return len(line.rstrip()) >= _LONG * width and not is_heading(this)


def reflow(text: str) -> str:
    """``text`` with the line breaks inside its paragraphs made spaces (same length)."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    width = line_width(lines)
    joined = list(text)
    offset = 0
    for line, following in pairwise(lines):
        offset += len(line)  # the "\n" after this line
        if line.strip() and following.strip() and goes_on(line, following, width):
            joined[offset] = " "
        offset += 1
    return "".join(joined)
