"""Read-only queries for browsing the store: meetings, their agenda items, one item in full.

Every function opens a short-lived session and returns frozen dataclasses, never ORM
objects, so callers (the app's workers, tests, the CLI) can hold the results as long as
they like. Missing metadata stays ``None`` here; how to *say* it is missing is the UI's job.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import text as sql

from scrutiny_tui.store.db import Store

# ---- results ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    resolutions: int = 0
    open_actions: int = 0
    concerns: int = 0  # live (not deleted) annotations on the item or its records


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    council: str | None
    body: str | None
    date: str | None
    title: str | None
    file_name: str
    item_count: int
    counts: Counts
    url: str | None = None  # the meeting's public page, when synced from its site
    location: str | None = None


@dataclass(frozen=True, slots=True)
class CommitteeGroup:
    """One council's committee and how many meetings of it match the filter."""

    council: str | None
    body: str | None
    meetings: int
    items: int


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    meeting_id: int
    number: str | None
    title: str
    counts: Counts
    restricted: bool = False  # the site withholds its minutes


@dataclass(frozen=True, slots=True)
class Passage:
    """A record shown beside the minutes, with its span in :attr:`ItemDetail.body`."""

    uid: str
    kind: str  # resolution | recommendation | action
    label: str | None
    text: str
    start: int
    end: int
    detail: str | None = None  # resolution kind, action due date...
    done: bool = False


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    honorific: str | None
    role: str | None
    kind: str  # present | apologies | substitute | attendee


@dataclass(frozen=True, slots=True)
class ItemDetail:
    id: int
    uid: str
    meeting_id: int
    council: str | None
    body_name: str | None  # the committee
    date: str | None
    meeting_title: str | None
    file_name: str
    number: str | None
    title: str
    report_refs: tuple[str, ...]
    body: str  # the minutes of the item, readable; passages index into it
    resolutions: tuple[Passage, ...]
    recommendations: tuple[Passage, ...]
    actions: tuple[Passage, ...]
    attendees: tuple[Attendee, ...]
    url: str | None = None  # the meeting's public page, when synced from its site
    restricted: bool = False


@dataclass(frozen=True, slots=True)
class MeetingFilter:
    """What the meetings filter box asked for. Empty fields match everything."""

    text: str = ""
    committee: str = ""
    date_from: str | None = None  # inclusive, YYYY-MM-DD
    date_to: str | None = None  # inclusive, YYYY-MM-DD

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.committee or self.date_from or self.date_to)


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

_ITEM_UIDS = """
    SELECT uid FROM agenda_item WHERE id = {item}
    UNION ALL SELECT uid FROM resolution WHERE item_id = {item}
    UNION ALL SELECT uid FROM recommendation WHERE item_id = {item}
    UNION ALL SELECT uid FROM action WHERE item_id = {item}
"""

_ITEM_COUNTS = f"""
    (SELECT count(*) FROM resolution r WHERE r.item_id = ai.id) AS resolutions,
    (SELECT count(*) FROM action a LEFT JOIN action_state s ON s.uid = a.uid
      WHERE a.item_id = ai.id AND NOT coalesce(s.done, 0)) AS open_actions,
    (SELECT count(*) FROM annotation n WHERE n.deleted_at IS NULL
      AND n.target_uid IN ({_ITEM_UIDS.format(item="ai.id")})) AS concerns
"""

