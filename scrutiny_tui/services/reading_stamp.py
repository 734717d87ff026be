"""Which reading of the minutes made a document's records.

The stamp is a digest of the code that reads minutes (the parser and the text extraction),
so a release that reads minutes better has another stamp, and the next ingest reads again the
files stored under the old one: the better reading reaches minutes already stored, with the
member's notes and tracking kept as for a changed file. No one has to remember to bump it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

#: The packages whose code decides what is read from a file.
READERS = ("scrutiny_tui.parser", "scrutiny_tui.extract")


@cache
def reading_stamp() -> str:
    """A short digest of the reading code of this installation."""
    digest = hashlib.sha256()
    for package in READERS:
        for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]
