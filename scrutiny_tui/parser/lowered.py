"""Case-blind patterns run as case-sensitive ones over lower-cased text, which is quicker.

Python's regex engine compares every letter of a case-blind (``re.IGNORECASE``) pattern
through a case-folding call, and many of the parser's patterns scan every block of every
item: run over the lower-cased text, the same pattern without the flag finds the same
matches at the same offsets in about half the time.

That holds where lower-casing changes no offset and no character class, and where the
case-blind pattern folds each character as ``str.lower`` does. Over the whole of Unicode
(checked with Python 3.11) only "İ" (U+0130), which lowers to two characters, and "ı"
(U+0131) and "ſ" (U+017F), which match "i" and "s" case-blind though ``str.lower`` leaves
them, break it; the Kelvin sign (U+212A), the one other character that folds onto an ASCII
letter, is kept out with them for caution. Text holding any of the four is read with the
case-blind pattern itself.
"""

from __future__ import annotations

import re

_FOLDS_UNLIKE_LOWER = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowered(text: str) -> str | None:
    """``text`` lower-cased, or None where a case-blind pattern must read the text itself."""
    # ASCII text holds none of the four (``isascii`` reads a flag, it scans nothing); four
    # substring searches are several times quicker than a pattern's character class
    if not text.isascii() and any(char in text for char in _FOLDS_UNLIKE_LOWER):
        return None
    return text.lower()


def lowered_document(text: str) -> str | None:
    """``text`` lower-cased where any slice of it is the slice's own :func:`lowered` text
    (a document's blocks are then lowered once, not each again), else None. Beyond the four
    characters above, only the capital sigma lowers by its context (to a final sigma at a
    word's end), so a slice cut after one could lower otherwise."""
    if not text.isascii() and "\u03a3" in text:
        return None
    return lowered(text)  # (the text lower-cased once: a long document's copy is not cheap)


def lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (case-blind, written in lower case) without the flag, to run over the
    text :func:`lowered` gives."""
    source = pattern.pattern
    letters = source.replace("(?P<", "(?<").replace("(?P=", "(?=")  # a group's name is no letter
    if not pattern.flags & re.IGNORECASE or letters != letters.lower() or not source.isascii():
        # an upper-case letter (or escape such as \\S, \\W, \\B) would no longer mean the same
        raise ValueError(f"not a case-blind pattern in lower-case ASCII: {source!r}")
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def is_word_character(character: str) -> bool:
    """What a regex's ``\\w`` matches, for one character (or none, for ""): a pattern
    that drops its leading ``\\b`` to scan quicker tests the boundary with this after."""
    return character.isalnum() or character == "_"
