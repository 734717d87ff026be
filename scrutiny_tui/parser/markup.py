"""Markdown's inline marks in minutes saved as Markdown: "**RESOLVED** –", "**Present:**",
"### 15. [Better Care Fund](https://…)", "[Report (PDF, 845KB)](https://…)".

The marks are blanked, not removed: each becomes as many spaces, so that every offset the
parser records still points at the same words in the document as it was given. (A Markdown
library renders the marks away but gives no character offsets for the words it keeps, which
the records need.) Headings' "#" marks are kept: they are the document's heading scheme.
"""

from __future__ import annotations

import re

# "**RESOLVED**", "__Present:__": strong emphasis around words on one line
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1")
# "[words](address)" and "![alt text](address)": the words kept, the rest blanked
_LINK = re.compile(r"!?\[(?P<words>[^\]\n]{0,300})\]\((?:[^()\s]|\([^()\s]*\))*\)")


_HEAD = 4000  # characters: a Markdown page shows its marks (a link, a bold label) by then


def may_hold_markup(text: str, format: str = "text") -> bool:
    """Whether ``text`` reads as Markdown: saved as such, or with its marks near the top
    (looked for there alone: this is asked of every document, most of them long)."""
    head = text[:_HEAD]
    return format == "markdown" or "](" in head or "**" in head


def without_inline_markup(text: str) -> str:
    """``text`` with Markdown's emphasis and link marks blanked (the same length)."""
    blanked = _LINK.sub(_link_words, text)
    blanked = _LINK.sub(_link_words, blanked)  # a link around an image's
    return _STRONG.sub(_strong_words, blanked)


def _link_words(match: re.Match[str]) -> str:
    opening = match.start("words") - match.start()
    words = match["words"]
    return " " * opening + words + " " * (len(match.group(0)) - opening - len(words))


def _strong_words(match: re.Match[str]) -> str:
    marks = " " * len(match.group(1))
    return marks + match.group(2) + marks
