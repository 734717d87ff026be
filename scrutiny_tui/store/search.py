"""SQL for full-text search: ranked rows of the index with the facts of their items (FTS5
on SQLite; a tsvector column with a GIN index on a team store, see ``search_pg.py``).

How a query is written for FTS5, and what to do when SQLite cannot read it, is the search
service's business; this module runs the match it is given.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from scrutiny_tui.store.db import is_postgres
from scrutiny_tui.store.search_pg import RANKED_PG, QuerySyntaxError, to_tsquery_text

if TYPE_CHECKING:
    from scrutiny_tui.store.postgres import PgConnection


class MatchError(ValueError):
    """SQLite could not read the match expression; the message is SQLite's."""


@dataclass(frozen=True, slots=True)
class IndexHit:
    """One ranked row of the index, with where it is (all None when its item is gone)."""

    kind: str  # item | resolution | recommendation | action | note
    ref: str  # the record's uid, or the note's uuid
    heading: str | None  # the indexed title: item title, label, ref, due-to or note tags
    text: str | None  # the indexed text
    item_id: int | None
    item_title: str | None
    committee: str | None
    date: str | None
    path: str | None  # the document the item was read from
    item_number: str | None = None  # as the minutes print it ("70"), when they number it
    item_uid: str | None = None  # the item's stable uid (row ids change on re-ingest)


# Ranked in an inner query that reads only rowids (bm25, titles weighted double) from the
# contentless index; each row shown is then read from its own table, found by its rowid
# (source row id * 8 + kind code, see migration 0012): 1 item, 2 resolution,
# 3 recommendation, 4 action; a note (2^48 + its id) * 8 + 5. Snippets are cut by the
# service from that text. Past the bound (see ``ranked_hits``) the inner query takes the
# newest entries instead, scored by their place.
_BEST = """
    SELECT rowid AS id, rowid / 8 AS source, rowid % 8 AS code,
           bm25(search_words, 2.0, 1.0) AS score
    FROM search_words WHERE search_words MATCH :match
    ORDER BY score LIMIT :limit OFFSET :offset
"""
_NEWEST = """
    SELECT rowid AS id, rowid / 8 AS source, rowid % 8 AS code, -rowid AS score
    FROM search_words WHERE search_words MATCH :match
    ORDER BY rowid DESC LIMIT :limit OFFSET :offset
"""
_RANKED = """
WITH top AS ({top}),
found (score, kind, ref, title, body, item_id) AS (
    SELECT top.score, 'item', x.uid, x.title, unpacked(x.text), x.id
    FROM top JOIN agenda_item x ON top.code = 1 AND x.id = top.source
    UNION ALL
    SELECT top.score, 'resolution', x.uid, coalesce(x.label, ''), x.text, x.item_id
    FROM top JOIN resolution x ON top.code = 2 AND x.id = top.source
    UNION ALL
    SELECT top.score, 'recommendation', x.uid, coalesce(x.ref, ''), x.text, x.item_id
    FROM top JOIN recommendation x ON top.code = 3 AND x.id = top.source
    UNION ALL
    SELECT top.score, 'action', x.uid, coalesce(x.due_to, ''), x.text, x.item_id
    FROM top JOIN action x ON top.code = 4 AND x.id = top.source
    UNION ALL
    SELECT top.score, 'note', x.uuid, x.tags, x.body || ' ' || x.quote_exact, NULL
    FROM top JOIN annotation x ON top.code = 5 AND x.id = top.source - 281474976710656
)
SELECT s.kind, s.ref, s.title, s.body, s.item_id, i.title, m.committee, m.date, d.path,
       i.number, i.uid
FROM found s
LEFT JOIN agenda_item i ON i.id = s.item_id
LEFT JOIN meeting m ON m.id = i.meeting_id
LEFT JOIN document d ON d.id = i.document_id
ORDER BY s.score
"""

# A note is indexed without an item, because its target moves when minutes are imported
# again: its item is the one holding its target record, or else the one whose text holds
# its attached words.
_NOTE_ITEM = """
SELECT coalesce(
    (SELECT item_id FROM record WHERE uid = a.target_uid),
    (SELECT i.id FROM agenda_item i JOIN document d ON d.id = i.document_id
      WHERE d.key = a.document_key AND a.anchor_state = 'attached'
        AND i.span_start <= a.span_start AND a.span_start < i.span_end))
FROM annotation a WHERE a.uuid = ?
"""

