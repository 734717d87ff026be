"""Finding a note's quoted words in a text: pure functions, no store.

A note remembers the words it quotes (``exact``) with a little text either side (``prefix``
and ``suffix``) and where they were. :func:`locate` finds them again in a changed text:
exactly, then ignoring spacing, then approximately; of several exact occurrences, the one
whose surroundings match best wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT_CHARS = 32  # prefix and suffix kept either side of a quote
FUZZY_THRESHOLD = 85.0  # rapidfuzz partial_ratio needed to re-attach changed words
FUZZY_MIN_CHARS = 8  # shorter quotes are only ever matched exactly
FUZZY_WINDOW = 2000  # characters either side of the old place searched first
FUZZY_BUDGET = 400_000_000  # text length x quote length above which only the window is searched
MAX_OCCURRENCES = 1000
FUZZY_REFINE_MAX = 60  # how far the ends of an approximate match may move to fit the words


@dataclass(frozen=True, slots=True)
class Quote:
    """The words of ``text[start:end]`` with a little of the text either side."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


def quote_at(text: str, start: int, end: int) -> Quote:
    """The quote of ``text[start:end]`` with ``CONTEXT_CHARS`` of context either side."""
    return Quote(
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
        start,
        end,
    )


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the spaces at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_NOT_A_LETTER = re.compile(r"^[\W\d_]+")


def heading_key(text: str) -> str:
    """An agenda item's heading as it is compared after a re-ingest: the first line of its
    text, lower case, without its number ("12. Budget" and "13 Budget" are one heading)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return " ".join(_NOT_A_LETTER.sub("", first.strip()).lower().split())


def holding(spans: Iterable[tuple[str, int, int]], start: int, end: int) -> str | None:
    """Of ``(uid, start, end)`` spans, the uid of the one that contains (or most overlaps)
    ``[start, end)``; of equal overlaps the narrowest. None when none overlaps."""
    best, best_key = None, (0, 0)
    for uid, low, high in spans:
        overlap = min(end, high) - max(start, low)
        key = (overlap, -(high - low))
        if overlap > 0 and (best is None or key > best_key):
            best, best_key = uid, key
    return best


def locate(
    text: str, exact: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> tuple[int, int] | None:
    """Where the quote ``exact`` is in ``text`` now, or None when its words are gone.

    Of several exact occurrences, the one whose surroundings best match ``prefix`` and
    ``suffix`` wins (then the one nearest ``hint``, the old start). Changed words are found
    approximately (rapidfuzz partial ratio of at least ``FUZZY_THRESHOLD``).
    """
    if not exact.strip():
        return None
    spans = _occurrences(text, exact)
    if spans:
        return max(spans, key=lambda span: _context_score(text, span, prefix, suffix, hint))
    return _fuzzy(text, exact, hint)


def _occurrences(text: str, exact: str) -> list[tuple[int, int]]:
    """Every place ``exact`` occurs; failing that, every place its words occur, any spacing."""
    found: list[tuple[int, int]] = []
    at = text.find(exact)
    while at != -1 and len(found) < MAX_OCCURRENCES:
        found.append((at, at + len(exact)))
        at = text.find(exact, at + 1)
    if found or not exact.split():
        return found
    pattern = re.compile(r"\s+".join(re.escape(word) for word in exact.split()))
    for match in pattern.finditer(text):
        found.append(match.span())
        if len(found) >= MAX_OCCURRENCES:
            break
    return found


def _context_score(
    text: str, span: tuple[int, int], prefix: str, suffix: str, hint: int | None
) -> tuple[float, int]:
    start, end = span
    score = 0.0
    if prefix:
        score += fuzz.ratio(prefix, text[max(0, start - len(prefix)) : start])
    if suffix:
        score += fuzz.ratio(suffix, text[end : end + len(suffix)])
    return score, -abs(start - hint) if hint is not None else 0


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words and drop spaces at its ends."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return trimmed(text, start, end)


def _refine(text: str, exact: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of an approximate match to where the words best match the quote.

    (A partial-ratio match is as long as the quote, so words added or removed inside it
    would otherwise cut it short or run it on.)
    """
    reach = min(FUZZY_REFINE_MAX, max(3, len(exact) // 10))
    ends = range(max(start + 1, end - reach), min(len(text), end + reach) + 1)
    end = max(ends, key=lambda e: (fuzz.ratio(exact, text[start:e]), -abs(e - end)))
    starts = range(max(0, start - reach), min(end - 1, start + reach) + 1)
    start = max(starts, key=lambda s: (fuzz.ratio(exact, text[s:end]), -abs(s - start)))
    return start, end


def _fuzzy(text: str, exact: str, hint: int | None) -> tuple[int, int] | None:
    if len(exact.strip()) < FUZZY_MIN_CHARS:
        return None
    windows = [(0, len(text))] if len(text) * len(exact) <= FUZZY_BUDGET else []
    if hint is not None:
        low = max(0, hint - FUZZY_WINDOW)
        windows.insert(0, (low, min(len(text), hint + len(exact) + FUZZY_WINDOW)))
    for low, high in windows:
        found = fuzz.partial_ratio_alignment(exact, text[low:high], score_cutoff=FUZZY_THRESHOLD)
        if found is not None and found.dest_end > found.dest_start:
            start, end = _refine(text, exact, low + found.dest_start, low + found.dest_end)
            span = _snap(text, start, end)
            if span[1] > span[0]:
                return span
    return None