_MEETINGS = """
SELECT m.id, m.council, m.committee, m.date, m.title, d.path,
       (SELECT count(*) FROM agenda_item ai WHERE ai.meeting_id = m.id),
       (SELECT count(*) FROM resolution r JOIN agenda_item ai ON ai.id = r.item_id
         WHERE ai.meeting_id = m.id),
       (SELECT count(*) FROM action a JOIN agenda_item ai ON ai.id = a.item_id
         LEFT JOIN action_state s ON s.uid = a.uid
         WHERE ai.meeting_id = m.id AND NOT coalesce(s.done, 0)),
       (SELECT count(*) FROM annotation n WHERE n.deleted_at IS NULL AND n.target_uid IN (
          SELECT ai.uid FROM agenda_item ai WHERE ai.meeting_id = m.id
          UNION ALL SELECT r.uid FROM resolution r JOIN agenda_item ai ON ai.id = r.item_id
            WHERE ai.meeting_id = m.id
          UNION ALL SELECT r.uid FROM recommendation r JOIN agenda_item ai ON ai.id = r.item_id
            WHERE ai.meeting_id = m.id
          UNION ALL SELECT a.uid FROM action a JOIN agenda_item ai ON ai.id = a.item_id
            WHERE ai.meeting_id = m.id)),
       m.url, m.location
FROM meeting m
JOIN document d ON d.id = m.document_id
WHERE {where}
ORDER BY m.council IS NULL, m.council, m.committee IS NULL, m.committee,
         m.date IS NULL, m.date DESC, d.path
"""

_GROUPS = """
SELECT m.council, m.committee, count(*),
       sum((SELECT count(*) FROM agenda_item ai WHERE ai.meeting_id = m.id))
FROM meeting m JOIN document d ON d.id = m.document_id
WHERE {where}
GROUP BY m.council, m.committee
ORDER BY m.council IS NULL, m.council, m.committee IS NULL, m.committee
"""


def meeting_where(flt: MeetingFilter) -> tuple[str, dict[str, str]]:
    """SQL conditions (on ``meeting m`` and ``document d``) and parameters for a filter."""
    clauses, params = ["1"], {}
    if flt.committee:
        clauses.append("m.committee LIKE :committee")
        params["committee"] = f"%{flt.committee}%"
    if flt.date_from:
        clauses.append("m.date >= :date_from")
        params["date_from"] = flt.date_from
    if flt.date_to:
        clauses.append("m.date <= :date_to")
        params["date_to"] = flt.date_to
    for n, word in enumerate(flt.text.split()):
        key = f"w{n}"
        clauses.append(
            f"(m.council LIKE :{key} OR m.committee LIKE :{key} OR m.title LIKE :{key}"
            f" OR d.path LIKE :{key} OR EXISTS (SELECT 1 FROM agenda_item x"
            f" WHERE x.meeting_id = m.id AND x.title LIKE :{key}))"
        )
        params[key] = f"%{word}%"
    return " AND ".join(clauses), params


def committee_groups(store: Store, flt: MeetingFilter | None = None) -> list[CommitteeGroup]:
    """Council and committee pairs with their matching meetings: the top of the tree, cheap
    to fetch however large the archive."""
    where, params = meeting_where(flt or MeetingFilter())
    with store.session() as session:
        rows = session.execute(sql(_GROUPS.format(where=where)), params).all()
    return [CommitteeGroup(r[0], r[1], r[2], r[3] or 0) for r in rows]


def list_meetings(
    store: Store,
    flt: MeetingFilter | None = None,
    group: tuple[str | None, str | None] | None = None,
) -> list[MeetingRow]:
    """Meetings matching ``flt`` (of one council and committee if ``group`` is given), in
    order: council, committee, newest first."""
    where, params = meeting_where(flt or MeetingFilter())
    if group is not None:
        where += " AND m.council IS :group_council AND m.committee IS :group_body"
        params = {**params, "group_council": group[0], "group_body": group[1]}
    with store.session() as session:
        rows = session.execute(sql(_MEETINGS.format(where=where)), params).all()
    return [
        MeetingRow(
            id=r[0],
            council=r[1],
            body=r[2],
            date=r[3],
            title=r[4],
            file_name=where_from(r[5]),
            item_count=r[6],
            counts=Counts(r[7] or 0, r[8] or 0, r[9] or 0),
            url=r[10],
            location=r[11],
        )
        for r in rows
    ]


