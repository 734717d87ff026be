"""Full-text search over the minutes and the member's notes (SQLite FTS5).

Plain words are searched as words, the last one as a prefix so results come as you type.
Queries written with FTS5 syntax ("exact phrase", OR, NOT, NEAR(...), prefix*) are passed
through; if SQLite cannot read one (``"AND (``), the words are searched literally instead
and ``notice`` says so. A query never raises.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import PurePath

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from scrutiny_tui.store.db import Store

OPEN, CLOSE = "\ue000", "\ue001"  # private-use marks around hits; stripped from the text
_OPERATOR = re.compile(r'"|\bAND\b|\bOR\b|\bNOT\b|\bNEAR\b|[()*^:+]')
_WORD = re.compile(r"\w+")
SNIPPET_TOKENS = 24


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # item | resolution | recommendation | action | note
    uid: str  # the record's uid, or the note's uuid
    item_id: int | None  # the agenda item to open (None: a note whose words are gone)
    body: str | None  # committee
    date: str | None
    item_title: str | None
    file_name: str
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...] = ()
    notice: str | None = None  # said to the user, e.g. how a malformed query was read
    more: bool = False  # there are hits beyond ``limit``


@dataclass(slots=True)
class _Plan:
    match: str
    notice: str | None = None
    fallbacks: list[str] = field(default_factory=list)


def literal_query(query: str) -> str:
    """Every word of ``query`` as a quoted term, the last as a prefix (results as you type)."""
    terms = [f'"{word}"' for word in _WORD.findall(query)]
    if terms:
        terms[-1] += "*"
    return " ".join(terms)


def _plan(query: str) -> _Plan:
    literal = literal_query(query)
    if _OPERATOR.search(query):
        return _Plan(query, fallbacks=[literal] if literal else [])
    return _Plan(literal)


# Ranked in an inner query that reads only rowids, so snippets are made for the rows
# shown and not for every match; item facts joined in the same statement.
_SQL = text(
    f"""
    WITH top AS (
        SELECT rowid AS id, rank AS score FROM search_index
        WHERE search_index MATCH :match
        ORDER BY rank LIMIT :limit OFFSET :offset
    )
    SELECT s.kind, s.ref, s.item_id,
           snippet(search_index, -1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}) AS snip,
           i.title, m.body, m.date, d.path
    FROM top
    JOIN search_index s ON s.rowid = top.id AND search_index MATCH :match
    LEFT JOIN agenda_item i ON i.id = s.item_id
    LEFT JOIN meeting m ON m.id = i.meeting_id
    LEFT JOIN document d ON d.id = i.document_id
    ORDER BY top.score
    """
)

_ITEM_FACTS = text(
    """
    SELECT i.id, i.title, m.body, m.date, d.path
    FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN document d ON d.id = i.document_id
    WHERE i.id = :item_id
    """
)

_NOTE_ITEM = text(
    """
    SELECT coalesce(
        (SELECT id FROM agenda_item WHERE uid = a.target_uid),
        (SELECT item_id FROM resolution WHERE uid = a.target_uid),
        (SELECT item_id FROM recommendation WHERE uid = a.target_uid),
        (SELECT item_id FROM action WHERE uid = a.target_uid),
        (SELECT i.id FROM agenda_item i JOIN document d ON d.id = i.document_id
          WHERE d.path = a.document_path AND a.anchor_state = 'attached'
            AND i.span_start <= a.span_start AND a.span_start < i.span_end))
    FROM annotation a WHERE a.uuid = :uuid
    """
)


def search(store: Store, query: str, limit: int = 50, offset: int = 0) -> SearchResult:
    """Ranked hits for ``query`` (see the module docstring)."""
    query = query.strip()
    plan = _plan(query)
    if not plan.match:
        return SearchResult(query, notice="Type a word to search for." if query else None)
    with store.session() as session:
        for match in [plan.match, *plan.fallbacks]:
            try:
                rows = session.execute(
                    _SQL, {"match": match, "limit": limit + 1, "offset": offset}
                ).all()
                break
            except (OperationalError, sqlite3.OperationalError) as exc:
                plan.notice = (
                    f"Not a valid search expression ({_reason(exc)}): "
                    "searched for the words literally."
                )
        else:
            return SearchResult(query, notice=plan.notice)
        hits = tuple(_hit(session, row) for row in rows[:limit])
    return SearchResult(query, hits, plan.notice, more=len(rows) > limit)


def _reason(exc: Exception) -> str:
    message = str(getattr(exc, "orig", exc))
    return message.removeprefix("fts5: ").split("\n")[0]


def _hit(session, row) -> SearchHit:  # type: ignore[no-untyped-def]
    kind, ref, item_id, snip, title, body, date, path = row
    if kind == "note":  # a note's item is where its words are now
        item_id = session.execute(_NOTE_ITEM, {"uuid": ref}).scalar()
        facts = session.execute(_ITEM_FACTS, {"item_id": item_id}).first() if item_id else None
        _, title, body, date, path = facts or (None, None, None, None, None)
    snippet, highlights = split_marks(snip or "")
    if item_id is None or path is None:
        return SearchHit(kind, ref, None, None, None, None, "", snippet, highlights)
    return SearchHit(
        kind, ref, int(item_id), body, date, title, PurePath(path).name, snippet, highlights
    )


def split_marks(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet without its hit marks, and the (start, end) of each hit within it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for part in re.split(f"([{OPEN}{CLOSE}])", marked):
        if part == OPEN:
            start = length
        elif part == CLOSE:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            out.append(part)
            length += len(part)
    return "".join(out), tuple(spans)
