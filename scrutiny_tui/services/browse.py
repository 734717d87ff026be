"""Browsing the store: meetings, their agenda items, one item in full.

Every function reads in one short ``store.read()`` unit through the queries in
``store.browse`` and returns frozen dataclasses, so callers (the app's workers, tests, the
CLI) can hold the results as long as they like. Missing metadata stays ``None`` here; how to
*say* it is missing is the UI's job.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, overload

from scrutiny_tui.store import browse as queries

# Rows the store returns as they are, named here for the screens and commands.
from scrutiny_tui.store.browse import Attendee as Attendee
from scrutiny_tui.store.browse import CommitteeGroup as CommitteeGroup
from scrutiny_tui.store.browse import Counts as Counts
from scrutiny_tui.store.browse import ItemRow as ItemRow
from scrutiny_tui.store.browse import MeetingFilter as MeetingFilter
from scrutiny_tui.store.db import Store
from scrutiny_tui.store.documents import DocumentSource, sources_of_meeting

# ---- results ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    council: str | None
    committee: str | None
    date: str | None
    title: str | None
    file_name: str
    item_count: int
    counts: Counts
    url: str | None = None  # the meeting's public page, when synced from its site
    location: str | None = None
    missing: bool = False  # the file it was read from has gone (kept, never deleted)
    other_sources: int = 0  # further copies or formats of the same minutes
    first_item_title: str | None = None

    @property
    def heading(self) -> str | None:
        """What to call the meeting: its own title, or (a page about one agenda item, as
        ModernGov publishes them) that item's title; None when neither is known."""
        if self.title:
            return self.title
        return self.first_item_title if self.item_count == 1 else None


@dataclass(frozen=True, slots=True)
class Passage:
    """A record shown beside the minutes, with its span in :attr:`ItemDetail.minutes`."""

    uid: str
    kind: str  # resolution | recommendation | action
    label: str | None
    text: str
    start: int
    end: int
    detail: str | None = None  # resolution kind, action due date...
    done: bool = False


@dataclass(frozen=True, slots=True)
class ItemDetail:
    id: int
    uid: str
    meeting_id: int
    council: str | None
    committee: str | None
    date: str | None
    meeting_title: str | None
    file_name: str
    number: str | None
    title: str
    report_refs: tuple[str, ...]
    minutes: str  # the minutes of the item, readable; passages index into it
    resolutions: tuple[Passage, ...]
    recommendations: tuple[Passage, ...]
    actions: tuple[Passage, ...]
    attendees: tuple[Attendee, ...]
    url: str | None = None  # the meeting's public page, when synced from its site
    restricted: bool = False
    # every file (or page) the meeting was read from, the one its records come from first
    sources: tuple[str, ...] = ()


SYNCED_PREFIX = "moderngov://"
RESTRICTED_NOTE = "\n\n(Restricted: the council does not publish the minutes of this item.)"


def where_from(path: str) -> str:
    """How to name a record's origin: a file's name, or "SOURCE meeting ID" for a meeting
    synced from a council's site."""
    if path.startswith(SYNCED_PREFIX):
        source, _, meeting = path[len(SYNCED_PREFIX) :].rpartition("/")
        return f"{source} meeting {meeting}"
    return PurePath(path).name


# ---- the filter box -----------------------------------------------------------------

_DATE_PART = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_RANGE = re.compile(rf"^(?P<start>{_DATE_PART})?\.\.(?P<end>{_DATE_PART})?$")
_SINGLE = re.compile(rf"^{_DATE_PART}$")
_COMMITTEE = re.compile(r"^(?:committee|c):(?P<name>.+)$", re.IGNORECASE)


def _first_day(part: str) -> str:
    return {4: f"{part}-01-01", 7: f"{part}-01"}.get(len(part), part)


def _last_day(part: str) -> str:
    # "9" sorts after any real day or month digit, so the bound is inclusive without
    # having to know how long the month is.
    return {4: f"{part}-99-99", 7: f"{part}-99"}.get(len(part), part)