def items_of_meeting(store: Store, meeting_id: int) -> list[ItemRow]:
    """The agenda items of one meeting in document order, with their counts."""
    query = f"""SELECT ai.id, ai.meeting_id, ai.number, ai.title, {_ITEM_COUNTS}, ai.restricted
                FROM agenda_item ai WHERE ai.meeting_id = :meeting ORDER BY ai.ordinal"""
    with store.session() as session:
        rows = session.execute(sql(query), {"meeting": meeting_id}).all()
    return [
        ItemRow(r[0], r[1], r[2], r[3], Counts(r[4], r[5], r[6]), bool(r[7])) for r in rows
    ]


def store_is_empty(store: Store) -> bool:
    with store.session() as session:
        return session.execute(sql("SELECT NOT EXISTS (SELECT 1 FROM meeting)")).scalar_one() == 1


def first_item_id(store: Store) -> int | None:
    """Any agenda item, for a screenshot or a smoke test."""
    with store.session() as session:
        row = session.execute(sql("SELECT min(id) FROM agenda_item")).scalar_one()
    return row


def item_id_for_uid(store: Store, uid: str) -> int | None:
    """The agenda item holding the record (item, resolution, ...) with this uid."""
    query = """SELECT id FROM agenda_item WHERE uid = :uid
               UNION ALL SELECT item_id FROM resolution WHERE uid = :uid
               UNION ALL SELECT item_id FROM recommendation WHERE uid = :uid
               UNION ALL SELECT item_id FROM action WHERE uid = :uid LIMIT 1"""
    with store.session() as session:
        return session.execute(sql(query), {"uid": uid}).scalar()


# ---- one item -----------------------------------------------------------------------


def readable(raw: str) -> tuple[str, list[int]]:
    """Minutes text made easy to read, and where each raw offset landed in it.

    Whitespace-only lines (minutes pasted from the web are full of NBSP lines) become
    paragraph breaks, runs of them collapse to one, trailing space goes and NBSP becomes a
    space. Bullets and line order are kept exactly. ``mapping[i]`` is the offset in the
    result of raw offset ``i`` (``len(raw) + 1`` entries), so stored spans still point at
    the right words.
    """
    mapping = [0] * (len(raw) + 1)
    pieces: list[str] = []
    out_len, pos, has_output, blank_pending = 0, 0, False, False
    for line in raw.splitlines(keepends=True):
        content = line.rstrip()
        if not content.strip():
            mapping[pos : pos + len(line)] = [out_len] * len(line)
            blank_pending = has_output
            pos += len(line)
            continue
        separator = "\n\n" if blank_pending else ("\n" if has_output else "")
        pieces.append(separator)
        out_len += len(separator)
        mapping[pos : pos + len(content)] = range(out_len, out_len + len(content))
        mapping[pos + len(content) : pos + len(line)] = [out_len + len(content)] * (
            len(line) - len(content)
        )
        pieces.append(content.replace("\xa0", " "))
        out_len += len(content)
        pos += len(line)
        has_output, blank_pending = True, False
    mapping[len(raw)] = out_len
    return "".join(pieces), mapping


def _passage(row: tuple, kind: str, base: int, mapping: list[int], limit: int) -> Passage:
    uid, label, text, start, end, detail, done = row

    def local(offset: int) -> int:
        return mapping[min(max(offset - base, 0), limit)]

    return Passage(uid, kind, label, text, local(start), local(end), detail, bool(done))


