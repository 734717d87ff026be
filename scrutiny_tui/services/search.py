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

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from scrutiny_tui.services.browse import where_from
from scrutiny_tui.store.db import Store

_OPERATOR = re.compile(r'"|\bAND\b|\bOR\b|\bNOT\b|\bNEAR\b|[()*^:+]')
_WORD = re.compile(r"\w+")


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


# Ranked in an inner query that reads only rowids (bm25, titles weighted double); the text
# and item facts of the rows shown are then fetched by rowid in the same statement.
# Snippets are cut here rather than by FTS5's snippet(), which re-reads the whole match
# list of every query term once per row shown.
_SQL = text(
    """
    WITH top AS (
        SELECT rowid AS id, bm25(search_index, 0, 0, 0, 2.0, 1.0) AS score
        FROM search_index WHERE search_index MATCH :match
        ORDER BY score LIMIT :limit OFFSET :offset
    )
    SELECT s.kind, s.ref, s.item_id, s.title, s.body, i.title, m.committee, m.date, d.path
    FROM top
    CROSS JOIN search_index s ON s.rowid = top.id
    LEFT JOIN agenda_item i ON i.id = s.item_id
    LEFT JOIN meeting m ON m.id = i.meeting_id
    LEFT JOIN document d ON d.id = i.document_id
    ORDER BY top.score
    """
)

_ITEM_FACTS = text(
    """
    SELECT i.id, i.title, m.committee, m.date, d.path
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
          WHERE d.key = a.document_key AND a.anchor_state = 'attached'
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
        words = word_patterns(query)
        hits = tuple(_hit(session, row, words) for row in rows[:limit])
    return SearchResult(query, hits, plan.notice, more=len(rows) > limit)


def _reason(exc: Exception) -> str:
    message = str(getattr(exc, "orig", exc))
    return message.removeprefix("fts5: ").split("\n")[0]


def _hit(session, row, words: list[re.Pattern[str]]) -> SearchHit:  # type: ignore[no-untyped-def]
    kind, ref, item_id, heading, text_, title, body, date, path = row
    if kind == "note":  # a note's item is where its words are now
        item_id = session.execute(_NOTE_ITEM, {"uuid": ref}).scalar()
        facts = session.execute(_ITEM_FACTS, {"item_id": item_id}).first() if item_id else None
        _, title, body, date, path = facts or (None, None, None, None, None)
    snippet, highlights = make_snippet(text_ or heading or "", words)
    if item_id is None or path is None:
        return SearchHit(kind, ref, None, None, None, None, "", snippet, highlights)
    return SearchHit(
        kind, ref, int(item_id), body, date, title, where_from(path), snippet, highlights
    )


_SUFFIX = re.compile(r"(?:ing|ed|es|(?<!s)s|ly)$")
_NOT_WORDS = {"and", "or", "not", "near"}


def word_patterns(query: str) -> list[re.Pattern[str]]:
    """What to highlight: each query word and the words it stems to (report, reported)."""
    patterns = []
    for word in _WORD.findall(query):
        if word.lower() in _NOT_WORDS and word.isupper():
            continue
        stem = _SUFFIX.sub("", word.lower()) if len(word) > 4 else word.lower()
        patterns.append(re.compile(rf"\b{re.escape(stem)}\w*", re.IGNORECASE))
    return patterns


def make_snippet(
    text_: str, words: list[re.Pattern[str]], before: int = 60, width: int = 220
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of ``text_`` around the first hit, and the hits within it."""
    first = min((m.start() for w in words if (m := w.search(text_))), default=0)
    start = 0 if first <= before else text_.rfind(" ", 0, first - before) + 1
    end = len(text_) if start + width >= len(text_) else text_.find(" ", start + width)
    end = len(text_) if end < 0 else end
    window = text_[start:end]
    spans = sorted({m.span() for w in words for m in w.finditer(window)})
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text_) else ""
    shift = len(lead)
    return lead + window + tail, tuple((a + shift, b + shift) for a, b in merged)