def parse_filter(query: str) -> MeetingFilter:
    """Split the filter box into a date range, a committee and free text.

    ``2016-01..2017-12`` or ``2016`` or ``2016-03..`` is a date range; ``committee:care``
    (or ``c:care``) names a committee; everything else is text matched against council,
    committee, meeting title, item titles and file name.
    """
    words, committee, date_from, date_to = [], "", None, None
    for token in query.split():
        if match := _RANGE.match(token):
            date_from = _first_day(match["start"]) if match["start"] else None
            date_to = _last_day(match["end"]) if match["end"] else None
        elif _SINGLE.match(token):
            date_from, date_to = _first_day(token), _last_day(token)
        elif match := _COMMITTEE.match(token):
            committee = match["name"]
        else:
            words.append(token)
    return MeetingFilter(" ".join(words), committee, date_from, date_to)


# ---- queries ------------------------------------------------------------------------


def committee_groups(
    store: Store, flt: MeetingFilter | None = None, count_items: bool = True
) -> list[CommitteeGroup]:
    """Council and committee pairs with their matching meetings: the top of the tree. With
    ``count_items=False`` the groups' items are left uncounted (None), and an unfiltered
    list reads only an index of the meetings, cheap however large the archive."""
    with store.read() as conn:
        return queries.committee_groups(conn, flt or MeetingFilter(), count_items)


def item_total(store: Store, flt: MeetingFilter | None = None) -> int:
    """How many agenda items the meetings matching ``flt`` hold."""
    with store.read() as conn:
        return queries.item_total(conn, flt or MeetingFilter())


def list_meetings(
    store: Store,
    flt: MeetingFilter | None = None,
    group: tuple[str | None, str | None] | None = None,
) -> list[MeetingRow]:
    """Meetings matching ``flt`` (of one council and committee if ``group`` is given), in
    order: council, committee, newest first."""
    with store.read() as conn:
        found = queries.meetings(conn, flt or MeetingFilter(), group)
    return [
        MeetingRow(
            id=m.id,
            council=m.council,
            committee=m.committee,
            date=m.date,
            title=m.title,
            file_name=where_from(m.path),
            item_count=m.item_count,
            counts=m.counts,
            url=m.url,
            location=m.location,
            missing=m.missing,
            other_sources=m.other_sources,
            first_item_title=m.first_item_title,
        )
        for m in found
    ]


def items_of_meeting(store: Store, meeting_id: int) -> list[ItemRow]:
    """The agenda items of one meeting in document order, with their counts."""
    with store.read() as conn:
        return queries.items_of_meeting(conn, meeting_id)


def store_is_empty(store: Store) -> bool:
    with store.read() as conn:
        return not queries.has_meetings(conn)


def first_item_id(store: Store) -> int | None:
    """Any agenda item, for a screenshot or a smoke test."""
    with store.read() as conn:
        return queries.first_item_id(conn)


def item_id_for_uid(store: Store, uid: str) -> int | None:
    """The agenda item holding the record (item, resolution, ...) with this uid."""
    with store.read() as conn:
        return queries.item_id_for_uid(conn, uid)


# ---- one item -----------------------------------------------------------------------


class OffsetMap(Sequence[int]):
    """Where each raw offset of an item's minutes landed in their readable text (see
    :func:`readable`): ``len(raw) + 1`` entries, kept as one run per line (where the line
    starts, how long its words are, where they start in the readable text) rather than one
    number per character, so a long item costs three numbers a line."""

    def __init__(
        self,
        raw_starts: array[int],
        kept: array[int],
        out_starts: array[int],
        raw_length: int,
        out_length: int,
    ) -> None:
        self.raw_starts, self.kept, self.out_starts = raw_starts, kept, out_starts
        self.raw_length, self.out_length = raw_length, out_length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("offset outside the minutes")
        line = bisect_right(self.raw_starts, index) - 1
        if line < 0 or index == self.raw_length:
            return self.out_length
        return self.out_starts[line] + min(index - self.raw_starts[line], self.kept[line])

    def __len__(self) -> int:
        return self.raw_length + 1