def item_detail(store: Store, item_id: int) -> ItemDetail | None:
    """Everything the item screen shows, or None if the item is gone (re-ingested)."""
    with store.session() as session:
        head = session.execute(
            sql("""SELECT ai.id, ai.uid, ai.meeting_id, m.council, m.committee, m.date, m.title,
                          d.path, ai.number, ai.title, ai.report_refs, ai.span_start,
                          ai.span_end, substr(d.text, ai.span_start + 1,
                                              ai.span_end - ai.span_start),
                          m.url, ai.restricted
                   FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
                   JOIN document d ON d.id = ai.document_id WHERE ai.id = :id"""),
            {"id": item_id},
        ).first()
        if head is None:
            return None
        params = {"id": item_id}
        resolutions = session.execute(
            sql("""SELECT uid, label, text, span_start, span_end, kind, 0 FROM resolution
                   WHERE item_id = :id ORDER BY ordinal"""),
            params,
        ).all()
        recommendations = session.execute(
            sql("""SELECT uid, ref, text, span_start, span_end, NULL, 0 FROM recommendation
                   WHERE item_id = :id ORDER BY ordinal"""),
            params,
        ).all()
        actions = session.execute(
            sql("""SELECT a.uid, a.due_to, a.text, a.span_start, a.span_end, a.due,
                          coalesce(s.done, 0)
                   FROM action a LEFT JOIN action_state s ON s.uid = a.uid
                   WHERE a.item_id = :id ORDER BY a.ordinal"""),
            params,
        ).all()
        attendees = session.execute(
            sql("""SELECT p.name, p.honorific, at.role, at.kind FROM attendance at
                   JOIN person p ON p.id = at.person_id
                   WHERE at.item_id = :id
                      OR (at.item_id IS NULL AND at.meeting_id = :meeting)
                   ORDER BY at.item_id IS NULL, at.id"""),
            {"id": item_id, "meeting": head[2]},
        ).all()
    body, mapping = readable(head[13] or "")
    if head[15]:
        body += RESTRICTED_NOTE  # after the spans' text, so they still point right
    base, limit = head[11], len(mapping) - 1

    def passages(rows: list, kind: str) -> tuple[Passage, ...]:
        return tuple(_passage(tuple(r), kind, base, mapping, limit) for r in rows)

    return ItemDetail(
        id=head[0],
        uid=head[1],
        meeting_id=head[2],
        council=head[3],
        body_name=head[4],
        date=head[5],
        meeting_title=head[6],
        file_name=where_from(head[7]),
        number=head[8],
        title=head[9],
        report_refs=tuple(_json_list(head[10])),
        body=body,
        resolutions=passages(resolutions, "resolution"),
        recommendations=passages(recommendations, "recommendation"),
        actions=passages(actions, "action"),
        attendees=tuple(Attendee(*r) for r in attendees),
        url=head[14],
        restricted=bool(head[15]),
    )


def document_span(store: Store, item_id: int, start: int, end: int) -> tuple[int, int] | None:
    """The document offsets of ``[start, end)`` in the item's readable text (see
    :func:`readable`): what a note on a passage of the minutes is anchored to."""
    with store.session() as session:
        row = session.execute(
            sql("""SELECT ai.span_start, substr(d.text, ai.span_start + 1,
                          ai.span_end - ai.span_start)
                   FROM agenda_item ai JOIN document d ON d.id = ai.document_id
                   WHERE ai.id = :id"""),
            {"id": item_id},
        ).first()
    if row is None:
        return None
    base, raw = row
    _, mapping = readable(raw or "")
    first = bisect_left(mapping, start)
    last = bisect_left(mapping, end)
    while last > first and raw[last - 1].isspace():
        last -= 1
    return base + first, base + last


def _json_list(value: str | None) -> list[str]:
    try:
        loaded = json.loads(value or "[]")
    except json.JSONDecodeError:
        return []
    return [str(v) for v in loaded] if isinstance(loaded, list) else []


def meetings_for_shell(
    store: Store,
    *,
    committee: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict]:
    """Stored meetings as plain JSON-ready dicts (``scrutiny meetings --json``)."""
    from scrutiny_tui.store.sources import meetings_for_export

    with store.session() as session:
        conn = session.connection().connection.driver_connection
        return meetings_for_export(conn, committee, since, until)  # type: ignore[arg-type]
