"""What each format's extractor hands back to ``load_document``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


class ExtractError(Exception):
    """The file cannot be turned into minutes text; the message says why, in one line."""


TOO_LARGE_UNPACKED = "too large once unpacked"


def too_large(what: str, limit: int) -> ExtractError:
    """The refusal for a file that is small on disk but unpacks (or extracts) past a limit:
    "too large once unpacked: its text is over 64 MB"."""
    size = f"{limit // 1_048_576} MB" if limit >= 1_048_576 else f"{limit:,} characters"
    return ExtractError(f"{TOO_LARGE_UNPACKED}: {what} is over {size}")


@dataclass(slots=True)
class Extraction:
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)  # council/body/date/title, if stated
    references: list[str] = field(default_factory=list)  # links to supporting documents
    # what was read in a bounded way, said to the reader (a page nested past the depth read)
    warnings: list[str] = field(default_factory=list)


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SPACES_NOT_TABS = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy_layout(text: str, *, columns: bool = False) -> str:
    """Spaces collapsed within lines, at most one blank line between blocks, no edge blanks.
    ``columns``: a tab that parts a table's columns is kept (the rest of the gap goes)."""
    spaces = _SPACES_NOT_TABS if columns else _SPACES
    lines = (spaces.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip() + "\n"