def readable(raw: str) -> tuple[str, OffsetMap]:
    """Minutes text made easy to read, and where each raw offset landed in it.

    Whitespace-only lines (minutes pasted from the web are full of NBSP lines) become
    paragraph breaks, runs of them collapse to one, trailing space goes and NBSP becomes a
    space. Bullets and line order are kept exactly. ``mapping[i]`` is the offset in the
    result of raw offset ``i`` (``len(raw) + 1`` entries), so stored spans still point at
    the right words.
    """
    raw_starts, kept, out_starts = array("q"), array("q"), array("q")
    pieces: list[str] = []
    out_len, pos, has_output, blank_pending = 0, 0, False, False
    for line in raw.splitlines(keepends=True):
        content = line.rstrip()  # empty for a whitespace-only line
        raw_starts.append(pos)
        pos += len(line)
        if not content:
            kept.append(0)
            out_starts.append(out_len)
            blank_pending = has_output
            continue
        separator = "\n\n" if blank_pending else ("\n" if has_output else "")
        pieces.append(separator)
        out_len += len(separator)
        kept.append(len(content))
        out_starts.append(out_len)
        pieces.append(content)
        out_len += len(content)
        has_output, blank_pending = True, False
    text = "".join(pieces).replace("\xa0", " ")  # (NBSP for a space keeps every offset)
    return text, OffsetMap(raw_starts, kept, out_starts, len(raw), out_len)


def _passage(
    record: queries.SpannedRecord, kind: str, base: int, mapping: OffsetMap, limit: int
) -> Passage:
    """The record with its document span moved into the readable minutes."""

    def local(offset: int) -> int:
        return mapping[min(max(offset - base, 0), limit)]

    return Passage(
        record.uid,
        kind,
        record.label,
        record.text,
        local(record.start),
        local(record.end),
        record.detail,
        record.done,
    )


def item_detail(store: Store, item_id: int) -> ItemDetail | None:
    """Everything the item screen shows, or None if the item is gone (re-ingested)."""
    with store.read() as conn:
        head = queries.item_head(conn, item_id)
        if head is None:
            return None
        resolutions = queries.resolutions_of_item(conn, item_id)
        recommendations = queries.recommendations_of_item(conn, item_id)
        actions = queries.actions_of_item(conn, item_id)
        attendees = queries.attendees_of_item(conn, item_id, head.meeting_id)
        sources = sources_of_meeting(conn, head.meeting_id)
    minutes, mapping = readable(head.minutes)
    if head.restricted:
        minutes += RESTRICTED_NOTE  # after the spans' text, so they still point right
    base, limit = head.span_start, len(mapping) - 1

    def passages(records: list[queries.SpannedRecord], kind: str) -> tuple[Passage, ...]:
        return tuple(_passage(r, kind, base, mapping, limit) for r in records)

    return ItemDetail(
        id=head.id,
        uid=head.uid,
        meeting_id=head.meeting_id,
        council=head.council,
        committee=head.committee,
        date=head.date,
        meeting_title=head.meeting_title,
        file_name=where_from(head.path),
        number=head.number,
        title=head.title,
        report_refs=head.report_refs,
        minutes=minutes,
        resolutions=passages(resolutions, "resolution"),
        recommendations=passages(recommendations, "recommendation"),
        actions=passages(actions, "action"),
        attendees=tuple(attendees),
        url=head.url,
        restricted=head.restricted,
        sources=tuple(_source_name(s) for s in sources),
    )


def _source_name(source: DocumentSource) -> str:
    name = where_from(source.path)
    return f"{name} (file missing)" if source.missing else name


def document_span(store: Store, item_id: int, start: int, end: int) -> tuple[int, int] | None:
    """The document offsets of ``[start, end)`` in the item's readable text (see
    :func:`readable`): what a note on a passage of the minutes is anchored to."""
    with store.read() as conn:
        found = queries.item_minutes(conn, item_id)
    if found is None:
        return None
    base, raw = found
    _, mapping = readable(raw)
    first = bisect_left(mapping, start)
    last = bisect_left(mapping, end)
    while last > first and raw[last - 1].isspace():
        last -= 1
    return base + first, base + last


def meetings_for_shell(
    store: Store,
    *,
    committee: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """(how many match, the latest ``limit`` of them, oldest first) as plain JSON-ready
    dicts (``scrutiny meetings``)."""
    from scrutiny_tui.store.sources import meetings_for_export

    with store.read() as conn:
        return meetings_for_export(conn, committee, since, until, limit)
