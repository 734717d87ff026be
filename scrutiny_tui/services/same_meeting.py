"""One meeting, not two: the same minutes from a file and the council's site, or in
several files (a text, a PDF and a Word copy of one meeting).

Two meetings are the same when they were held on the same date, their committees' names
agree (when both state one) and most of one's item titles are found among the other's. The
site's copy wins, whichever arrived first; between files, the one stored first keeps the
meeting. The other's notes and tracking move to the matching records of the meeting kept,
its parsed meeting is dropped, and its document row stays, marked ``same_as`` the keeper:
one meeting with several sources, each record once in the tracker, search and packs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from rapidfuzz import fuzz, process

from scrutiny_tui.store.db import Connection
from scrutiny_tui.store.documents import set_same_as
from scrutiny_tui.store.records import rename_uids
from scrutiny_tui.store.sources import (
    MeetingCandidate,
    document_text,
    drop_meeting,
    meeting_dates_of_document,
    meetings_on,
    move_notes,
    records_of_meeting,
)

# token_sort_ratio of normalised titles: the same words, whatever their order and
# punctuation. Not WRatio: its partial matching rates two different titles that share a
# word or two ("... Care ..." and "... Care ...") as the same.
SAME_TITLE = 85
SAME_COMMITTEE = 85  # token_set_ratio of the committee names
SAME_TEXT = 85  # WRatio for "the same resolution / action", within items already matched
SAME_AGENDA = 0.8  # share of both files' items found in the other: the same minutes
SAME_WORDS = 80  # token_sort_ratio of two files' opening words: the same minutes' text
OPENING = 6_000  # characters of each text compared (a PDF's page heads stay a small share)

_NOISE = re.compile(r"[^a-z0-9 ]+")


def _norm(text: str) -> str:
    return " ".join(_NOISE.sub(" ", text.lower().replace("&", " and ")).split())


def _matched_titles(titles: tuple[str, ...], others: tuple[str, ...]) -> int:
    """How many of ``titles`` find a title of ``others``, each used once."""
    choices = {n: _norm(t) for n, t in enumerate(others)}
    found = 0
    for title in titles:
        best = process.extractOne(_norm(title), choices, scorer=fuzz.token_sort_ratio)
        if best is not None and best[1] >= SAME_TITLE:
            del choices[best[2]]
            found += 1
    return found


def same_meeting(
    file_committee: str | None,
    file_titles: tuple[str, ...],
    committee: str | None,
    other_titles: tuple[str, ...],
    *,
    another_file: bool = False,
) -> bool:
    """Whether a file's meeting is the other meeting of the same date: the site's (most of
    the file's items are among the site's: the file may be one item's page), or with
    ``another_file`` another file's (both hold the same agenda: a PDF and a Word copy of one
    set of minutes, never two item pages of one meeting)."""
    if not file_titles or not other_titles:
        return False
    body_known = bool(file_committee and committee)
    if body_known and fuzz.token_set_ratio(_norm(file_committee or ""), _norm(committee or "")) < (
        SAME_COMMITTEE
    ):
        return False
    found = _matched_titles(file_titles, other_titles)
    if another_file:
        return found >= math.ceil(SAME_AGENDA * max(len(file_titles), len(other_titles)))
    share = 0.5 if body_known else 0.8
    return found >= max(1, math.ceil(share * len(file_titles)))


def same_numbers(numbers: tuple[str | None, ...], others: tuple[str | None, ...]) -> bool:
    """Whether two files number their items alike, where both number them: two pages of
    one meeting's agenda are different items however alike their words."""
    mine = {_norm(n) for n in numbers if n}
    theirs = {_norm(n) for n in others if n}
    if not mine or not theirs:
        return True
    return len(mine & theirs) >= math.ceil(SAME_AGENDA * max(len(mine), len(theirs)))


def same_words(text: str, other: str) -> bool:
    """Whether two files' texts are the same minutes (another format, or a copy with its
    page heads): the same words, near enough, not merely the same agenda titles."""
    return fuzz.token_sort_ratio(_norm(text[:OPENING]), _norm(other[:OPENING])) >= SAME_WORDS