_ITEM_FACTS = """
SELECT i.title, m.committee, m.date, d.path, i.number, i.uid
FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN document d ON d.id = i.document_id
WHERE i.id = ?
"""


# Whether more than :bound entries match: a walk from the newest entry, which FTS5 makes in
# rowid order without scoring anything, stopping at the one past the bound.
_PAST_BOUND = """
SELECT 1 FROM search_words WHERE search_words MATCH :match
ORDER BY rowid DESC LIMIT 1 OFFSET :bound
"""


@dataclass(frozen=True, slots=True)
class RankedHits:
    hits: list[IndexHit]
    newest_first: bool = False  # more than the bound matched: the newest came first


def ranked_hits(
    conn: sqlite3.Connection, match: str, limit: int, offset: int, bound: int | None = None
) -> RankedHits:
    """Up to ``limit`` rows matching the FTS5 expression ``match``, best first, after
    skipping ``offset``. Raises :class:`MatchError` if SQLite cannot read ``match``.

    bm25 scores every match, and first counts, for each phrase of the query, every entry in
    the whole index holding it: a phrase of common words ("task and finish group") matching
    most of a large archive costs time in proportion to the archive. With ``bound``, a
    query matching more entries than that is answered newest first (the member's notes,
    numbered above every record, before them), in time that does not grow with the archive.
    A team store ranks every match."""
    if is_postgres(conn):
        try:
            query = to_tsquery_text(match)
        except QuerySyntaxError as exc:
            raise MatchError(str(exc)) from exc
        team = cast("PgConnection", conn)
        rows = team.execute_native(
            RANKED_PG, {"query": query, "limit": limit, "offset": offset}
        ).fetchall()
        return RankedHits([_placed(conn, IndexHit(*row)) for row in rows])
    try:
        past = bound is not None and matches_more_than(conn, match, bound)
        rows = conn.execute(
            _RANKED.format(top=_NEWEST if past else _BEST),
            {"match": match, "limit": limit, "offset": offset},
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise MatchError(str(exc)) from exc
    return RankedHits([_placed(conn, IndexHit(*row)) for row in rows], newest_first=past)


def index_terms(conn: sqlite3.Connection, candidates: list[str]) -> set[str]:
    """Which of ``candidates`` the single file's index holds as terms (its words as stemmed).
    A team store stems a prefix itself: none are needed there."""
    if is_postgres(conn) or not candidates:
        return set()
    marks = ",".join("?" * len(candidates))
    rows = conn.execute(f"SELECT term FROM search_vocab WHERE term IN ({marks})", candidates)
    return {term for (term,) in rows}


def prefixes_held(conn: sqlite3.Connection, prefixes: list[str]) -> set[str]:
    """Which of ``prefixes`` begin some term of the single file's index (all of them on a
    team store, which needs no help with prefixes)."""
    if is_postgres(conn):
        return set(prefixes)
    held = set()
    for prefix in prefixes:
        row = conn.execute(
            "SELECT 1 FROM search_vocab WHERE term >= ? AND term < ? LIMIT 1",
            (prefix, prefix + "\U0010ffff"),
        ).fetchone()
        if row is not None:
            held.add(prefix)
    return held


def matches_more_than(conn: sqlite3.Connection, match: str, bound: int) -> bool:
    """Whether more than ``bound`` index entries match the FTS5 expression ``match``, found
    by a walk that stops at the one past the bound. Always False on a team store, which
    ranks every match. Raises :class:`MatchError` if SQLite cannot read ``match``."""
    if is_postgres(conn):
        return False
    try:
        row = conn.execute(_PAST_BOUND, {"match": match, "bound": bound}).fetchone()
    except sqlite3.OperationalError as exc:
        raise MatchError(str(exc)) from exc
    return row is not None


def _placed(conn: sqlite3.Connection, hit: IndexHit) -> IndexHit:
    """A note's hit with the item its words are in now; other hits as they are."""
    if hit.kind != "note":
        return hit
    row = conn.execute(_NOTE_ITEM, (hit.ref,)).fetchone()
    item_id = row[0] if row else None
    facts = conn.execute(_ITEM_FACTS, (item_id,)).fetchone() if item_id is not None else None
    title, committee, date, path, number, uid = facts or (None,) * 6
    return IndexHit(
        hit.kind, hit.ref, hit.heading, hit.text, item_id, title, committee, date, path, number, uid
    )
