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
# a link around an image, "[![logo](…)](…)", once its inner link has been blanked
_HINTS = ("**", "__", "](")


def may_hold_markup(text: str) -> bool:
    return any(hint in text for hint in _HINTS)


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
