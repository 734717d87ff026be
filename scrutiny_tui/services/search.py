"""Full-text search over the minutes and the member's notes (SQLite FTS5).

Plain words are searched as words, the last one as a prefix so results come as you type;
but when the words as typed, the last one whole, already match more entries than are ranked
(``RANKED_AT_MOST``), those are the answer, newest first: FTS5 gathers every entry of every
word a prefix begins before it returns the first, which for a common word in a region's
archive took a tenth of a second or more.
An acronym common in council minutes (CAMHS, SEND, EHCP ...; see ``vocabulary.ACRONYMS``,
extended from config.yaml) also finds its expansion, and an expansion typed out finds the
acronym.
Queries written with FTS5 syntax ("exact phrase", OR, NOT, NEAR(...), prefix*) are passed
through; if SQLite cannot read one (``"AND (``), the words are searched literally instead
and ``notice`` says so. A query never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from scrutiny_tui.services.browse import where_from
from scrutiny_tui.store.db import Connection, Store
from scrutiny_tui.store.search import (
    IndexHit,
    MatchError,
    RankedHits,
    index_terms,
    matches_more_than,
    prefixes_held,
    ranked_hits,
)
from scrutiny_tui.vocabulary import ACRONYMS

Acronyms = Mapping[str, Sequence[str]]  # an acronym (any case) and its expansions

_OPERATOR = re.compile(r'"|\bAND\b|\bOR\b|\bNOT\b|\bNEAR\b|[()*^:+]')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # item | resolution | recommendation | action | note
    uid: str  # the record's uid, or the note's uuid
    item_id: int | None  # the agenda item to open (None: a note whose words are gone)
    committee: str | None
    date: str | None
    item_title: str | None
    file_name: str
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()
    item_number: str | None = None  # the item's number as the minutes print it ("70")
    item_uid: str | None = None  # the item's stable uid; ``item_id`` is a row id


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
    added: list[str] = field(default_factory=list)  # acronyms' phrases the match also finds
    whole_words: str | None = None  # the match with its last word whole, not a prefix


def literal_query(query: str) -> str:
    """Every word of ``query`` as a quoted term, the last as a prefix (results as you type)."""
    terms = [f'"{word}"' for word in _WORD.findall(query)]
    if terms:
        terms[-1] += "*"
    return " ".join(terms)


def _quoted(words: Sequence[str]) -> str:
    return '"' + " ".join(words) + '"'


# Acronyms that are also everyday words: expanded only when typed in capitals ("SEND", not
# "send the report").
_EVERYDAY = {"send", "mash", "sen", "asc", "cin", "hra", "yos"}


def expanded_query(
    query: str, acronyms: Acronyms, *, last_as_prefix: bool = True
) -> tuple[str, list[str]]:
    """The plain words of ``query`` as FTS5 terms with each acronym ORed with its expansions
    and each expansion typed out ORed with its acronym; the last word is a prefix (unless
    ``last_as_prefix`` is False). Also the words the expansions add (for highlighting)."""
    words = _WORD.findall(query)
    by_acronym = {key.lower(): tuple(values) for key, values in acronyms.items()}
    expansions = [
        (key, _WORD.findall(value.lower())) for key, values in acronyms.items() for value in values
    ]
    expansions.sort(key=lambda pair: -len(pair[1]))  # the longest expansion first
    terms: list[str] = []
    added: list[str] = []
    n = 0
    while n < len(words):
        lowered = [w.lower() for w in words[n:]]
        spelled = next(
            (
                (key, phrase)
                for key, phrase in expansions
                if phrase and lowered[: len(phrase)] == phrase
            ),
            None,
        )
        if spelled is not None and len(spelled[1]) > 1:
            key, phrase = spelled
            terms.append(f'({_quoted(phrase)} OR "{key}")')
            added.append(key)
            n += len(phrase)
            continue
        word = words[n]
        last = n == len(words) - 1
        term = f'"{word}"' + ("*" if last and last_as_prefix else "")
        if word.lower() in by_acronym and (word.isupper() or word.lower() not in _EVERYDAY):
            alternatives = [_quoted(_WORD.findall(v)) for v in by_acronym[word.lower()]]
            added += list(by_acronym[word.lower()])
            term = "(" + " OR ".join([term, *alternatives]) + ")"
        terms.append(term)
        n += 1
    # FTS5 reads "a b" as a AND b, but not after a bracketed OR: say AND there.
    joiner = " AND " if any(term.startswith("(") for term in terms) else " "
    return joiner.join(terms), added


def _plan(query: str, acronyms: Acronyms) -> _Plan:
    literal = literal_query(query)
    if _OPERATOR.search(query):
        return _Plan(query, fallbacks=[literal] if literal else [])
    expanded, added = expanded_query(query, acronyms)
    whole, _ = expanded_query(query, acronyms, last_as_prefix=False)
    if expanded != literal:
        return _Plan(
            expanded, fallbacks=[literal] if literal else [], added=added, whole_words=whole
        )
    return _Plan(literal, whole_words=whole)


#: The most a query may hold: FTS5 and the highlighter take time in proportion to its terms
#: (10,000 ORed words took most of a minute), and no one types more.
MAX_QUERY_WORDS = 64
MAX_QUERY_CHARS = 1_000
#: The most hits one search returns (and the most a page may skip).
MAX_LIMIT = 10_000
#: The most matching index entries a search ranks by relevance. Ranking scores every match
#: (and counts every entry holding each phrase first), so a phrase of common words found in
#: most of a region's archive would take a second at a million items; past this many
#: matches the newest come first (the member's notes before them) and the notice says so.
RANKED_AT_MOST = 5_000


def search(
    store: Store,
    query: str,
    limit: int = 50,
    offset: int = 0,
    acronyms: Acronyms | None = None,
) -> SearchResult:
    """Ranked hits for ``query`` (see the module docstring); ``acronyms`` defaults to
    ``vocabulary.ACRONYMS``."""
    query = query.strip()
    word_count = len(_WORD.findall(query))
    if word_count > MAX_QUERY_WORDS or len(query) > MAX_QUERY_CHARS:
        return SearchResult(
            query[:MAX_QUERY_CHARS],
            notice=f"Too long to search ({word_count:,} words, {len(query):,} characters): "
            f"a search takes up to {MAX_QUERY_WORDS} words and {MAX_QUERY_CHARS:,} characters.",
        )
    limit = min(max(limit, 1), MAX_LIMIT)
    offset = min(max(offset, 0), MAX_LIMIT)
    acronyms = ACRONYMS if acronyms is None else acronyms
    plan = _plan(query, acronyms)
    if not plan.match:
        return SearchResult(query, notice="Type a word to search for." if query else None)
    words = _marks(query, plan.added)
    with store.read() as conn:
        for match in [plan.match, *plan.fallbacks]:
            try:
                whole = plan.whole_words if match == plan.match else None
                ranked = _ranked(conn, match, limit + 1, offset, whole)
                break
            except MatchError as exc:
                plan.notice = (
                    f"Not a valid search expression ({_reason(exc)}): "
                    "searched for the words literally."
                )
        else:
            return SearchResult(query, notice=plan.notice)
    found = ranked.hits
    hits = tuple(_hit(row, words) for row in found[:limit])
    notice = plan.notice
    if ranked.newest_first:
        bounded = (
            f"Over {RANKED_AT_MOST:,} matches, so the newest come first (your notes before "
            "them). Add a word, or put a phrase in quotes, to rank them by relevance."
        )
        notice = f"{notice} {bounded}" if notice else bounded
    return SearchResult(query, hits, notice, more=len(found) > limit)


# A prefix term, "word"* or word*, standing alone (not the end of a quoted phrase)
_PREFIX_TERM = re.compile(r'(?:"(\w{4,})"|(?<![\w"])(\w{4,}))\*')


def _stem_candidates(prefix: str) -> list[str]:
    """Shorter forms of ``prefix`` the stemmer may have kept, longest first: down to half
    the word ("organization" is kept as "organ"), never under four letters."""
    lowered = prefix.lower()
    return [lowered[:k] for k in range(len(lowered) - 1, max(4, len(lowered) // 2) - 1, -1)]


def widened_prefixes(
    match: str,
    terms_held: Callable[[list[str]], set[str]],
    prefixes_held: Callable[[list[str]], set[str]],
) -> str:
    """``match`` with each prefix typed past its word's stem also matching the stem.

    The index keeps words as the Porter stemmer cuts them ("regeneration" as "regener"), and
    FTS5 does not stem a prefix, so "regenerat*" (a word half typed, or typed whole as the
    last word of a search) found nothing though the minutes say "regeneration" on every
    page. A prefix that begins no term of the index is ORed with the longest of its shorter
    forms that the index holds as a term; one that begins a term is left alone (widening
    "overspend" to "overs" would find "oversight")."""
    if "NEAR" in match:  # a NEAR group takes only plain terms and phrases
        return match
    typed = {(quoted or bare).lower() for quoted, bare in _PREFIX_TERM.findall(match)}
    lost = sorted(typed - prefixes_held(sorted(typed))) if typed else []
    candidates = sorted({c for prefix in lost for c in _stem_candidates(prefix)})
    held = terms_held(candidates) if candidates else set()
    if not held:
        return match

    def widen(term: re.Match[str]) -> str:
        prefix = (term.group(1) or term.group(2)).lower()
        if prefix not in lost:
            return term.group(0)
        stem = next((c for c in _stem_candidates(prefix) if c in held), None)
        return f"({term.group(0)} OR {stem}*)" if stem else term.group(0)

    return _PREFIX_TERM.sub(widen, match)


def _ranked(
    conn: Connection, match: str, limit: int, offset: int, whole: str | None = None
) -> RankedHits:
    """Hits for ``match`` with its prefixes widened to their stems (or, should FTS5 not read
    the widened form, as it was written); or, when ``whole`` (the match with its last word
    whole) matches more than are ranked, the newest hits for ``whole``."""
    if whole is not None and whole != match:
        try:
            if matches_more_than(conn, whole, RANKED_AT_MOST):
                return ranked_hits(conn, whole, limit, offset, RANKED_AT_MOST)
        except MatchError:
            pass  # searched as the match was written, below
    widened = widened_prefixes(
        match, lambda terms: index_terms(conn, terms), lambda typed: prefixes_held(conn, typed)
    )
    try:
        return ranked_hits(conn, widened, limit, offset, RANKED_AT_MOST)
    except MatchError:
        if widened == match:
            raise
    return ranked_hits(conn, match, limit, offset, RANKED_AT_MOST)


def _reason(exc: MatchError) -> str:
    return str(exc).removeprefix("fts5: ").split("\n")[0]


def _hit(row: IndexHit, words: list[re.Pattern[str]]) -> SearchHit:
    snippet, highlights = make_snippet(row.text or row.heading or "", words)
    if row.item_id is None or row.path is None:
        return SearchHit(row.kind, row.ref, None, None, None, None, "", snippet, highlights)
    return SearchHit(
        kind=row.kind,
        uid=row.ref,
        item_id=row.item_id,
        committee=row.committee,
        date=row.date,
        item_title=row.item_title,
        file_name=where_from(row.path),
        snippet=snippet,
        highlights=highlights,
        item_number=row.item_number,
        item_uid=row.item_uid,
    )


def marked_patterns(query: str, acronyms: Acronyms | None = None) -> list[re.Pattern[str]]:
    """What a search for ``query`` marks in the text it found: each word (and the words it
    stems to) and each phrase an acronym of it stands for, or the acronym of a phrase."""
    acronyms = ACRONYMS if acronyms is None else acronyms
    added = [] if _OPERATOR.search(query) else expanded_query(query, acronyms)[1]
    return _marks(query, added)


def _marks(query: str, added: Sequence[str]) -> list[re.Pattern[str]]:
    return word_patterns(query) + [_phrase_pattern(phrase) for phrase in added]


def first_match(text_: str, query: str, acronyms: Acronyms | None = None) -> tuple[int, int] | None:
    """Where in ``text_`` the words of ``query`` (or an expansion of one of its acronyms)
    first occur, to open minutes at the words a search found; None when they do not."""
    found = [m.span() for p in marked_patterns(query, acronyms) if (m := p.search(text_))]
    return min(found) if found else None


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """An acronym or expansion as the minutes may print it: whole words, any spacing or
    punctuation between them ("education, health and care plan")."""
    words = [re.escape(w) for w in _WORD.findall(phrase)]
    # a plural as printed ("Education, Health and Care Plans") is the same phrase
    return re.compile(r"\b" + r"\W+".join(words) + r"(?:e?s)?\b", re.IGNORECASE)


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


_EDGE_SLACK = 40  # how far past a snippet's edge a space is looked for


def make_snippet(
    text_: str, words: list[re.Pattern[str]], before: int = 60, width: int = 220
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of ``text_`` around the first hit, and the hits within it.

    The window's edges move to the nearest space within ``_EDGE_SLACK`` characters, so
    words are whole; text with no space there (a run of digits, a spaceless script) is cut
    where the window ends, so no snippet is longer than ``width`` and the slack.
    """
    first = min((m.start() for w in words if (m := w.search(text_))), default=0)
    if first <= before:
        start = 0
    else:
        edge = first - before
        space = text_.rfind(" ", max(0, edge - _EDGE_SLACK), edge)
        start = space + 1 if space >= 0 else edge
    if start + width >= len(text_):
        end = len(text_)
    else:
        space = text_.find(" ", start + width, start + width + _EDGE_SLACK)
        end = space if space >= 0 else start + width
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