def _renames(conn: Connection, file_meeting: int, site_meeting: int) -> dict[str, str]:
    """File record uid -> synced record uid, for items matched by title and records matched
    by kind and words within them."""
    before = records_of_meeting(conn, file_meeting)
    after = records_of_meeting(conn, site_meeting)
    site_items = {uid: _norm(text) for uid, (kind, _, text) in after.items() if kind == "item"}
    items: dict[str, str] = {}
    for uid, (kind, _, title) in before.items():
        if kind != "item":
            continue
        best = process.extractOne(_norm(title), site_items, scorer=fuzz.token_sort_ratio)
        if best is not None and best[1] >= SAME_TITLE and best[2] not in items.values():
            items[uid] = best[2]
    renames = dict(items)
    claimed: set[str] = set()
    for uid, (kind, item_uid, text) in before.items():
        if kind == "item" or item_uid not in items:
            continue
        candidates = {
            new: new_text
            for new, (new_kind, new_item, new_text) in after.items()
            if new_kind == kind and new_item == items[item_uid] and new not in claimed
        }
        best = process.extractOne(text, candidates, scorer=fuzz.WRatio)
        if best is not None and best[1] >= SAME_TEXT:
            renames[uid] = best[2]
            claimed.add(best[2])
    return renames


def _merge(conn: Connection, file: MeetingCandidate, kept: MeetingCandidate) -> int:
    """``file``'s meeting becomes ``kept``'s: tracking and notes move; returns notes moved."""
    renames = _renames(conn, file.meeting_id, kept.meeting_id)
    rename_uids(conn, renames)
    moved = move_notes(conn, file.key, kept.key, renames)
    drop_meeting(conn, file.meeting_id)
    set_same_as(conn, file.document_id, kept.document_id)
    return moved


def absorb_files_into(conn: Connection, site: MeetingCandidate, text: str) -> int:
    """After a sync wrote ``site``: file meetings of the same meeting are merged into it.
    Returns how many file meetings were merged."""
    if site.date is None:
        return 0
    merged, moved = 0, 0
    for file in meetings_on(conn, site.date, synced=False):
        if same_meeting(file.committee, file.item_titles, site.committee, site.item_titles):
            moved += _merge(conn, file, site)
            merged += 1
    if moved:
        _reanchor(conn, site.key, text)
    return merged


def absorb_file(
    conn: Connection, document_id: int, before_merge: Callable[[], None] | None = None
) -> str | None:
    """After an ingest wrote a file: if its meeting is stored already (synced from the site,
    or read from another file: a copy, another format), the stored one is kept and the
    file's notes move to it. Returns "site" or "file" for what it joined, else None.
    ``before_merge`` is called before a merge removes the file's records."""
    for day in meeting_dates_of_document(conn, document_id):
        files = meetings_on(conn, day, synced=False)
        mine = [m for m in files if m.document_id == document_id]
        for joined, others in (
            ("site", meetings_on(conn, day, synced=True)),
            ("file", [m for m in files if m.document_id != document_id]),
        ):
            for kept in others:
                for file in mine:
                    if _joins(conn, file, kept, another_file=joined == "file"):
                        if before_merge is not None:
                            before_merge()
                        if _merge(conn, file, kept):
                            _reanchor(conn, kept.key, document_text(conn, kept.document_id))
                        return joined
    return None


def _joins(
    conn: Connection, file: MeetingCandidate, kept: MeetingCandidate, *, another_file: bool
) -> bool:
    """Whether ``file``'s meeting is ``kept``'s. Between two files, the agenda must agree
    and so must the item numbers and the words: merging drops one file's records, so two
    different items that happen to share a title must never pass."""
    if not same_meeting(
        file.committee,
        file.item_titles,
        kept.committee,
        kept.item_titles,
        another_file=another_file,
    ):
        return False
    if not another_file:
        return True
    return same_numbers(file.item_numbers, kept.item_numbers) and same_words(
        document_text(conn, file.document_id), document_text(conn, kept.document_id)
    )


def _reanchor(conn: Connection, key: str, text: str) -> None:
    from scrutiny_tui.services.notes import reanchor_document

    reanchor_document(conn, key, text)
